<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML reading edition: a title page with contents and preface, one page per section,
     register pages, "about this edition" and a search page, written with xsl:result-document.
     Imports the shared templates and overrides them by import precedence. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/main.xsl"/>

  <xsl:include href="../common/division-pages.xsl"/>
  <xsl:include href="links.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="metadata.xsl"/>
  <xsl:include href="cite.xsl"/>
  <xsl:include href="pages.xsl"/>
  <xsl:include href="search.xsl"/>
  <xsl:include href="register-pages.xsl"/>
  <xsl:include href="map.xsl"/>

  <!-- File names of the downloads the builder found beside the edition ("../x.epub", "x.xml"). -->
  <xsl:param name="downloads" as="array(xs:string)" select="[]"/>

  <xsl:param name="encoding-notes-href" as="xs:string" select="'encoding.html'"/>

  <xsl:output name="page" method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:output name="script" method="text" encoding="UTF-8"/>

  <xsl:variable name="tei" select="/" as="document-node()"/>
</xsl:stylesheet>
