<?xml version="1.0" encoding="UTF-8"?>
<!-- Name mentions: a link to the register entry with its short note. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:persName[@ref] | tei:placeName[@ref] | tei:orgName[@ref]">
    <xsl:variable name="entity" select="f:entity(.)"/>
    <a class="name {f:entity-kind($entity)}" href="{f:entity-href($entity/@xml:id)}"
       title="{normalize-space($entity/tei:note)}">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </a>
  </xsl:template>

  <!-- A mention holding a note's marker (a link, which a link may not hold): the name is not
       a link, the marker is; the mention keeps its id for the index. -->
  <xsl:template match="(tei:persName | tei:placeName | tei:orgName)[@ref][f:holds-marker(.)]" priority="2">
    <span class="name {f:entity-kind(f:entity(.))}">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:function name="f:holds-marker" as="xs:boolean">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="exists($name//(tei:note[@place] | tei:ptr[@type = 'note']))"/>
  </xsl:function>

  <!-- Name parts inside a main name (used when a register name is rendered). -->
  <xsl:template match="tei:forename | tei:surname | tei:roleName | tei:addName">
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
