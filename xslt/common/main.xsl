<?xml version="1.0" encoding="UTF-8"?>
<!-- What HTML, EPUB and print share. Formats import this and override by import precedence. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    exclude-result-prefixes="#all">

  <xsl:include href="functions.xsl"/>
  <xsl:include href="collation.xsl"/>
  <xsl:include href="structure.xsl"/>
  <xsl:include href="drama.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="quotations.xsl"/>
  <xsl:include href="corrections.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="about.xsl"/>
  <xsl:include href="register.xsl"/>
  <xsl:include href="labels.xsl"/>

  <!-- Text is copied; every TEI element needs a template of its own. -->
  <xsl:mode on-no-match="text-only-copy"/>

  <!-- The running text is typeset (f:typography): every format renders it the same way. -->
  <xsl:template match="tei:text//text()">
    <xsl:value-of select="f:typography(.)"/>
  </xsl:template>

  <!-- French sets guillemets off with no-break spaces: the rendered quote marks have them
       (f:quote-mark), and so do those the master keeps as characters (the unpaired « that
       opens each paragraph of a French dialogue). -->
  <xsl:template match="tei:text//text()[contains(., '&#xAB;') or contains(., '&#xBB;')]
      [starts-with(ancestor::*[@xml:lang][1]/@xml:lang, 'fr')]">
    <xsl:value-of select="replace(f:typography(.), '&#xAB;\s*', '&#xAB;&#xA0;') => replace('\s*&#xBB;', '&#xA0;&#xBB;')"/>
  </xsl:template>

  <!-- Catch-all: an unhandled TEI element fails the build (edition/xslt.py adds the line). -->
  <xsl:template match="tei:*" priority="-10">
    <xsl:message terminate="yes" select="'UNHANDLED ' || name() || ' at ' || path()"/>
  </xsl:template>
</xsl:stylesheet>
