<?xml version="1.0" encoding="UTF-8"?>
<!-- Crosswalk teiHeader → simple Dublin Core in the OAI-PMH oai_dc container. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="xs tei f t">

  <xsl:import href="header.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <xsl:call-template name="t:dc"/>
  </xsl:template>

  <xsl:template name="t:dc">
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <dc:title><xsl:value-of select="f:title()"/></dc:title>
      <xsl:for-each select="f:authors()">
        <dc:creator><xsl:value-of select="f:author-sort-name(.)"/></dc:creator>
      </xsl:for-each>
      <xsl:for-each select="f:keywords()">
        <dc:subject><xsl:value-of select="."/></dc:subject>
      </xsl:for-each>
      <xsl:for-each select="f:description()">
        <dc:description><xsl:value-of select="."/></dc:description>
      </xsl:for-each>
      <xsl:for-each select="f:publisher()">
        <dc:publisher><xsl:value-of select="."/></dc:publisher>
      </xsl:for-each>
      <dc:date><xsl:value-of select="f:issued()"/></dc:date>
      <dc:type>Text</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <xsl:for-each select="f:identifiers()">
        <dc:identifier><xsl:value-of select="."/></dc:identifier>
      </xsl:for-each>
      <xsl:for-each select="f:genres()">
        <dc:type><xsl:value-of select="."/></dc:type>
      </xsl:for-each>
      <xsl:for-each select="f:source-line($header)">
        <dc:source><xsl:value-of select="."/></dc:source>
      </xsl:for-each>
      <xsl:for-each select="f:languages()">
        <dc:language><xsl:value-of select="."/></dc:language>
      </xsl:for-each>
      <!-- The text's rights, then the edition's licence: each statement, then its URI. -->
      <xsl:for-each select="f:text-rights(), f:edition-licence()">
        <dc:rights><xsl:value-of select="normalize-space(.)"/></dc:rights>
        <xsl:for-each select="@target">
          <dc:rights><xsl:value-of select="."/></dc:rights>
        </xsl:for-each>
      </xsl:for-each>
    </oai_dc:dc>
  </xsl:template>
</xsl:stylesheet>
