<?xml version="1.0" encoding="UTF-8"?>
<!-- Quotations, scare quotes and titles: marks are rendered here, never stored in the TEI. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:quote | tei:q">
    <span class="quote">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:value-of select="f:open-quote(.)"/>
      <xsl:apply-templates/>
      <xsl:value-of select="f:close-quote(.)"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:soCalled">
    <span class="so-called">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:value-of select="f:open-quote(.)"/>
      <xsl:apply-templates/>
      <xsl:value-of select="f:close-quote(.)"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:mentioned">
    <span class="mentioned">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:value-of select="f:open-quote(.)"/>
      <xsl:apply-templates/>
      <xsl:value-of select="f:close-quote(.)"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:title">
    <cite class="title">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </cite>
  </xsl:template>

  <xsl:template match="tei:cit">
    <span class="cit">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:cit/tei:bibl">
    <span class="bibl">
      <xsl:text> (</xsl:text>
      <xsl:apply-templates/>
      <xsl:text>)</xsl:text>
    </span>
  </xsl:template>
</xsl:stylesheet>
