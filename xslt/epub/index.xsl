<?xml version="1.0" encoding="UTF-8"?>
<!-- The index of names, in the EPUB Indexes 1.0 vocabulary: one group per kind of entry,
     one entry per register entry named in the text, with its variants, note and authority
     record (the book's only register: the HTML edition's register pages, which list every
     mention in context, are not repeated here), one locator per page
     (print pages when the PDF's are known, else paragraphs within divisions), linking to the
     first mention there. -->
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
      <h1 id="index-head"><xsl:call-template name="t:labels-language"/><xsl:value-of select="f:label('index')"/></h1>
      <p>Persons, places and organisations named in the text: where each is named
        (<xsl:value-of select="if (f:has-page-list()) then 'by the pages of the print edition' else 'by section and paragraph'"/>),
        other forms of the name, a short note and, where one is known, the authority record.</p>
      <xsl:call-template name="t:index-group">
        <xsl:with-param name="id" select="'index-persons'"/>
        <xsl:with-param name="label" select="f:label('persons')"/>
        <xsl:with-param name="entities" select="$standoff//tei:person"/>
      </xsl:call-template>
      <xsl:call-template name="t:index-group">
        <xsl:with-param name="id" select="'index-places'"/>
        <xsl:with-param name="label" select="f:label('places')"/>
        <xsl:with-param name="entities" select="$standoff//tei:place"/>
      </xsl:call-template>
      <xsl:call-template name="t:index-group">
        <xsl:with-param name="id" select="'index-organisations'"/>
        <xsl:with-param name="label" select="f:label('organisations')"/>
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
        <h2 id="{$id}-head"><xsl:call-template name="t:labels-language"/><xsl:value-of select="$label"/></h2>
        <ul epub:type="index-entry-list">
          <xsl:apply-templates select="sort($named, (), function($e) { f:collation-key(f:entity-sort-label($e)) })"
              mode="m:index"/>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:person | tei:place | tei:org" mode="m:index">
    <li epub:type="index-entry" id="index-{@xml:id}">
      <span epub:type="index-term"><xsl:value-of select="f:typography(f:entity-sort-label(.))"/></span>
      <xsl:text> </xsl:text>
      <span epub:type="index-locator-list">
        <xsl:choose>
          <xsl:when test="f:has-page-list()">
            <xsl:call-template name="t:locators">
              <xsl:with-param name="mentions" select="f:mentions(.)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each-group select="f:mentions(.)" group-by="f:file-of(.)">
              <xsl:if test="position() gt 1">; </xsl:if>
              <span class="where"><xsl:value-of select="f:division-label(.)"/></span>
              <xsl:text>, </xsl:text>
              <xsl:call-template name="t:locators">
                <xsl:with-param name="mentions" select="current-group()"/>
              </xsl:call-template>
            </xsl:for-each-group>
          </xsl:otherwise>
        </xsl:choose>
      </span>
      <div class="entry-about" epub:type="index-editor-note">
        <xsl:apply-templates select="(tei:persName, tei:placeName, tei:orgName)[@type = 'variant'][1], tei:note,
            tei:idno[@type = 'URI'][1]" mode="m:register"/>
      </div>
    </li>
  </xsl:template>

  <!-- "Section 3", "Preface", "Front matter": the division a mention stands in (about.xsl). -->
  <xsl:function name="f:division-label" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="f:location-label(($node/ancestor::tei:div[ancestor::tei:front or ancestor::tei:body or ancestor::tei:back][1], $node/ancestor::tei:front)[1])"/>
  </xsl:function>

  <!-- One locator per place, as a printed index gives it: a mention on a page already listed
       adds nothing; the locator links to the first mention there. -->
  <xsl:template name="t:locators">
    <xsl:param name="mentions" as="element()+"/>
    <xsl:for-each-group select="$mentions" group-by="f:locator-label(.)">
      <xsl:if test="position() gt 1">, </xsl:if>
      <xsl:call-template name="t:locator">
        <xsl:with-param name="label" select="current-grouping-key()"/>
        <xsl:with-param name="mention" select="current-group()[1]"/>
      </xsl:call-template>
    </xsl:for-each-group>
  </xsl:template>

  <!-- Where a mention is: the print page it fell on when the PDF's pages are known, else its
       paragraph ("¶ 4") within its division; the division when neither is known. -->
  <xsl:function name="f:locator-label" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="anchored" select="$mention/ancestor-or-self::*[map:contains($f:anchors, string(@xml:id))][1]"/>
    <xsl:variable name="p" select="$mention/ancestor::tei:p[1]"/>
    <xsl:sequence select="if (f:has-page-list()) then
          (if ($anchored) then f:page-label(xs:integer($f:anchors(string($anchored/@xml:id)))) else f:division-label($mention))
        else if ($p) then '¶ ' || (count($p/preceding-sibling::tei:p) + 1)
        else if ($mention/ancestor::tei:head) then 'heading'
        else if ($mention/ancestor::tei:closer) then 'closing'
        else local-name($mention/..)"/>
  </xsl:function>

  <!-- A link to a mention (or, if it has no id of its own, to the nearest element that does). -->
  <xsl:template name="t:locator">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="mention" as="element()"/>
    <a epub:type="index-locator" href="{f:location-href($mention/ancestor-or-self::*[@xml:id][1]/@xml:id)}">
      <xsl:value-of select="$label"/>
    </a>
  </xsl:template>
</xsl:stylesheet>
