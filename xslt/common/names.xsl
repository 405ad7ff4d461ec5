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

  <!-- Name parts inside a main name (used when a register name is rendered). -->
  <xsl:template match="tei:forename | tei:surname | tei:roleName | tei:addName">
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
