<?xml version="1.0" encoding="UTF-8"?>
<!-- Editorial interventions: corrections, normalisations, insertions, ellipses. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The corrected reading, with the source's reading on hover. -->
  <xsl:template match="tei:choice[tei:corr]">
    <span class="corr" title="source reads: {tei:sic}">
      <xsl:apply-templates select="tei:corr"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:choice[tei:reg]">
    <span class="reg" title="source spelling: {tei:orig}">
      <xsl:apply-templates select="tei:reg"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:corr | tei:reg">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <span class="supplied">[<xsl:apply-templates/>]</span>
  </xsl:template>

  <xsl:template match="tei:pc[@type = 'ellipsis']">
    <xsl:text>&#x2026;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:hi">
    <em class="hi {@rend}">
      <xsl:apply-templates/>
    </em>
  </xsl:template>

  <!-- Words of another language, set in italics. -->
  <xsl:template match="tei:foreign">
    <i class="foreign" lang="{@xml:lang}">
      <xsl:apply-templates/>
    </i>
  </xsl:template>
</xsl:stylesheet>
