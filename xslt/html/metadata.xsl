<?xml version="1.0" encoding="UTF-8"?>
<!-- Metadata in every page head: Dublin Core, citation_* (Zotero, Google Scholar), schema.org JSON-LD. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:variable name="header" select="$tei/tei:TEI/tei:teiHeader" as="element(tei:teiHeader)"/>
  <xsl:variable name="pub" select="$header/tei:fileDesc/tei:publicationStmt" as="element(tei:publicationStmt)"/>

  <!-- Authors as "Surname, Forename" from their register entries where the header links them. -->
  <xsl:variable name="authors" as="xs:string*"
      select="$header/tei:fileDesc/tei:titleStmt/tei:author ! (
          if (tei:persName[@ref] and f:entity(tei:persName[@ref][1])) then f:entity-sort-label(f:entity(tei:persName[@ref][1]))
          else f:inverted-name(.))"/>

  <xsl:variable name="author-names" as="xs:string*"
      select="$header/tei:fileDesc/tei:titleStmt/tei:author ! normalize-space(.)"/>

  <xsl:variable name="facts" as="map(xs:string, xs:string?)" select="map{
      'language': string($tei/tei:TEI/@xml:lang),
      'date': string(($pub/tei:date/@when, $pub/tei:date)[1]),
      'created': string(($header/tei:profileDesc/tei:creation/tei:date/@when)[1]),
      'publisher': normalize-space($pub/tei:publisher),
      'licence': string($pub/tei:availability/tei:licence[1]/@target),
      'identifier': normalize-space($pub/tei:idno[1]),
      'edition': normalize-space($header/tei:fileDesc/tei:editionStmt/tei:edition),
      'source': f:source-line($header)}"/>

  <xsl:template name="t:metadata">
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>
    <meta name="DC.title" content="{$book-title}"/>
    <xsl:for-each select="$author-names">
      <meta name="DC.creator" content="{.}"/>
    </xsl:for-each>
    <xsl:for-each select="('date', 'language', 'publisher', 'identifier', 'source')[$facts(.)]">
      <meta name="DC.{.}" content="{$facts(.)}"/>
    </xsl:for-each>
    <xsl:if test="$facts('licence')">
      <meta name="DC.rights" content="{$facts('licence')}"/>
    </xsl:if>
    <meta name="DC.type" content="Text"/>
    <meta name="DC.format" content="text/html"/>
    <meta name="citation_title" content="{$book-title}"/>
    <xsl:for-each select="$authors">
      <meta name="citation_author" content="{.}"/>
    </xsl:for-each>
    <xsl:if test="$facts('date')">
      <meta name="citation_publication_date" content="{translate($facts('date'), '-', '/')}"/>
    </xsl:if>
    <xsl:for-each select="('language', 'publisher')[$facts(.)]">
      <meta name="citation_{.}" content="{$facts(.)}"/>
    </xsl:for-each>
    <xsl:for-each select="array:flatten($downloads)[ends-with(., '.pdf')]" xmlns:array="http://www.w3.org/2005/xpath-functions/array">
      <meta name="citation_pdf_url" content="{.}"/>
    </xsl:for-each>
    <script type="application/ld+json">
      <xsl:value-of select="f:json-for-script(f:schema-org())"/>
    </script>
  </xsl:template>

  <!-- Facts the header does not give are left out, not written as empty strings. -->
  <xsl:function name="f:schema-org" as="map(*)">
    <xsl:variable name="all" select="map{
        '@context': 'https://schema.org',
        '@type': 'Book',
        'name': $book-title,
        'author': array{ $author-names ! map{'@type': 'Person', 'name': .} },
        'datePublished': $facts('date'),
        'dateCreated': $facts('created'),
        'inLanguage': $facts('language'),
        'license': $facts('licence'),
        'publisher': if ($facts('publisher')) then map{'@type': 'Organization', 'name': $facts('publisher')} else '',
        'bookEdition': $facts('edition'),
        'identifier': $facts('identifier')}" as="map(*)"/>
    <xsl:sequence select="map:merge(map:keys($all)[not($all(.) instance of xs:string and $all(.) = '')] ! map:entry(., $all(.)))"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <!-- JSON inside <script>: "<" escaped so no text can close the element (</script>). -->
  <xsl:function name="f:json-for-script" as="xs:string">
    <xsl:param name="value" as="item()"/>
    <xsl:sequence select="replace(serialize($value, map{'method': 'json'}), '&lt;', '\\u003c')"/>
  </xsl:function>
</xsl:stylesheet>
