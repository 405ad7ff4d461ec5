<?xml version="1.0" encoding="UTF-8"?>
<!-- "About this edition", generated from the teiHeader and written for readers: what the
     edition is, how it was made (with every correction), how to cite it, its rights.
     t:encoding-notes gives the technical notes (source file, editorial declarations,
     revisions) for a page of their own. Format-neutral XHTML: the caller wraps each in a page
     and supplies the h1; sections here start at h2.
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

  <!-- "Preface, paragraph 1" / "Section 3, paragraph 4" / "Section 2, speech 7": where a node of the text stands. -->
  <xsl:function name="f:location-label" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="div" select="$node/ancestor-or-self::tei:div[1]"/>
    <xsl:variable name="p" select="$node/ancestor-or-self::tei:p[1]"/>
    <xsl:variable name="where" select="if ($div/@n) then 'Section ' || $div/@n
        else if ($div/@type) then f:capitalised(translate($div/@type, '-', ' '))
        else 'Front matter'"/>
    <xsl:sequence select="if ($p/parent::tei:argument) then $where || ', argument'
        else if ($p/parent::tei:sp) then $where || ', speech ' || (count($p/../preceding-sibling::tei:sp) + 1)
        else if ($p) then $where || ', paragraph ' || (count($p/preceding-sibling::tei:p) + 1) else $where"/>
  </xsl:function>

  <!-- The id of a correction's line in the list, so the text can link to it. -->
  <xsl:function name="f:correction-id" as="xs:string">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="'correction-' || count($choice/preceding::tei:choice) + 1"/>
  </xsl:function>

  <!-- Where the technical notes are, linked from "How it was made" when given. -->
  <xsl:param name="encoding-notes-href" as="xs:string" select="''"/>

  <xsl:template match="tei:teiHeader" mode="m:about">
    <xsl:call-template name="t:about-edition"/>
    <xsl:call-template name="t:about-making"/>
    <xsl:call-template name="t:how-to-cite"/>
    <xsl:apply-templates select="tei:fileDesc/tei:publicationStmt/tei:availability" mode="m:about"/>
  </xsl:template>

  <xsl:template name="t:encoding-notes">
    <xsl:variable name="header" select="/tei:TEI/tei:teiHeader" as="element(tei:teiHeader)"/>
    <xsl:apply-templates select="$header/tei:fileDesc/tei:sourceDesc" mode="m:about"/>
    <xsl:apply-templates select="$header/tei:encodingDesc/tei:editorialDecl" mode="m:about"/>
    <xsl:apply-templates select="$header/tei:revisionDesc" mode="m:about"/>
  </xsl:template>

  <!-- Header prose is the source's and the editor's: set as the text is (apostrophes, dashes,
       ranges), except dates and identifiers, whose hyphens are not ranges. -->
  <xsl:template match="text()" mode="m:about">
    <xsl:value-of select="f:typography(.)"/>
  </xsl:template>

  <xsl:template match="text()[ancestor::tei:date or ancestor::tei:idno]" mode="m:about">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- What the reader holds: the work, its source, this edition and who made it. -->
  <xsl:template name="t:about-edition">
    <xsl:variable name="header" select="/tei:TEI/tei:teiHeader" as="element(tei:teiHeader)"/>
    <xsl:variable name="file" select="$header/tei:fileDesc" as="element(tei:fileDesc)"/>
    <section class="about-edition" id="about-edition">
      <h2>What this edition is</h2>
      <xsl:apply-templates select="$header/tei:profileDesc/tei:abstract/tei:p" mode="m:about"/>
      <xsl:for-each select="$file/tei:sourceDesc/tei:bibl[@type = 'original']/tei:note">
        <p><xsl:apply-templates mode="m:about"/></p>
      </xsl:for-each>
      <p>
        <xsl:apply-templates select="$file/tei:editionStmt/tei:edition" mode="m:about"/>
        <xsl:value-of select="$file/tei:editionStmt/tei:edition/@n ! (', version ' || .)"/>
        <xsl:value-of select="$file/tei:publicationStmt/tei:publisher[1] ! (', published by ' || normalize-space(.))"/>
        <xsl:value-of select="$file/tei:publicationStmt/tei:date[1] ! (', ' || normalize-space(.))"/>
        <xsl:text>.</xsl:text>
        <xsl:for-each select="$file/tei:titleStmt/tei:respStmt">
          <xsl:text> </xsl:text>
          <xsl:value-of select="f:capitalised(normalize-space(tei:resp[1])) || ': ' || normalize-space(string-join((tei:name, tei:persName, tei:orgName), ', ')) || '.'"/>
        </xsl:for-each>
      </p>
    </section>
  </xsl:template>

  <!-- How the text became this edition, in plain words, and every correction. -->
  <xsl:template name="t:about-making">
    <xsl:variable name="names" select="/tei:TEI/tei:standOff/(tei:listPerson/tei:person, tei:listPlace/tei:place, tei:listOrg/tei:org)"/>
    <section class="about-making" id="about-making">
      <h2>How it was made</h2>
      <p>The text was encoded in TEI, the XML standard of scholarly editions; this edition and its
        e-book and print versions are all made from that one master file, which can be downloaded.
        Quotation marks, dashes and apostrophes are set typographically; the source’s own characters are kept in the master.</p>
      <xsl:if test="exists($names)">
        <p>
          <xsl:value-of select="count($names)"/>
          <xsl:text> persons, places and organisations named in the text are linked to a register with a short description of
            each and, where one was found, its record in Wikidata or GeoNames.</xsl:text>
        </p>
      </xsl:if>
      <xsl:call-template name="t:corrections"/>
      <xsl:if test="$encoding-notes-href">
        <p><a href="{$encoding-notes-href}">Technical notes on the encoding</a> give the source file, the editorial rules and the revisions.</p>
      </xsl:if>
    </section>
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
    <xsl:variable name="spaces" select="$choices[tei:reg and not(normalize-space(tei:reg))]"/>
    <section class="about-corrections" id="about-corrections">
      <h3>Corrections</h3>
      <xsl:choose>
        <xsl:when test="empty($choices)">
          <p>The text needed no corrections.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>
            <xsl:value-of select="string-join((
                count($choices[tei:corr]) ! (. || (if (. eq 1) then ' obvious typing error was' else ' obvious typing errors were') || ' corrected')[. ne '0 obvious typing errors were corrected'],
                count($choices[tei:reg] except $spaces) ! (. || (if (. eq 1) then ' spelling was' else ' spellings were') || ' normalised')[not(starts-with(., '0 '))],
                count($spaces) ! (. || (if (. eq 1) then ' missing space was' else ' missing spaces were') || ' supplied')[not(starts-with(., '0 '))]), '; ')"/>
            <xsl:text>; nothing else was changed. Each is listed here, and the text links to its line.</xsl:text>
          </p>
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
      <xsl:apply-templates select="." mode="m:correction-words"/>
    </li>
  </xsl:template>

  <xsl:mode name="m:correction-words" on-no-match="fail"/>

  <xsl:template match="tei:choice[tei:corr]" mode="m:correction-words">
    <span class="reading"><xsl:value-of select="f:quoted(f:shown-reading(tei:corr))"/></span>
    <xsl:text> where the source has the misprint </xsl:text>
    <span class="source-reading"><xsl:value-of select="f:quoted(f:shown-reading(tei:sic))"/></span>
    <xsl:value-of select="f:correction-reason(.) ! ('. ' || .)"/>
  </xsl:template>

  <xsl:template match="tei:choice[tei:reg]" mode="m:correction-words">
    <span class="reading"><xsl:value-of select="f:quoted(f:shown-reading(tei:reg))"/></span>
    <xsl:text> where the source spells </xsl:text>
    <span class="source-reading"><xsl:value-of select="f:quoted(f:shown-reading(tei:orig))"/></span>
  </xsl:template>

  <!-- A supplied space: the words it now separates. -->
  <xsl:template match="tei:choice[tei:reg][not(normalize-space(tei:reg))]" mode="m:correction-words" priority="2">
    <xsl:variable name="block" select="ancestor::*[@xml:id][1]"/>
    <xsl:text>a missing space supplied between </xsl:text>
    <span class="source-reading">
      <xsl:value-of select="f:quoted(tokenize(normalize-space(string-join($block//text()[. &lt;&lt; current()])), ' ')[last()])"/>
    </span>
    <xsl:text> and </xsl:text>
    <span class="source-reading">
      <xsl:value-of select="f:quoted(tokenize(normalize-space(string-join($block//text()[. &gt;&gt; current() and not(ancestor::tei:choice intersect current())])), ' ')[1])"/>
    </span>
  </xsl:template>

  <!-- Words of the text in double quotation marks; a named reading ("(a space)") as it is. -->
  <xsl:function name="f:quoted" as="xs:string">
    <xsl:param name="words" as="xs:string?"/>
    <xsl:sequence select="if (starts-with($words, '(')) then string($words) else '&#x201C;' || $words || '&#x201D;'"/>
  </xsl:function>

  <!-- A reading as a reader can see it: spaces and empty readings are named. -->
  <xsl:function name="f:shown-reading" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="if (normalize-space($reading)) then string($reading)
        else if (string($reading)) then '(a space)' else '(nothing)'"/>
  </xsl:function>

  <xsl:template match="tei:availability" mode="m:about">
    <section class="about-licence" id="about-licence">
      <h2>Rights</h2>
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

  <!-- A citation in author–title–edition–editor–imprint order, with the edition's address
       (its URL when it has one, else its identifier). -->
  <xsl:template name="t:how-to-cite">
    <xsl:variable name="file" select="/tei:TEI/tei:teiHeader/tei:fileDesc" as="element(tei:fileDesc)"/>
    <xsl:variable name="pub" select="$file/tei:publicationStmt" as="element(tei:publicationStmt)"/>
    <section class="about-cite" id="about-cite">
      <h2>How to cite</h2>
      <p>Cite the edition as below; each paragraph of the text also has a <em>Cite</em> button beside its ¶ giving
        its own citation and address. Both can be downloaded for a reference manager.</p>
      <p class="citation">
        <xsl:value-of select="f:citation-authors($file/tei:titleStmt/tei:author)"/>
        <xsl:text>. </xsl:text>
        <cite>
          <xsl:value-of select="replace(normalize-space($file/tei:titleStmt/tei:title[1]), &quot;'&quot;, '&#x2019;')"/>
        </cite>
        <xsl:text>. </xsl:text>
        <xsl:value-of select="string-join((normalize-space($file/tei:editionStmt/tei:edition),
            $file/tei:editionStmt/tei:edition/@n ! ('version ' || .))[.], ', ')"/>
        <xsl:text>. </xsl:text>
        <xsl:for-each select="$file/tei:titleStmt/tei:respStmt">
          <xsl:value-of select="string-join((normalize-space(tei:resp[1]), normalize-space(string-join((tei:name, tei:persName, tei:orgName), ', ')))[.], ': ')"/>
          <xsl:text>. </xsl:text>
        </xsl:for-each>
        <xsl:value-of select="string-join((string-join(($pub/tei:pubPlace[1], $pub/tei:publisher[1]) ! normalize-space(), ': '),
            substring(($pub/tei:date/@when, $pub/tei:date)[1], 1, 4)), ', ')"/>
        <xsl:text>.</xsl:text>
        <xsl:for-each select="($pub/tei:idno[@type = 'URL'], $pub/tei:idno)[1]">
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
