<?xml version="1.0" encoding="UTF-8"?>
<!-- Page breaks of the print edition. The PDF builder records on which page every xml:id
     of the text landed (dist/<slug>/<slug>.pages.json); the EPUB builder passes that file's
     text as $pages-json ('' when no PDF has been built: then no markers, no page-list).
     A page's marker stands at the start of the first element anchored on that page: a
     paragraph, heading, name mention or quotation, whichever comes first. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:param name="pages-json" as="xs:string" select="''"/>

  <xsl:variable name="f:print-pages" as="map(*)"
      select="if (normalize-space($pages-json)) then parse-json($pages-json) else map{}"/>

  <!-- xml:id → page number, as the PDF builder measured them. -->
  <xsl:variable name="f:anchors" as="map(*)" select="($f:print-pages?anchors, map{})[1]"/>

  <!-- page number → printed label ("23", "iv"). -->
  <xsl:variable name="f:page-labels" as="map(xs:integer, xs:string)">
    <xsl:map>
      <xsl:for-each select="($f:print-pages?pages, [])[1]?*">
        <xsl:map-entry key="xs:integer(?index)" select="string(?label)"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <!-- xml:id of the first element on each page → that page's number. -->
  <xsl:variable name="f:pagebreaks" as="map(xs:string, xs:integer)">
    <xsl:map>
      <xsl:for-each-group select="/tei:TEI/tei:text//*[@xml:id][map:contains($f:anchors, string(@xml:id))]"
          group-by="xs:integer($f:anchors(string(@xml:id)))">
        <xsl:map-entry key="string(current-group()[1]/@xml:id)" select="current-grouping-key()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <xsl:function name="f:page-label" as="xs:string">
    <xsl:param name="page" as="xs:integer"/>
    <xsl:sequence select="($f:page-labels($page), string($page))[1]"/>
  </xsl:function>

  <xsl:function name="f:has-page-list" as="xs:boolean">
    <xsl:sequence select="map:size($f:pagebreaks) gt 0"/>
  </xsl:function>

  <!-- The marker for the page starting at the element with xml:id $id, if one does. -->
  <xsl:template name="t:pagebreak">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="page" select="$f:pagebreaks($id)" as="xs:integer?"/>
    <xsl:if test="exists($page)">
      <span epub:type="pagebreak" role="doc-pagebreak" id="page-{$page}" aria-label="{f:page-label($page)}"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
