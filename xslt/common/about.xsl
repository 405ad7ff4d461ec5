<?xml version="1.0" encoding="UTF-8"?>
<!-- "About this edition", generated from the teiHeader: source, editorial declarations,
     the list of corrections, licence, how to cite. Format-neutral XHTML: the caller wraps
     it in a page and supplies the h1; sections here start at h2.
     Formats override f:location-href to say where a place in the text lives. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:m="urn:edition:modes"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- Header prose may hold phrase elements we do not style; their text is kept. -->
  <xsl:mode name="m:about" on-no-match="text-only-copy"/>

  <!-- Where the element with xml:id $id is found; HTML points into its section page. -->
  <xsl:function name="f:location-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'#' || $id"/>
  </xsl:function>

  <!-- "Preface, paragraph 1" / "Section 3, paragraph 4": where a node of the text stands. -->
  <xsl:function name="f:location-label" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="div" select="$node/ancestor-or-self::tei:div[1]"/>
    <xsl:variable name="p" select="$node/ancestor-or-self::tei:p[1]"/>
    <xsl:variable name="where" select="if ($div/@n) then 'Section ' || $div/@n
        else if ($div/@type) then f:capitalised($div/@type)
        else 'Front matter'"/>
    <xsl:sequence select="if ($p) then $where || ', paragraph ' || (count($p/preceding-sibling::tei:p) + 1) else $where"/>
  </xsl:function>

  <!-- The id of a correction's line in the list, so the text can link to it. -->
  <xsl:function name="f:correction-id" as="xs:string">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="'correction-' || count($choice/preceding::tei:choice) + 1"/>
  </xsl:function>

  <xsl:template match="tei:teiHeader" mode="m:about">
    <xsl:apply-templates select="tei:fileDesc/tei:sourceDesc" mode="m:about"/>
    <xsl:apply-templates select="tei:encodingDesc/tei:editorialDecl" mode="m:about"/>
    <xsl:call-template name="t:corrections"/>
    <xsl:apply-templates select="tei:fileDesc/tei:publicationStmt/tei:availability" mode="m:about"/>
    <xsl:call-template name="t:how-to-cite"/>
    <xsl:apply-templates select="tei:revisionDesc" mode="m:about"/>
  </xsl:template>

  <xsl:template match="tei:sourceDesc" mode="m:about">
    <section class="about-source" id="about-source">
      <h2>Source</h2>
      <xsl:apply-templates mode="m:about"/>
    </section>
  </xsl:template>

  <!-- A bibl written as prose (text between its elements) reads as it stands. -->
  <xsl:template match="tei:sourceDesc/tei:bibl[text()[normalize-space()]] | tei:sourceDesc/tei:p" mode="m:about">
    <p class="source-bibl">
      <xsl:apply-templates mode="m:about"/>
    </p>
  </xsl:template>

  <!-- A structured bibl: authors, title, date as one citation; identifiers and notes after it. -->
  <xsl:template match="tei:sourceDesc/tei:bibl" mode="m:about">
    <div class="source-bibl {@type}">
      <xsl:if test="tei:author | tei:title | tei:date">
        <p>
          <xsl:value-of select="string-join(tei:author ! normalize-space(), ' and ')"/>
          <xsl:if test="tei:author and tei:title">, </xsl:if>
          <xsl:apply-templates select="tei:title" mode="m:about"/>
          <xsl:value-of select="tei:date ! (', ' || normalize-space(.))"/>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:if>
      <xsl:if test="tei:idno">
        <p class="identifiers">
          <xsl:value-of select="string-join(tei:idno ! (@type || ': ' || normalize-space(.)), ' · ')"/>
        </p>
      </xsl:if>
      <xsl:for-each select="tei:note">
        <p>
          <xsl:apply-templates mode="m:about"/>
        </p>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="tei:editorialDecl" mode="m:about">
    <section class="about-editorial" id="about-editorial">
      <h2>Editorial principles</h2>
      <dl>
        <xsl:apply-templates select="*" mode="m:about"/>
      </dl>
    </section>
  </xsl:template>

  <!-- correction, quotation, normalization, …: a term named after the declaration. -->
  <xsl:template match="tei:editorialDecl/*" mode="m:about">
    <dt>
      <xsl:value-of select="f:capitalised(local-name())"/>
    </dt>
    <dd>
      <xsl:apply-templates mode="m:about"/>
    </dd>
  </xsl:template>

  <xsl:template match="tei:p" mode="m:about">
    <p>
      <xsl:apply-templates mode="m:about"/>
    </p>
  </xsl:template>

  <!-- HTML allows no list inside a p: such a paragraph becomes a div. -->
  <xsl:template match="tei:p[tei:list]" mode="m:about">
    <div class="p">
      <xsl:apply-templates mode="m:about"/>
    </div>
  </xsl:template>

  <!-- A header paragraph holding a list: HTML forbids ul inside p, so it becomes a div. -->
  <xsl:template match="tei:p[tei:list]" mode="m:about">
    <div class="p">
      <xsl:apply-templates mode="m:about"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:title" mode="m:about">
    <cite class="title">
      <xsl:apply-templates mode="m:about"/>
    </cite>
  </xsl:template>

  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="m:about">
    <a href="{@target}">
      <xsl:value-of select="if (normalize-space(.)) then . else @target"/>
    </a>
  </xsl:template>

  <xsl:template match="tei:list" mode="m:about">
    <ul>
      <xsl:apply-templates select="tei:item" mode="m:about"/>
    </ul>
  </xsl:template>

  <xsl:template match="tei:item" mode="m:about">
    <li>
      <xsl:apply-templates mode="m:about"/>
    </li>
  </xsl:template>

  <!-- Every correction and normalisation in the text, in reading order. -->
  <xsl:template name="t:corrections">
    <xsl:variable name="choices" select="/tei:TEI/tei:text//tei:choice" as="element(tei:choice)*"/>
    <section class="about-corrections" id="about-corrections">
      <h2>Corrections</h2>
      <xsl:choose>
        <xsl:when test="empty($choices)">
          <p>The text needed no corrections.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>The source's reading is kept in the TEI master; the text shows the corrected reading.</p>
          <ol class="corrections">
            <xsl:apply-templates select="$choices" mode="m:about"/>
          </ol>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="tei:choice" mode="m:about">
    <xsl:variable name="anchor" select="ancestor::*[@xml:id][1]" as="element()"/>
    <li id="{f:correction-id(.)}">
      <a href="{f:location-href($anchor/@xml:id)}">
        <xsl:value-of select="f:location-label(.)"/>
      </a>
      <xsl:text>: </xsl:text>
      <span class="reading">
        <xsl:value-of select="f:shown-reading((tei:corr, tei:reg)[1])"/>
      </span>
      <xsl:text> for the source's </xsl:text>
      <span class="source-reading">
        <xsl:value-of select="f:shown-reading((tei:sic, tei:orig)[1])"/>
      </span>
      <xsl:if test="tei:orig">
        <xsl:text> (spelling normalised)</xsl:text>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- A reading as a reader can see it: spaces and empty readings are named. -->
  <xsl:function name="f:shown-reading" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="if (normalize-space($reading)) then string($reading)
        else if (string($reading)) then '(a space)' else '(nothing)'"/>
  </xsl:function>

  <xsl:template match="tei:availability" mode="m:about">
    <section class="about-licence" id="about-licence">
      <h2>Licence</h2>
      <xsl:apply-templates mode="m:about"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:licence" mode="m:about">
    <p class="licence">
      <xsl:apply-templates mode="m:about"/>
      <xsl:if test="@target">
        <xsl:text> </xsl:text>
        <!-- rel="license" for the edition's licence; the text's rights statement is a plain link. -->
        <a href="{@target}">
          <xsl:if test="not(@n = 'text')">
            <xsl:attribute name="rel" select="'license'"/>
          </xsl:if>
          <xsl:value-of select="@target"/>
        </a>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- A citation in author–title–edition–publisher–date order, with the edition's identifier. -->
  <xsl:template name="t:how-to-cite">
    <xsl:variable name="file" select="/tei:TEI/tei:teiHeader/tei:fileDesc" as="element(tei:fileDesc)"/>
    <xsl:variable name="pub" select="$file/tei:publicationStmt" as="element(tei:publicationStmt)"/>
    <section class="about-cite" id="about-cite">
      <h2>How to cite</h2>
      <p class="citation">
        <xsl:value-of select="f:citation-authors($file/tei:titleStmt/tei:author)"/>
        <xsl:text>. </xsl:text>
        <cite>
          <xsl:value-of select="normalize-space($file/tei:titleStmt/tei:title[1])"/>
        </cite>
        <xsl:text>. </xsl:text>
        <xsl:value-of select="string-join((normalize-space($file/tei:editionStmt/tei:edition),
            $file/tei:editionStmt/tei:edition/@n ! ('version ' || .))[.], ', ')"/>
        <xsl:text>. </xsl:text>
        <xsl:value-of select="string-join(($pub/tei:publisher, $pub/tei:date) ! normalize-space(), ', ')"/>
        <xsl:text>.</xsl:text>
        <xsl:for-each select="$pub/tei:idno[1]">
          <xsl:text> </xsl:text>
          <span class="identifier">
            <xsl:value-of select="."/>
          </span>
        </xsl:for-each>
      </p>
    </section>
  </xsl:template>

  <!-- "Grant, Ted, and Roger Silverman": the first author inverted, the others as written. -->
  <xsl:function name="f:citation-authors" as="xs:string">
    <xsl:param name="authors" as="element(tei:author)*"/>
    <xsl:variable name="names" select="$authors ! normalize-space()" as="xs:string*"/>
    <xsl:variable name="first" select="f:inverted-name($names[1])"/>
    <xsl:sequence select="if (count($names) le 1) then string($first)
        else string-join(($first, $names[position() gt 1 and position() lt last()], 'and ' || $names[last()]), ', ')"/>
  </xsl:function>

  <!-- "Ted Grant" as "Grant, Ted": the last word first (for names without a register entry). -->
  <xsl:function name="f:inverted-name" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="replace(normalize-space($name), '^(.*\S)\s+(\S+)$', '$2, $1')"/>
  </xsl:function>

  <xsl:template match="tei:revisionDesc" mode="m:about">
    <section class="about-revisions" id="about-revisions">
      <h2>Revisions</h2>
      <ul>
        <xsl:apply-templates select="tei:change" mode="m:about"/>
      </ul>
    </section>
  </xsl:template>

  <xsl:template match="tei:change" mode="m:about">
    <li>
      <time datetime="{@when}">
        <xsl:value-of select="@when"/>
      </time>
      <xsl:text>: </xsl:text>
      <xsl:apply-templates mode="m:about"/>
    </li>
  </xsl:template>
</xsl:stylesheet>
