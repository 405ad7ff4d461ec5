<?xml version="1.0" encoding="UTF-8"?>
<!-- The index of names, in the EPUB Indexes 1.0 vocabulary: one group per kind of entry,
     one entry per register entry named in the text, one locator per mention. Locators are
     print page numbers when the PDF's pages are known, else paragraphs within divisions. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:m="urn:edition:modes"
    xmlns:t="urn:edition:templates"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template name="t:index">
    <xsl:variable name="standoff" select="/tei:TEI/tei:standOff" as="element(tei:standOff)?"/>
    <section class="index" epub:type="index" role="doc-index" aria-labelledby="index-head">
      <h1 id="index-head">Index of names</h1>
      <xsl:call-template name="t:index-group">
        <xsl:with-param name="id" select="'index-persons'"/>
        <xsl:with-param name="label" select="'Persons'"/>
        <xsl:with-param name="entities" select="$standoff//tei:person"/>
      </xsl:call-template>
      <xsl:call-template name="t:index-group">
        <xsl:with-param name="id" select="'index-places'"/>
        <xsl:with-param name="label" select="'Places'"/>
        <xsl:with-param name="entities" select="$standoff//tei:place"/>
      </xsl:call-template>
      <xsl:call-template name="t:index-group">
        <xsl:with-param name="id" select="'index-organisations'"/>
        <xsl:with-param name="label" select="'Organisations'"/>
        <xsl:with-param name="entities" select="$standoff//tei:org"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <xsl:template name="t:index-group">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="entities" as="element()*"/>
    <xsl:variable name="named" select="$entities[exists(f:mentions(.))]"/>
    <xsl:if test="$named">
      <section epub:type="index-group" id="{$id}" aria-labelledby="{$id}-head">
        <h2 id="{$id}-head"><xsl:value-of select="$label"/></h2>
        <ul epub:type="index-entry-list">
          <xsl:apply-templates select="sort($named, (), function($e) { lower-case(f:entity-sort-label($e)) })"
              mode="m:index"/>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:person | tei:place | tei:org" mode="m:index">
    <li epub:type="index-entry" id="index-{@xml:id}">
      <span epub:type="index-term"><xsl:value-of select="f:entity-sort-label(.)"/></span>
      <xsl:text> </xsl:text>
      <span epub:type="index-locator-list">
        <xsl:choose>
          <xsl:when test="f:has-page-list()">
            <xsl:apply-templates select="f:mentions(.)" mode="m:index-page"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each-group select="f:mentions(.)" group-by="f:file-of(.)">
              <xsl:if test="position() gt 1">; </xsl:if>
              <span class="where"><xsl:value-of select="f:division-label(.)"/></span>
              <xsl:apply-templates select="current-group()" mode="m:index-paragraph"/>
            </xsl:for-each-group>
          </xsl:otherwise>
        </xsl:choose>
      </span>
    </li>
  </xsl:template>

  <!-- "Section 3", "Preface", "Front matter": the division a mention stands in (about.xsl). -->
  <xsl:function name="f:division-label" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="f:location-label(($node/ancestor::tei:div[parent::tei:front or parent::tei:body], $node/ancestor::tei:front)[1])"/>
  </xsl:function>

  <xsl:template match="*" mode="m:index-paragraph">
    <xsl:variable name="p" select="ancestor::tei:p[1]"/>
    <xsl:text>, </xsl:text>
    <xsl:call-template name="t:locator">
      <xsl:with-param name="label" select="if ($p) then '¶ ' || (count($p/preceding-sibling::tei:p) + 1)
          else if (ancestor::tei:head) then 'heading'
          else if (ancestor::tei:closer) then 'closing'
          else local-name(..)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*" mode="m:index-page">
    <xsl:variable name="anchored" select="ancestor-or-self::*[map:contains($f:anchors, string(@xml:id))][1]"/>
    <xsl:if test="position() gt 1">, </xsl:if>
    <xsl:call-template name="t:locator">
      <xsl:with-param name="label" select="if ($anchored) then f:page-label(xs:integer($f:anchors(string($anchored/@xml:id))))
          else f:division-label(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A link to one mention (or, if it has no id of its own, to the nearest element that does). -->
  <xsl:template name="t:locator">
    <xsl:param name="label" as="xs:string"/>
    <a epub:type="index-locator" href="{f:location-href(ancestor-or-self::*[@xml:id][1]/@xml:id)}">
      <xsl:value-of select="$label"/>
    </a>
  </xsl:template>
</xsl:stylesheet>
