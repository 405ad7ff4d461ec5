<?xml version="1.0" encoding="UTF-8"?>
<!-- The index of names, typeset as a document of its own once the body has been rendered:
     the builder passes the page of every mention, so each entry lists real pages,
     deduplicated and merged into ranges, each number a link to the first mention there. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:m="urn:edition:modes"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="main.xsl"/>

  <!-- JSON: {"s01.p1.n1": 7, …}, the physical page of every mention. -->
  <xsl:param name="pages" as="xs:string" required="yes"/>
  <!-- JSON: ["i", "ii", …, "1", "2", …], the folio of each physical page. -->
  <xsl:param name="labels" as="xs:string" required="yes"/>

  <xsl:variable name="page-of" select="parse-json($pages)" as="map(*)"/>
  <xsl:variable name="label-of" select="parse-json($labels)" as="array(*)"/>

  <xsl:template match="tei:TEI">
    <html lang="{@xml:lang}">
      <xsl:call-template name="t:head"/>
      <body>
        <!-- The id of the page the body reserved for the index: the contents link lands here. -->
        <section class="index" id="index-start">
          <h2 data-recto="{f:label('index')}" data-verso="{$book-title}"><xsl:value-of select="f:label('index')"/></h2>
          <!-- One group per kind: the register's list and the recogniser's (type="proposed") together. -->
          <xsl:for-each-group select="tei:standOff/(tei:listPerson, tei:listPlace, tei:listOrg)" group-by="local-name()">
            <xsl:apply-templates select="." mode="m:index">
              <xsl:with-param name="lists" select="current-group()"/>
            </xsl:apply-templates>
          </xsl:for-each-group>
        </section>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg" mode="m:index">
    <xsl:param name="lists" as="element()+"/>
    <xsl:variable name="entries" select="$lists/*[exists(f:mentions(.))]" as="element()*"/>
    <xsl:if test="exists($entries)">
      <section class="index-group" id="index-{local-name()}">
        <h3>
          <xsl:value-of select="f:label(map{'listPerson': 'persons', 'listPlace': 'places', 'listOrg': 'organisations'}(local-name()))"/>
        </h3>
        <ul>
          <xsl:for-each select="$entries, $entries/*[@type = 'variant'][f:is-cross-reference(.)]">
            <xsl:sort select="f:collation-key(f:index-heading(.))"/>
            <xsl:apply-templates select="." mode="m:index"/>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- "Trotsky, Leon" for an entry; the variant itself for a cross-reference. -->
  <xsl:function name="f:index-heading" as="xs:string">
    <xsl:param name="item" as="element()"/>
    <xsl:sequence select="if ($item/@type = 'variant') then normalize-space($item) else f:entity-sort-label($item)"/>
  </xsl:function>

  <xsl:template match="tei:person | tei:place | tei:org" mode="m:index">
    <li class="entry" id="ix.{@xml:id}">
      <xsl:sequence select="f:small-caps(f:curly(f:entity-sort-label(.)), true())"/>
      <xsl:text>, </xsl:text>
      <xsl:call-template name="t:locators">
        <xsl:with-param name="mentions" select="f:mentions(.)"/>
      </xsl:call-template>
    </li>
  </xsl:template>

  <xsl:template match="*[@type = 'variant']" mode="m:index">
    <li class="cross-reference">
      <xsl:sequence select="f:small-caps(f:curly(normalize-space(.)), true())"/>
      <xsl:text>, </xsl:text>
      <span class="see"><xsl:value-of select="f:label('see')"/></span>
      <xsl:text> </xsl:text>
      <a href="#ix.{../@xml:id}">
        <xsl:sequence select="f:small-caps(f:curly(f:entity-sort-label(..)), true())"/>
      </a>
    </li>
  </xsl:template>

  <!-- Register names keep the straight apostrophes of their source; the index prints them
       as the text does (Workers’ and Peasants’ Inspectorate). -->
  <xsl:function name="f:curly" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="translate($name, &quot;'&quot;, '&#x2019;')"/>
  </xsl:function>

  <!-- Pages in order, consecutive ones as a range (14–15); front-matter (Roman) pages
       never run into the Arabic ones. -->
  <xsl:template name="t:locators">
    <xsl:param name="mentions" as="element()+"/>
    <xsl:variable name="pages" select="sort(distinct-values($mentions ! f:page(.)))" as="xs:integer+"/>
    <xsl:for-each-group select="$pages" group-adjacent="(. - position()) || f:is-roman(.)">
      <xsl:if test="position() gt 1">, </xsl:if>
      <xsl:choose>
        <!-- A range is kept on one line; a single page needs no box of its own (fewer
             boxes make the index render faster). -->
        <xsl:when test="count(current-group()) gt 1">
          <span class="locator">
            <xsl:sequence select="f:locator(current-group()[1], $mentions)"/>
            <xsl:text>&#x2013;</xsl:text>
            <xsl:sequence select="f:locator(current-group()[last()], $mentions)"/>
          </span>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="f:locator(current-group()[1], $mentions)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:template>

  <!-- A page number linking to the first mention on that page. -->
  <xsl:function name="f:locator" as="element()">
    <xsl:param name="page" as="xs:integer"/>
    <xsl:param name="mentions" as="element()+"/>
    <a href="#{$mentions[f:page(.) = $page][1]/@xml:id}">
      <xsl:value-of select="$label-of($page)"/>
    </a>
  </xsl:function>

  <xsl:function name="f:page" as="xs:integer">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="xs:integer($page-of($mention/@xml:id))"/>
  </xsl:function>

  <xsl:function name="f:is-roman" as="xs:boolean">
    <xsl:param name="page" as="xs:integer"/>
    <xsl:sequence select="matches($label-of($page), '^[ivxlcdm]+$')"/>
  </xsl:function>
</xsl:stylesheet>
