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

  <!-- Why the editor corrected: the reason the header's list of corrections gives for this
       "sic → corr" (edition convert writes each as "sic → corr (n×): reason"). -->
  <xsl:function name="f:correction-reason" as="xs:string?">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:variable name="key" select="string($choice/tei:sic) || ' &#x2192; ' || string($choice/tei:corr) || ' ('"/>
    <xsl:variable name="item" select="root($choice)//tei:editorialDecl/tei:correction//tei:item[starts-with(., $key)][1]"/>
    <xsl:sequence select="$item ! replace(substring-after(normalize-space(.), '): '), '&quot;([^&quot;]*)&quot;', '&#x201C;$1&#x201D;')"/>
  </xsl:function>

  <!-- A correction or normalisation in a reader's words: what the source has, what the text
       reads, and the editor's reason where one is given. -->
  <xsl:function name="f:correction-note" as="xs:string">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="string-join((
        if ($choice/tei:corr)
        then 'The source has the misprint ' || f:quoted(f:shown-reading($choice/tei:sic)) || ', corrected here to ' || f:quoted(f:shown-reading($choice/tei:corr)) || '.'
        else 'The source spells it ' || f:quoted(f:shown-reading($choice/tei:orig)) || ', normalised here to ' || f:quoted(f:shown-reading($choice/tei:reg)) || '.',
        f:correction-reason($choice)), ' ')"/>
  </xsl:function>

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
