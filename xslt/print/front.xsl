<?xml version="1.0" encoding="UTF-8"?>
<!-- Front matter of the printed book: title page, colophon, table of contents. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:h="http://www.w3.org/1999/xhtml"
    xmlns:f="urn:edition:functions"
    xmlns:m="urn:edition:modes"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The half-title (the title alone, on the first recto); on its verso the source's own
       description of the work (its byline) and its imprint (publisher, edition, "Written: …",
       "Source: …"), where a paperback prints what the book is and whose it is, rather than
       unlabelled above the preface. -->
  <xsl:template name="t:half-title">
    <section class="half-title" id="half-title">
      <p class="half-title-text">
        <xsl:value-of select="$book-title"/>
      </p>
    </section>
    <xsl:variable name="bylines" select="/tei:TEI/tei:text/tei:front/(tei:byline | tei:docImprint)" as="element()*"/>
    <xsl:if test="exists($bylines)">
      <section class="about-book">
        <xsl:apply-templates select="$bylines"/>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="t:title-page">
    <section class="title-page" id="title-page">
      <p class="authors">
        <xsl:value-of select="f:and-list($header/tei:fileDesc/tei:titleStmt/tei:author ! normalize-space())"/>
      </p>
      <xsl:apply-templates select="/tei:TEI/tei:text/tei:front/tei:docTitle"/>
      <p class="written">
        <xsl:value-of select="$header/tei:profileDesc/tei:creation/tei:date"/>
      </p>
      <p class="publisher">
        <xsl:value-of select="$header/tei:fileDesc/tei:publicationStmt/tei:publisher"/>
      </p>
    </section>
  </xsl:template>

  <!-- "A", "A and B", "A, B and C". -->
  <xsl:function name="f:and-list" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="if (count($names) le 1) then string($names[1])
        else string-join($names[position() lt last()], ', ') || ' and ' || $names[last()]"/>
  </xsl:function>

  <!-- The copyright page: what this book is, where its text comes from, who may reuse it. -->
  <xsl:template name="t:colophon">
    <xsl:variable name="file" select="$header/tei:fileDesc" as="element(tei:fileDesc)"/>
    <xsl:variable name="pub" select="$file/tei:publicationStmt" as="element(tei:publicationStmt)"/>
    <section class="colophon" id="colophon">
      <p>
        <cite><xsl:value-of select="$book-title"/></cite>
        <xsl:text>, by </xsl:text>
        <xsl:value-of select="f:and-list($file/tei:titleStmt/tei:author ! normalize-space())"/>
        <xsl:text>. </xsl:text>
        <xsl:value-of select="normalize-space($file/tei:editionStmt/tei:edition)"/>
        <xsl:value-of select="$file/tei:editionStmt/tei:edition/@n ! (', edition version ' || .)"/>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:apply-templates select="$file/tei:sourceDesc/*" mode="m:colophon"/>
      <xsl:for-each select="$pub/tei:availability/tei:licence">
        <p class="licence">
          <xsl:value-of select="normalize-space(.)"/>
          <xsl:value-of select="@target ! (' ' || .)"/>
        </p>
      </xsl:for-each>
      <p class="imprint">
        <!-- the release date, as in every record; the typesetting date follows on its own line -->
        <xsl:value-of select="string-join(($pub/tei:publisher, $pub/tei:pubPlace, $pub/tei:date) ! normalize-space(), ', ')"/>
        <xsl:value-of select="$pub/tei:idno[1] ! (' · ' || normalize-space(.))"/>
      </p>
      <p class="built">
        <xsl:text>Typeset in EB Garamond from the TEI master on </xsl:text>
        <time datetime="{$build-date}">
          <xsl:value-of select="$build-date"/>
        </time>
        <!-- the tool and its version, as the PDF's Creator names them -->
        <xsl:text> with </xsl:text>
        <xsl:value-of select="$generator"/>
        <xsl:text>.</xsl:text>
      </p>
    </section>
  </xsl:template>

  <!-- A source: its descriptive note if it has one, typeset like the text. The file the
       master was converted from (its name and checksum) is for the TEI and the archive
       package, not for the reader of the book. -->
  <xsl:template match="tei:sourceDesc/*" mode="m:colophon">
    <p class="source">
      <xsl:value-of select="normalize-space(if (tei:note) then tei:note else .)
          => translate(&quot;'&quot;, '&#x2019;') => replace('(\d)-(\d)', '$1&#x2013;$2')"/>
    </p>
  </xsl:template>
  <xsl:template match="tei:sourceDesc/*[tei:idno/@type = ('filename', 'sha256')]" mode="m:colophon"/>

  <!-- Page numbers and dot leaders come from the stylesheet (target-counter). -->
  <xsl:template name="t:contents">
    <nav class="toc" id="contents">
      <h2><xsl:value-of select="f:label('contents')"/></h2>
      <ol>
        <xsl:apply-templates select="/tei:TEI/tei:text/((tei:front, tei:body)/tei:div, f:back-matter(.))" mode="m:toc"/>
        <li class="toc-back">
          <a href="#index-start"><xsl:value-of select="f:label('index')"/></a>
        </li>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template match="tei:div" mode="m:toc">
    <li class="toc-{if (ancestor::tei:front) then 'front' else 'body'}">
      <a href="#{@xml:id}">
        <xsl:sequence select="f:plain-head(.)"/>
      </a>
      <xsl:if test="tei:div">
        <ol>
          <xsl:apply-templates select="tei:div" mode="m:toc"/>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- A division's heading without links, ids or notes: for the contents and running heads. -->
  <xsl:function name="f:plain-head" as="node()*">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:variable name="rendered" as="node()*">
      <xsl:apply-templates select="$div/tei:head/node()"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="exists($div/tei:head)">
        <xsl:apply-templates select="$rendered" mode="m:unlinked"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="f:untitled-label($div)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:mode name="m:unlinked" on-no-match="shallow-copy"/>
  <xsl:template match="@id | h:span[contains-token(@class, 'footnote')]" mode="m:unlinked"/>
  <xsl:template match="h:a" mode="m:unlinked">
    <xsl:apply-templates mode="m:unlinked"/>
  </xsl:template>
</xsl:stylesheet>
