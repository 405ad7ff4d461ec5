<?xml version="1.0" encoding="UTF-8"?>
<!-- Crosswalk teiHeader → MODS 3.8: the digital edition, with the 1967 work as its original. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:m="urn:edition:modes"
    xmlns="http://www.loc.gov/mods/v3"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="xs tei f t m">

  <xsl:import href="header.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <xsl:call-template name="t:mods"/>
  </xsl:template>

  <xsl:template name="t:mods">
    <mods version="3.8" xsi:schemaLocation="http://www.loc.gov/mods/v3 http://www.loc.gov/standards/mods/v3/mods-3-8.xsd">
      <titleInfo><title><xsl:value-of select="f:title()"/></title></titleInfo>
      <xsl:apply-templates select="f:authors()" mode="m:mods"/>
      <typeOfResource>text</typeOfResource>
      <xsl:for-each select="f:genres()">
        <genre><xsl:value-of select="."/></genre>
      </xsl:for-each>
      <originInfo eventType="publication">
        <xsl:for-each select="f:pub-place()">
          <place><placeTerm type="text"><xsl:value-of select="."/></placeTerm></place>
        </xsl:for-each>
        <xsl:for-each select="f:publisher()">
          <publisher><xsl:value-of select="."/></publisher>
        </xsl:for-each>
        <dateIssued encoding="w3cdtf" keyDate="yes"><xsl:value-of select="f:issued()"/></dateIssued>
        <xsl:for-each select="f:edition-statement()">
          <edition><xsl:value-of select="."/></edition>
        </xsl:for-each>
      </originInfo>
      <xsl:for-each select="f:languages()">
        <language><languageTerm type="code" authority="rfc5646"><xsl:value-of select="."/></languageTerm></language>
      </xsl:for-each>
      <physicalDescription>
        <internetMediaType>application/tei+xml</internetMediaType>
        <digitalOrigin>reformatted digital</digitalOrigin>
      </physicalDescription>
      <xsl:for-each select="f:description()">
        <abstract><xsl:value-of select="."/></abstract>
      </xsl:for-each>
      <xsl:for-each select="f:keywords()">
        <subject><topic><xsl:value-of select="."/></topic></subject>
      </xsl:for-each>
      <xsl:call-template name="t:mods-original"/>
      <xsl:for-each select="f:identifiers()">
        <identifier type="{if (starts-with(., 'urn:uuid:')) then 'uuid' else 'uri'}"><xsl:value-of select="."/></identifier>
      </xsl:for-each>
      <xsl:for-each select="f:url()">
        <location><url usage="primary display" access="object in context"><xsl:value-of select="."/></url></location>
      </xsl:for-each>
      <xsl:apply-templates select="f:text-rights(), f:edition-licence()" mode="m:mods"/>
      <recordInfo>
        <recordOrigin>Derived from the teiHeader of the TEI master by xslt/metadata/mods.xsl.</recordOrigin>
        <languageOfCataloging><languageTerm type="code" authority="rfc5646">en</languageTerm></languageOfCataloging>
      </recordInfo>
    </mods>
  </xsl:template>

  <xsl:template match="tei:author" mode="m:mods">
    <name type="personal">
      <xsl:for-each select="f:author-uris(.)[1]">
        <xsl:attribute name="valueURI" select="."/>
      </xsl:for-each>
      <xsl:for-each select="f:author-name-part(., 'forename')">
        <namePart type="given"><xsl:value-of select="."/></namePart>
      </xsl:for-each>
      <xsl:for-each select="f:author-name-part(., 'surname')">
        <namePart type="family"><xsl:value-of select="."/></namePart>
      </xsl:for-each>
      <xsl:if test="empty(f:author-name-part(., 'surname'))">
        <namePart><xsl:value-of select="normalize-space(.)"/></namePart>
      </xsl:if>
      <displayForm><xsl:value-of select="f:author-sort-name(.)"/></displayForm>
      <role>
        <roleTerm type="text" authority="marcrelator">author</roleTerm>
        <roleTerm type="code" authority="marcrelator">aut</roleTerm>
      </role>
      <xsl:for-each select="f:author-uris(.)">
        <nameIdentifier type="uri"><xsl:value-of select="."/></nameIdentifier>
      </xsl:for-each>
    </name>
  </xsl:template>

  <!-- The work as first written: its date and the citation of the transcribed source. -->
  <xsl:template name="t:mods-original">
    <xsl:if test="exists(f:created()) or exists(f:source-line($header))">
      <relatedItem type="original">
        <titleInfo><title><xsl:value-of select="f:title()"/></title></titleInfo>
        <xsl:for-each select="f:created()">
          <originInfo eventType="production">
            <dateCreated encoding="w3cdtf"><xsl:value-of select="."/></dateCreated>
          </originInfo>
        </xsl:for-each>
        <xsl:for-each select="f:source-line($header)">
          <note type="source note"><xsl:value-of select="."/></note>
        </xsl:for-each>
      </relatedItem>
    </xsl:if>
  </xsl:template>

  <!-- One accessCondition per statement, labelled by what it covers, linked to its URI. -->
  <xsl:template match="tei:licence" mode="m:mods">
    <accessCondition type="use and reproduction"
                     displayLabel="{if (@n = 'text') then 'Rights of the text' else 'Licence of this edition'}">
      <xsl:for-each select="@target">
        <xsl:attribute name="xlink:href" select="."/>
      </xsl:for-each>
      <xsl:value-of select="normalize-space(.)"/>
    </accessCondition>
  </xsl:template>
</xsl:stylesheet>
