<?xml version="1.0" encoding="UTF-8"?>
<!-- What a citation needs, as JSON in every page (read by cite.js, which writes the plain
     text, CSL-JSON, BibTeX and RIS of the edition and of each paragraph). The canonical
     address is the edition's URL (publicationStmt/idno[@type='URL'], from [package] base_url);
     without one, citations carry no address rather than a file:// one. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The edition's public address, ending in "/", or the empty string. -->
  <xsl:variable name="base-url" as="xs:string"
      select="string($pub/tei:idno[@type = 'URL'][1]) ! normalize-space() ! (if (. and not(ends-with(., '/'))) then . || '/' else .)"/>

  <!-- A link inside the edition made absolute when the edition has an address. -->
  <xsl:function name="f:absolute" as="xs:string">
    <xsl:param name="href" as="xs:string"/>
    <xsl:sequence select="if ($base-url) then $base-url || $href else $href"/>
  </xsl:function>

  <!-- "Grant, Ted" as family and given name; a one-word name is a family name. -->
  <xsl:function name="f:csl-name" as="map(*)">
    <xsl:param name="sort-label" as="xs:string"/>
    <xsl:sequence select="if (contains($sort-label, ', '))
        then map{'family': substring-before($sort-label, ', '), 'given': substring-after($sort-label, ', ')}
        else map{'family': $sort-label}"/>
  </xsl:function>

  <xsl:variable name="citation-facts" as="map(*)" select="map{
      'key': string($tei/tei:TEI/@xml:id),
      'title': f:typography($book-title),
      'authors': array{ $authors ! f:csl-name(.) },
      'editors': array{ $header/tei:fileDesc/tei:titleStmt/tei:respStmt ! map{
          'literal': normalize-space(string-join((tei:name, tei:persName, tei:orgName), ', ')),
          'role': normalize-space(tei:resp[1])} },
      'edition': string-join(($facts('edition'), $header/tei:fileDesc/tei:editionStmt/tei:edition/@n ! ('version ' || .))[.], ', '),
      'publisher': $facts('publisher'),
      'place': normalize-space($pub/tei:pubPlace[1]),
      'issued': $facts('date'),
      'original': $facts('created'),
      'language': $facts('language'),
      'url': $base-url}"/>

  <xsl:template name="t:citation-data">
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <script type="application/json" id="citation-data">
      <xsl:value-of select="f:json-for-script(map:merge(($citation-facts, map{'file': $file, 'page': f:typography($title)}))
          )" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    </script>
  </xsl:template>
</xsl:stylesheet>
