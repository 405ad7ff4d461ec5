<?xml version="1.0" encoding="UTF-8"?>
<!-- The parts of the book in reading order: each becomes one content document, one spine
     item and (except the cover) one entry of the table of contents; the navigation document
     (nav.xsl) is the part of kind 'toc'. Where a TEI node lives
     in the book (f:file-of) follows from the same list. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    exclude-result-prefixes="#all">

  <!-- A part: file name, kind (an EPUB structural semantic), label, its TEI source if any. -->
  <xsl:function name="f:part" as="map(*)">
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="source" as="element()?"/>
    <xsl:sequence select="map{'file': $file, 'kind': $kind, 'label': $label, 'source': $source}"/>
  </xsl:function>

  <xsl:variable name="f:parts" as="map(*)+">
    <xsl:variable name="text" select="/tei:TEI/tei:text" as="element(tei:text)"/>
    <xsl:sequence select="f:part('cover.xhtml', 'cover', f:label('cover'), ())"/>
    <xsl:sequence select="f:part('title.xhtml', 'titlepage', f:label('title-page'), $text/tei:front)"/>
    <xsl:sequence select="f:part('nav.xhtml', 'toc', f:label('contents'), ())"/>
    <xsl:for-each select="$text/tei:front/tei:div | $text/tei:body//tei:div | f:back-matter($text)">
      <xsl:sequence select="f:part(f:file-of(.), f:division-kind(.), f:div-label(.), .)"/>
    </xsl:for-each>
    <xsl:sequence select="f:part('index.xhtml', 'index', f:label('index'), ())"/>
    <xsl:sequence select="f:part('about.xhtml', 'about', 'About this edition', ())"/>
    <xsl:sequence select="f:part('font-licence.xhtml', 'font-licence', 'Font licence', ())"/>
  </xsl:variable>

  <!-- The content document holding a node of the TEI text: its division's (one inside another
       has a document of its own). -->
  <xsl:function name="f:file-of" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="div" select="$node/ancestor-or-self::tei:div[ancestor::tei:front or ancestor::tei:body or ancestor::tei:back][1]"/>
    <xsl:sequence select="if ($div) then $div/@xml:id || '.xhtml' else 'title.xhtml'"/>
  </xsl:function>

  <!-- A division's EPUB structural semantic: preface, part (a book holding chapters, an act its
       scenes), appendix (the back matter) or chapter. -->
  <xsl:function name="f:division-kind" as="xs:string">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:sequence select="if ($div/@type = 'preface') then 'preface' else if ($div/tei:div) then 'part'
        else if ($div/parent::tei:back) then 'appendix' else 'chapter'"/>
  </xsl:function>

  <!-- A division's label as plain text (overrides common's): its head as the EPUB renders it,
       quotation marks included, or its untitled label. -->
  <xsl:function name="f:div-label" as="xs:string">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:variable name="head" as="node()*">
      <xsl:apply-templates select="$div/tei:head/node()"/>
    </xsl:variable>
    <xsl:sequence select="if ($div/tei:head) then normalize-space(string-join($head ! string(), ''))
        else f:untitled-label($div)"/>
  </xsl:function>
</xsl:stylesheet>
