<?xml version="1.0" encoding="UTF-8"?>
<!-- Where things live in the HTML edition: the front matter on index.html, each section on
     its own page (sNN.html), register entries on one page per kind. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    exclude-result-prefixes="#all">

  <xsl:variable name="register-pages" as="map(xs:string, xs:string)"
      select="map{'person': 'persons.html', 'place': 'places.html', 'org': 'organisations.html'}"/>

  <!-- The page a node of the text is on: its division's (a division inside another has a page of its own). -->
  <xsl:function name="f:page-of" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="section" select="$node/ancestor-or-self::tei:div[ancestor::tei:body or ancestor::tei:back][1]"/>
    <xsl:sequence select="if ($section) then f:section-file($section) else 'index.html'"/>
  </xsl:function>

  <xsl:function name="f:section-file" as="xs:string">
    <xsl:param name="section" as="element(tei:div)"/>
    <xsl:sequence select="$section/@xml:id || '.html'"/>
  </xsl:function>

  <!-- A key, not id(): Saxon indexes keys once, and this runs for every register occurrence. -->
  <xsl:key name="f:text-id" match="tei:text//*[@xml:id]" use="@xml:id"/>

  <xsl:function name="f:location-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="f:page-of(key('f:text-id', $id, $tei)) || '#' || $id"/>
  </xsl:function>

  <xsl:function name="f:entity-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$register-pages(local-name(key('f:entity', $id, $tei))) || '#' || $id"/>
  </xsl:function>
</xsl:stylesheet>
