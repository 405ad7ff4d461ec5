<?xml version="1.0" encoding="UTF-8"?>
<!-- Offline full-text search. Pagefind and lunr load their index with fetch(), which browsers
     refuse for file:// pages; a script file is allowed, so the index is a small JS file
     (one entry per paragraph, text as rendered) that search.js scans. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template name="t:search-page">
    <xsl:call-template name="t:page">
      <xsl:with-param name="file" select="'search.html'"/>
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="kind" select="'search'"/>
      <xsl:with-param name="scripts" select="('search-index.js', 'search.js')"/>
      <xsl:with-param name="content">
        <h1>Search</h1>
        <form class="search-page-form" role="search" action="search.html" method="get">
          <label for="search-q">Words to find: all must occur in a paragraph; "quoted words" as a phrase; a name finds its other spellings too</label>
          <input type="search" id="search-q" name="q"/>
          <button type="submit">Search</button>
        </form>
        <p id="search-status" role="status" aria-live="polite">
          <noscript>Search needs JavaScript; the registers and the contents work without it.</noscript>
        </p>
        <ol id="search-results" class="search-results"></ol>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The paragraphs (of the front, the body and the back matter rendered: not the publisher's) with the register entries each names, and every entry's name forms:
       a search for one form of a name finds the paragraphs naming it in any form. -->
  <xsl:template name="t:search-index">
    <xsl:variable name="blocks" select="$tei/tei:TEI/tei:text/(tei:front, tei:body, f:back-matter(.))//*[self::tei:p or self::tei:lg or self::tei:byline or self::tei:docImprint or self::tei:opener or self::tei:closer or self::tei:stage[not(ancestor::tei:p)]][@xml:id]"/>
    <xsl:variable name="entities" select="$tei//tei:standOff/(tei:listPerson/tei:person, tei:listPlace/tei:place, tei:listOrg/tei:org)"/>
    <xsl:result-document href="search-index.js" format="script">
      <xsl:text>window.EDITION_SEARCH = </xsl:text>
      <xsl:value-of select="f:json-for-script(map{
          'paragraphs': array{ $blocks ! f:search-entry(.) },
          'names': array{ $entities[f:mentions(.)] ! f:search-names(.) }})"/>
      <xsl:text>;&#10;</xsl:text>
    </xsl:result-document>
  </xsl:template>

  <xsl:function name="f:search-entry" as="map(*)">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="section" select="$block/ancestor::tei:div[ancestor::tei:body or ancestor::tei:back][1]"/>
    <xsl:sequence select="map{
        'href': f:location-href($block/@xml:id),
        'where': f:location-label($block),
        'title': if ($section) then f:div-label($section) else 'Contents and preface',
        'text': f:rendered-text($block),
        'refs': array{ distinct-values($block//(tei:persName, tei:placeName, tei:orgName)/@ref ! substring-after(., '#')) }}"/>
  </xsl:function>

  <!-- Forms a reader may type: every name of the entry, and a person's surname alone. -->
  <xsl:function name="f:search-names" as="map(*)">
    <xsl:param name="entity" as="element()"/>
    <xsl:sequence select="map{
        'id': string($entity/@xml:id),
        'forms': array{ distinct-values(($entity/(tei:persName, tei:placeName, tei:orgName), $entity/tei:persName/tei:surname) ! normalize-space()) }}"/>
  </xsl:function>

  <!-- The block's text as the page shows it (quote marks, corrections), without tips or permalinks. -->
  <xsl:function name="f:rendered-text" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="html" as="node()*">
      <xsl:sequence select="key('f:rendered', $block/@xml:id, $rendered-text)"/>
      <xsl:if test="empty(key('f:rendered', $block/@xml:id, $rendered-text))">
        <xsl:apply-templates select="$block"/>
      </xsl:if>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($html//text()[not(ancestor::*[
        contains-token(@class, 'tip') or contains-token(@class, 'permalink')])], ''))"/>
  </xsl:function>
</xsl:stylesheet>
