<?xml version="1.0" encoding="UTF-8"?>
<!-- Register entries sorted by the Unicode Collation Algorithm ("Radek", "Rákosi", "Rykov"):
     sort by f:collation-key(label). The ranks come from edition/collation.py, which ranks
     every label sort-labels.xsl lists. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:f="urn:edition:functions"
    exclude-result-prefixes="#all">

  <!-- JSON: {"Rákosi, Mátyás": 212, …}, each label's place in collation order. Only the
       stylesheets that sort entries need it: without it, sorting fails (never code-point order). -->
  <xsl:param name="collation" as="xs:string" select="'{}'"/>
  <xsl:variable name="collation-ranks" select="parse-json($collation)" as="map(*)"/>

  <xsl:function name="f:collation-key" as="xs:integer">
    <xsl:param name="label" as="xs:string"/>
    <xsl:sequence select="if (map:contains($collation-ranks, $label)) then xs:integer($collation-ranks($label))
        else error(xs:QName('f:uncollated'), 'no collation rank for ' || $label || ' (is it listed by sort-labels.xsl?)')"/>
  </xsl:function>
</xsl:stylesheet>
