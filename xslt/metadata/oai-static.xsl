<?xml version="1.0" encoding="UTF-8"?>
<!-- An OAI-PMH static repository (OAI 2.0 static-repository format) offering the
     edition's record as oai_dc and MODS, so a harvester can read it through a static
     repository gateway without a running OAI-PMH service. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.openarchives.org/OAI/2.0/static-repository"
    xmlns:oai="http://www.openarchives.org/OAI/2.0/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="xs tei f t">

  <xsl:import href="dc.xsl"/>
  <xsl:import href="mods.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- Where the gateway serves this file (its base URL joined with the file's URL). -->
  <xsl:param name="base-url" as="xs:string" required="yes"/>
  <xsl:param name="admin-email" as="xs:string" required="yes"/>
  <!-- The day the records were made (YYYY-MM-DD, from SOURCE_DATE_EPOCH). -->
  <xsl:param name="datestamp" as="xs:string" required="yes"/>

  <xsl:template match="/">
    <Repository xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/static-repository http://www.openarchives.org/OAI/2.0/static-repository.xsd">
      <Identify>
        <oai:repositoryName><xsl:value-of select="(f:publisher(), f:title())[1]"/></oai:repositoryName>
        <oai:baseURL><xsl:value-of select="$base-url"/></oai:baseURL>
        <oai:protocolVersion>2.0</oai:protocolVersion>
        <oai:adminEmail><xsl:value-of select="$admin-email"/></oai:adminEmail>
        <oai:earliestDatestamp><xsl:value-of select="$datestamp"/></oai:earliestDatestamp>
        <oai:deletedRecord>no</oai:deletedRecord>
        <oai:granularity>YYYY-MM-DD</oai:granularity>
      </Identify>
      <ListMetadataFormats>
        <xsl:call-template name="t:format">
          <xsl:with-param name="prefix" select="'oai_dc'"/>
          <xsl:with-param name="schema" select="'http://www.openarchives.org/OAI/2.0/oai_dc.xsd'"/>
          <xsl:with-param name="namespace" select="'http://www.openarchives.org/OAI/2.0/oai_dc/'"/>
        </xsl:call-template>
        <xsl:call-template name="t:format">
          <xsl:with-param name="prefix" select="'mods'"/>
          <xsl:with-param name="schema" select="'http://www.loc.gov/standards/mods/v3/mods-3-8.xsd'"/>
          <xsl:with-param name="namespace" select="'http://www.loc.gov/mods/v3'"/>
        </xsl:call-template>
      </ListMetadataFormats>
      <ListRecords metadataPrefix="oai_dc">
        <xsl:call-template name="t:record">
          <xsl:with-param name="metadata"><xsl:call-template name="t:dc"/></xsl:with-param>
        </xsl:call-template>
      </ListRecords>
      <ListRecords metadataPrefix="mods">
        <xsl:call-template name="t:record">
          <xsl:with-param name="metadata"><xsl:call-template name="t:mods"/></xsl:with-param>
        </xsl:call-template>
      </ListRecords>
    </Repository>
  </xsl:template>

  <xsl:template name="t:format">
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:param name="schema" as="xs:string"/>
    <xsl:param name="namespace" as="xs:string"/>
    <oai:metadataFormat>
      <oai:metadataPrefix><xsl:value-of select="$prefix"/></oai:metadataPrefix>
      <oai:schema><xsl:value-of select="$schema"/></oai:schema>
      <oai:metadataNamespace><xsl:value-of select="$namespace"/></oai:metadataNamespace>
    </oai:metadataFormat>
  </xsl:template>

  <!-- One OAI record: the edition's identifier, the datestamp and the metadata. -->
  <xsl:template name="t:record">
    <xsl:param name="metadata" as="document-node()"/>
    <oai:record>
      <oai:header>
        <oai:identifier><xsl:value-of select="f:identifiers()[1]"/></oai:identifier>
        <oai:datestamp><xsl:value-of select="$datestamp"/></oai:datestamp>
      </oai:header>
      <oai:metadata><xsl:copy-of select="$metadata"/></oai:metadata>
    </oai:record>
  </xsl:template>
</xsl:stylesheet>
