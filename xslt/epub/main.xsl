<?xml version="1.0" encoding="UTF-8"?>
<!-- EPUB 3: one XHTML content document per part (cover, title page, preface, each section,
     index of names, about this edition, font licence), the navigation document,
     and (principal result) the package document without its manifest, which the Python
     builder fills in from the files it writes (edition/builders/epub.py). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/main.xsl"/>

  <xsl:include href="../common/division-pages.xsl"/>
  <xsl:include href="parts.xsl"/>
  <xsl:include href="pages.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="documents.xsl"/>
  <xsl:include href="index.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="package.xsl"/>
  <xsl:include href="popups.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:output name="xhtml" method="xhtml" html-version="5" encoding="UTF-8" indent="no"
              omit-xml-declaration="no"/>

  <xsl:template match="/">
    <xsl:for-each select="$f:parts[?kind ne 'toc']">
      <xsl:call-template name="t:document">
        <xsl:with-param name="part" select="."/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="t:nav"/>
    <xsl:call-template name="t:package"/>
  </xsl:template>
</xsl:stylesheet>
