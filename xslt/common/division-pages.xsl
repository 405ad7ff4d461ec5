<?xml version="1.0" encoding="UTF-8"?>
<!-- HTML and EPUB write each division on a page (a content document) of its own, one inside
     another too (a book's chapters, an act's scenes), passing the division being written as
     $division-page: a division inside it is left out there. Included by the HTML and EPUB stylesheets, so
     that it takes their import precedence; print sets the divisions in their places. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:div/tei:div" priority="1">
    <xsl:param name="division-page" as="element(tei:div)?" tunnel="yes"/>
    <xsl:if test="empty($division-page) or . is $division-page">
      <xsl:next-match/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
