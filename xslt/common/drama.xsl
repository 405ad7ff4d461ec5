<?xml version="1.0" encoding="UTF-8"?>
<!-- A play: speeches with their speakers, stage directions, the cast list. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:sp">
    <div class="sp">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- The speaker's name, set in small caps over the speech. -->
  <xsl:template match="tei:speaker">
    <p class="speaker">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- A stage direction in italics, in the brackets or parentheses of the source (@rend); a
       paragraph of its own, or a span in a speech. -->
  <xsl:template match="tei:stage">
    <xsl:element name="{if (ancestor::tei:p) then 'span' else 'p'}">
      <xsl:attribute name="class" select="'stage'"/>
      <xsl:apply-templates select="@xml:id"/>
      <xsl:value-of select="map{'bracketed': '[', 'parenthesised': '('}(string(@rend))"/>
      <xsl:apply-templates/>
      <xsl:value-of select="map{'bracketed': ']', 'parenthesised': ')'}(string(@rend))"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:castList">
    <div class="cast-list">
      <xsl:apply-templates select="tei:head"/>
      <ul>
        <xsl:apply-templates select="* except tei:head"/>
      </ul>
    </div>
  </xsl:template>

  <xsl:template match="tei:castList/tei:head">
    <h2 class="cast-head">
      <xsl:apply-templates/>
    </h2>
  </xsl:template>

  <xsl:template match="tei:castItem">
    <li>
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </li>
  </xsl:template>
</xsl:stylesheet>
