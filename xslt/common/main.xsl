<?xml version="1.0" encoding="UTF-8"?>
<!-- What HTML, EPUB and print share. Formats import this and override by import precedence. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:include href="functions.xsl"/>
  <xsl:include href="structure.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="quotations.xsl"/>
  <xsl:include href="corrections.xsl"/>
  <xsl:include href="about.xsl"/>
  <xsl:include href="register.xsl"/>

  <!-- Text is copied; every TEI element needs a template of its own. -->
  <xsl:mode on-no-match="text-only-copy"/>

  <!-- Typography of the running text: the TEI keeps the source's characters (straight
       apostrophes; a spaced hyphen or double hyphen as a dash, two hyphens between words
       as an em dash, a hyphen between figures as the en dash of a range: 1938–40,
       30–50%); every format renders them the same way. -->
  <xsl:template match="tei:text//text()">
    <xsl:value-of select="replace(., &quot;'&quot;, '&#x2019;')
        => replace(' --? ', ' &#x2013; ')
        => replace('(\w)--(\w)', '$1&#x2014;$2')
        => replace('(\d)-(\d)', '$1&#x2013;$2')"/>
  </xsl:template>

  <!-- Catch-all: an unhandled TEI element fails the build (edition/xslt.py adds the line). -->
  <xsl:template match="tei:*" priority="-10">
    <xsl:message terminate="yes" select="'UNHANDLED ' || name() || ' at ' || path()"/>
  </xsl:template>
</xsl:stylesheet>
