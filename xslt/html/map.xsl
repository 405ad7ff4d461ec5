<?xml version="1.0" encoding="UTF-8"?>
<!-- The map of places: the world's land (land.xsl) and a marker, linked to its entry, for every
     place whose GeoNames id has a point ($geonames, from edition/builders/html_map.py).
     The view is cropped to the markers; plate carree, so x is longitude + 180, y is 90 - latitude. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:include href="land.xsl"/>

  <!-- JSON: register id → {"point": [latitude, longitude]} or {"about": "Country in Europe; …"}. -->
  <xsl:param name="geonames" as="xs:string" select="'{}'"/>
  <xsl:variable name="geonames-facts" as="map(*)" select="parse-json($geonames)"/>
  <xsl:variable name="points" as="map(*)" select="map:merge(map:keys($geonames-facts)[exists($geonames-facts(.)?point)] ! map{.: $geonames-facts(.)?point})"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

  <xsl:template name="t:places-map">
    <xsl:param name="places" as="element(tei:place)*"/>
    <xsl:variable name="marked" select="sort($places[map:contains($points, string(@xml:id))], (), function($p) { f:collation-key(f:entity-label($p)) })"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:if test="exists($marked)">
      <xsl:variable name="xs" select="$marked ! ($points(string(@xml:id))(2) + 180)"/>
      <xsl:variable name="ys" select="$marked ! (90 - $points(string(@xml:id))(1))"/>
      <xsl:variable name="margin" select="8"/>
      <xsl:variable name="left" select="max((0, min($xs) - $margin))"/>
      <xsl:variable name="top" select="max((0, min($ys) - $margin))"/>
      <xsl:variable name="width" select="min((360, max($xs) + $margin)) - $left"/>
      <xsl:variable name="height" select="min((180, max($ys) + $margin)) - $top"/>
      <figure class="places-map">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="{($left, $top, $width, $height) ! round(., 1)}">
          <path class="land" d="{$land-path}"/>
          <xsl:for-each select="$marked">
            <xsl:variable name="point" select="$points(string(@xml:id))"/>
            <a href="#{@xml:id}" class="marker" aria-label="{f:typography(f:entity-label(.))}">
              <circle cx="{round($point(2) + 180, 2)}" cy="{round(90 - $point(1), 2)}" r="{max(($width, $height)) div 160}">
                <title><xsl:value-of select="f:typography(f:entity-label(.))"/></title>
              </circle>
            </a>
          </xsl:for-each>
        </svg>
        <figcaption>
          <xsl:value-of select="count($marked)"/>
          <xsl:text> of the </xsl:text>
          <xsl:value-of select="count($places)"/>
          <xsl:text> places, where GeoNames gives a point (countries and regions have none); each marker leads to its entry.
            Outline: Natural Earth (public domain).</xsl:text>
        </figcaption>
      </figure>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
