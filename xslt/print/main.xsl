<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: one HTML document for WeasyPrint holding the title page, the colophon, the
     contents and the text. The index of names is a second document (index.xsl), typeset
     once the pages of the mentions are known. Overrides xslt/common by import precedence. -->
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

  <xsl:import href="../common/main.xsl"/>
  <xsl:include href="front.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="notes.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- The day the book was built (YYYY-MM-DD, from SOURCE_DATE_EPOCH). -->
  <xsl:param name="build-date" as="xs:string" required="yes"/>
  <xsl:param name="subject" as="xs:string" select="''"/>
  <xsl:param name="keywords" as="xs:string" select="''"/>
  <xsl:param name="generator" as="xs:string" select="'edition'"/>
  <!-- Only the body's first N divisions, when given: a long book's first chunk, typeset
       while the whole book is transformed (edition/builders/pdf_chunks.py). -->
  <xsl:param name="divisions" as="xs:integer?" select="()"/>

  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader" as="element(tei:teiHeader)"/>
  <!-- With typographic apostrophes, like the text: running heads, imprint, PDF Title. -->
  <xsl:variable name="book-title" as="xs:string"
      select="normalize-space(f:reading(($header/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'],
                                         $header/tei:fileDesc/tei:titleStmt/tei:title)[1]))"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI"/>
  </xsl:template>

  <xsl:template match="tei:TEI">
    <html lang="{@xml:lang}">
      <xsl:call-template name="t:head"/>
      <body>
        <xsl:call-template name="t:half-title"/>
        <xsl:call-template name="t:title-page"/>
        <xsl:call-template name="t:colophon"/>
        <xsl:call-template name="t:contents"/>
        <xsl:apply-templates select="tei:text"/>
        <!-- An empty block on the next recto: its page is where the index will begin,
             so the contents can give its number from this one render. -->
        <div class="index-start" id="index-start"/>
      </body>
    </html>
  </xsl:template>

  <!-- Title, authors, subject and keywords become the PDF's document information. -->
  <xsl:template name="t:head">
    <head>
      <meta charset="utf-8"/>
      <title>
        <xsl:value-of select="$book-title"/>
      </title>
      <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:author">
        <meta name="author" content="{normalize-space(.)}"/>
      </xsl:for-each>
      <xsl:if test="$subject">
        <meta name="description" content="{$subject}"/>
      </xsl:if>
      <xsl:if test="$keywords">
        <meta name="keywords" content="{$keywords}"/>
      </xsl:if>
      <meta name="generator" content="{$generator}"/>
      <!-- For the PDF's XMP (edition/builders/pdf_xmp.py): the licences, and the text's rights statement. -->
      <xsl:variable name="licences" select="$header/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence"/>
      <xsl:if test="exists($licences)">
        <meta name="dcterms.rights" content="{string-join($licences ! (normalize-space(.) || @target ! (' ' || .)), ' ')}"/>
      </xsl:if>
      <xsl:for-each select="$licences[@target][1]">
        <meta name="dcterms.license" content="{@target}"/>
      </xsl:for-each>
      <meta name="dcterms.created" content="{$build-date}"/>
      <meta name="dcterms.modified" content="{$build-date}"/>
    </head>
  </xsl:template>

  <!-- The header and the register are not running text. -->
  <xsl:template match="tei:teiHeader | tei:standOff"/>

  <!-- Names link to their entry in the index of names. -->
  <xsl:function name="f:entity-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'#ix.' || $id"/>
  </xsl:function>
</xsl:stylesheet>
