<?xml version="1.0" encoding="UTF-8"?>
<!-- The running text on screen: names and corrections with a description shown on hover or
     focus (CSS only; edition.js adds Escape to dismiss), a permalink per paragraph. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- A link with a tooltip beside it: the tip is a sibling, not a child, so it is not part of
       the link's accessible name; aria-describedby reads it as the description. -->
  <xsl:template name="t:with-tip">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="link" as="node()*"/>
    <xsl:param name="tip" as="node()*"/>
    <span class="has-tip">
      <a class="{$class}" id="{$id}" href="{$href}" aria-describedby="{$id}-tip">
        <xsl:sequence select="$link"/>
      </a>
      <span class="tip" role="tooltip" id="{$id}-tip">
        <xsl:sequence select="$tip"/>
      </span>
    </span>
  </xsl:template>

  <xsl:template match="(tei:persName | tei:placeName | tei:orgName)[@ref][not(f:holds-marker(.))]">
    <xsl:variable name="entity" select="f:entity(.)"/>
    <xsl:if test="empty($entity)">
      <xsl:message terminate="yes" select="'UNRESOLVED @ref ' || @ref || ' at ' || path()"/>
    </xsl:if>
    <xsl:call-template name="t:with-tip">
      <xsl:with-param name="id" select="string((@xml:id, generate-id())[1])"/>
      <xsl:with-param name="class" select="'name ' || f:entity-kind($entity)"/>
      <xsl:with-param name="href" select="f:entity-href($entity/@xml:id)"/>
      <xsl:with-param name="link">
        <xsl:apply-templates/>
      </xsl:with-param>
      <xsl:with-param name="tip">
        <strong>
          <xsl:value-of select="f:typography(f:entity-label($entity))"/>
        </strong>
        <xsl:text> </xsl:text>
        <xsl:value-of select="f:typography(f:description($entity))"/>
        <xsl:value-of select=".//tei:choice[normalize-space((tei:sic, tei:orig)[1])] ! (' ' || f:correction-note(.))"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The corrected reading links to its line in the list of corrections; the tip shows the source. -->
  <xsl:template match="tei:choice">
    <xsl:variable name="id" select="f:correction-id(.)"/>
    <xsl:call-template name="t:with-tip">
      <xsl:with-param name="id" select="$id || '-text'"/>
      <xsl:with-param name="class" select="if (tei:corr) then 'corr' else 'reg'"/>
      <xsl:with-param name="href" select="'about.html#' || $id"/>
      <xsl:with-param name="link">
        <xsl:apply-templates select="tei:corr | tei:reg"/>
      </xsl:with-param>
      <xsl:with-param name="tip">
        <xsl:value-of select="f:correction-note(.)"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Inside a name link a second link is not allowed: the reading is marked, and the name's
       tip says what was corrected. -->
  <xsl:template match="tei:choice[ancestor::tei:*[@ref]]" priority="2">
    <span class="{if (tei:corr) then 'corr' else 'reg'}">
      <xsl:apply-templates select="tei:corr | tei:reg"/>
    </span>
  </xsl:template>

  <!-- A supplied space cannot be a link and has no source reading to show: just the space
       (the list of corrections has it). -->
  <xsl:template match="tei:choice[not(normalize-space((tei:corr, tei:reg)[1]))]" priority="3">
    <xsl:apply-templates select="tei:corr | tei:reg"/>
  </xsl:template>

  <xsl:template match="tei:p[@xml:id]">
    <p id="{@xml:id}">
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a class="permalink" href="#{@xml:id}" aria-label="Permalink: {f:location-label(.)}" data-where="{f:location-label(.)}">&#xB6;</a>
    </p>
  </xsl:template>

  <xsl:template match="tei:body//tei:div/tei:head | tei:back/tei:div/tei:head">
    <h1>
      <xsl:if test="../@n">
        <span class="section-number">
          <xsl:value-of select="../@n"/>
        </span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </h1>
  </xsl:template>

  <!-- A division without a head still gets its heading: the h1 of a section's own page,
       an h2 for the preface on the title page. -->
  <xsl:template match="tei:div[not(tei:head)]">
    <section class="div {@type}" id="{@xml:id}">
      <xsl:call-template name="t:text-language"/>
      <xsl:element name="{if (ancestor::tei:body or ancestor::tei:back) then 'h1' else 'h2'}">
        <xsl:value-of select="f:untitled-label(.)"/>
      </xsl:element>
      <xsl:apply-templates/>
      <xsl:call-template name="t:division-notes"/>
    </section>
  </xsl:template>
</xsl:stylesheet>
