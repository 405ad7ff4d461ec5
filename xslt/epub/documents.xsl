<?xml version="1.0" encoding="UTF-8"?>
<!-- One XHTML content document per part: the page around it, and the body of the parts
     that are generated rather than transformed from the text. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:m="urn:edition:modes"
    xmlns:t="urn:edition:templates"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The OFL text of the embedded fonts, passed by the builder. -->
  <xsl:param name="font-licence" as="xs:string" select="''"/>

  <xsl:variable name="f:matter" as="map(xs:string, xs:string)"
      select="map{'cover': 'frontmatter', 'titlepage': 'frontmatter', 'preface': 'frontmatter',
                  'chapter': 'bodymatter', 'part': 'bodymatter'}"/>

  <!-- Called with a part as context; the document is written with the TEI as context. -->
  <xsl:template name="t:document">
    <xsl:param name="part" as="map(*)"/>
    <xsl:for-each select="$f:tei">
    <xsl:result-document href="{$part?file}" format="xhtml">
      <xsl:call-template name="t:page">
        <xsl:with-param name="title" select="$part?label"/>
        <xsl:with-param name="body-type" select="($f:matter($part?kind), 'backmatter')[1]"/>
        <xsl:with-param name="content">
          <xsl:call-template name="t:part-body">
            <xsl:with-param name="part" select="$part"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="t:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="body-type" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <html xml:lang="{$interface-language}" lang="{$interface-language}">
      <xsl:namespace name="epub" select="'http://www.idpf.org/2007/ops'"/>
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" type="text/css" href="styles/epub.css"/>
      </head>
      <body>
        <xsl:attribute name="epub:type" select="$body-type"/>
        <xsl:sequence select="$content"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="t:part-body">
    <xsl:param name="part" as="map(*)"/>
    <xsl:choose>
      <xsl:when test="exists($part?source)">
        <xsl:apply-templates select="$part?source">
          <xsl:with-param name="division-page" select="$part?source[self::tei:div]" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:call-template name="t:popup-notes">
          <xsl:with-param name="part" select="$part"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$part?kind = 'cover'"><xsl:call-template name="t:cover"/></xsl:when>
      <xsl:when test="$part?kind = 'index'"><xsl:call-template name="t:index"/></xsl:when>
      <xsl:when test="$part?kind = 'about'"><xsl:call-template name="t:about"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="t:font-licence"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="f:book-title" as="xs:string">
    <xsl:param name="tei" as="document-node()"/>
    <xsl:sequence select="normalize-space(f:reading($tei/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]))"/>
  </xsl:function>

  <xsl:function name="f:book-authors" as="xs:string*">
    <xsl:param name="tei" as="document-node()"/>
    <xsl:sequence select="$tei/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author ! normalize-space()"/>
  </xsl:function>

  <!-- The builder draws the cover image (images/cover.png) with the same title and authors. -->
  <xsl:template name="t:cover">
    <section class="cover" epub:type="cover">
      <img role="doc-cover" src="images/cover.png"
           alt="Cover: {f:book-title(/)}, by {string-join(f:book-authors(/), ' and ')}"/>
    </section>
  </xsl:template>

  <xsl:template name="t:about">
    <section class="about" epub:type="colophon" role="doc-colophon" aria-labelledby="about-head">
      <h1 id="about-head">About this edition</h1>
      <xsl:apply-templates select="/tei:TEI/tei:teiHeader" mode="m:about"/>
      <section class="about-fonts" id="about-fonts">
        <h2>Typeface</h2>
        <p>The text is set in EB Garamond by Georg Duffner and Octavio Pardo, embedded as a subset
          of the characters this book uses, under the <a href="font-licence.xhtml">SIL Open Font
          License 1.1</a>. Reading systems may replace it with the reader’s own choice.</p>
      </section>
    </section>
  </xsl:template>

  <xsl:template name="t:font-licence">
    <section class="font-licence" aria-labelledby="font-licence-head">
      <h1 id="font-licence-head">Font licence</h1>
      <pre><xsl:value-of select="$font-licence"/></pre>
    </section>
  </xsl:template>
</xsl:stylesheet>
