<?xml version="1.0" encoding="UTF-8"?>
<!-- Every string the stylesheets sort register entries by, one a line, for
     edition/collation.py to rank by the Unicode Collation Algorithm (collation.xsl). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    exclude-result-prefixes="#all">

  <xsl:import href="functions.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="entities" select="//tei:standOff//(tei:person | tei:place | tei:org)"/>
    <xsl:value-of separator="&#10;" select="distinct-values((
        $entities ! (f:entity-sort-label(.), f:entity-label(.)),
        $entities/*[@type = 'variant'] ! normalize-space(.)))"/>
  </xsl:template>
</xsl:stylesheet>
