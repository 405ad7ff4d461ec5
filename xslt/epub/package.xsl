<?xml version="1.0" encoding="UTF-8"?>
<!-- The package document's metadata and spine. The builder adds the manifest (it knows the
     files it writes: fonts, images, styles) and checks every spine item is in it. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:m="urn:edition:modes"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns="http://www.idpf.org/2007/opf"
    exclude-result-prefixes="#all">

  <!-- The publication's identifier (urn:uuid:…) and last-modified time (CCYY-MM-DDThh:mm:ssZ). -->
  <xsl:param name="identifier" as="xs:string" required="yes"/>
  <xsl:param name="modified" as="xs:string" required="yes"/>

  <!-- The manifest id of a file: its name with the dot made a hyphen (s01.xhtml → s01-xhtml). -->
  <xsl:function name="f:item-id" as="xs:string">
    <xsl:param name="file" as="xs:string"/>
    <xsl:sequence select="translate(tokenize($file, '/')[last()], '.', '-')"/>
  </xsl:function>

  <xsl:template name="t:package">
    <xsl:variable name="header" select="/tei:TEI/tei:teiHeader" as="element(tei:teiHeader)"/>
    <package version="3.0" unique-identifier="pub-id" xml:lang="{/tei:TEI/@xml:lang}">
      <metadata>
        <xsl:namespace name="dc" select="'http://purl.org/dc/elements/1.1/'"/>
        <dc:identifier id="pub-id"><xsl:value-of select="$identifier"/></dc:identifier>
        <dc:title id="title"><xsl:value-of select="f:book-title(/)"/></dc:title>
        <xsl:apply-templates select="$header/tei:fileDesc/tei:titleStmt/tei:author" mode="m:package"/>
        <dc:language><xsl:value-of select="/tei:TEI/@xml:lang"/></dc:language>
        <xsl:apply-templates select="$header/tei:fileDesc/tei:publicationStmt" mode="m:package"/>
        <xsl:if test="f:has-page-list()">
          <!-- The pagination source of the page-list (EPUB 3.3 meta vocabulary; Ace checks it). -->
          <meta property="pageBreakSource"><xsl:value-of select="f:book-title(/) || ', print edition (PDF) of this edition'"/></meta>
        </xsl:if>
        <meta property="dcterms:modified"><xsl:value-of select="$modified"/></meta>
        <xsl:call-template name="t:accessibility"/>
      </metadata>
      <spine>
        <xsl:for-each select="$f:parts">
          <itemref idref="{f:item-id(?file)}">
            <xsl:if test="?kind = 'font-licence'">
              <xsl:attribute name="linear" select="'no'"/>
            </xsl:if>
          </itemref>
        </xsl:for-each>
      </spine>
    </package>
  </xsl:template>

  <xsl:template match="tei:author" mode="m:package">
    <xsl:variable name="id" select="'creator' || position()"/>
    <xsl:variable name="entity" select="tei:persName[@ref] ! f:entity(.)"/>
    <dc:creator id="{$id}"><xsl:value-of select="normalize-space()"/></dc:creator>
    <meta refines="#{$id}" property="role" scheme="marc:relators">aut</meta>
    <xsl:if test="$entity">
      <meta refines="#{$id}" property="file-as"><xsl:value-of select="f:entity-sort-label($entity)"/></meta>
    </xsl:if>
    <meta refines="#{$id}" property="display-seq"><xsl:value-of select="position()"/></meta>
  </xsl:template>

  <xsl:template match="tei:publicationStmt" mode="m:package">
    <dc:date><xsl:value-of select="(tei:date/@when, normalize-space(tei:date))[1]"/></dc:date>
    <dc:publisher><xsl:value-of select="normalize-space(tei:publisher)"/></dc:publisher>
    <xsl:for-each select="tei:availability/tei:licence">
      <dc:rights>
        <xsl:value-of select="string-join((normalize-space(.), @target), ' ')"/>
      </dc:rights>
    </xsl:for-each>
  </xsl:template>

  <!-- EPUB Accessibility 1.1 discovery and conformance metadata. -->
  <xsl:template name="t:accessibility">
    <xsl:variable name="features" select="('tableOfContents', 'index', 'readingOrder', 'structuralNavigation',
        'displayTransformability', 'alternativeText', if (f:has-page-list()) then 'printPageNumbers' else ())"/>
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessMode">visual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <xsl:for-each select="$features">
      <meta property="schema:accessibilityFeature"><xsl:value-of select="."/></meta>
    </xsl:for-each>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">
      <xsl:text>All content is text, in reading order, with headings for every part, a table of contents, </xsl:text>
      <xsl:text>an index of names linking to each mention, and a described cover image. </xsl:text>
      <xsl:if test="f:has-page-list()">Page break markers give the page numbers of the print edition. </xsl:if>
      <xsl:text>The embedded fonts and styles yield to the reader's settings.</xsl:text>
    </meta>
    <meta property="dcterms:conformsTo" id="conformance">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>
    <meta property="a11y:certifiedBy" refines="#conformance">
      <xsl:value-of select="normalize-space(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher)"/>
    </meta>
  </xsl:template>
</xsl:stylesheet>
