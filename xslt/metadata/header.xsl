<?xml version="1.0" encoding="UTF-8"?>
<!-- The facts every crosswalk reads from the teiHeader, each in one place, so DC, MODS,
     METS and the OAI repository cannot disagree about a title, an author or a date. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/functions.xsl"/>

  <xsl:variable name="header" as="element(tei:teiHeader)" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="file-desc" as="element(tei:fileDesc)" select="$header/tei:fileDesc"/>
  <xsl:variable name="publication" as="element(tei:publicationStmt)" select="$file-desc/tei:publicationStmt"/>

  <xsl:function name="f:title" as="xs:string">
    <xsl:sequence select="normalize-space($file-desc/tei:titleStmt/tei:title[not(@type) or @type = 'main'][1])"/>
  </xsl:function>

  <xsl:function name="f:authors" as="element(tei:author)*">
    <xsl:sequence select="$file-desc/tei:titleStmt/tei:author"/>
  </xsl:function>

  <!-- The register entry of an author, when the header links one. -->
  <xsl:function name="f:author-entry" as="element(tei:person)?">
    <xsl:param name="author" as="element(tei:author)"/>
    <xsl:sequence select="$author/tei:persName[@ref]/f:entity(.)[self::tei:person]"/>
  </xsl:function>

  <!-- "Grant, Ted": the inverted form libraries file authors under. -->
  <xsl:function name="f:author-sort-name" as="xs:string">
    <xsl:param name="author" as="element(tei:author)"/>
    <xsl:variable name="entry" select="f:author-entry($author)"/>
    <xsl:sequence select="if ($entry) then f:entity-sort-label($entry) else normalize-space($author)"/>
  </xsl:function>

  <xsl:function name="f:author-name-part" as="xs:string?">
    <xsl:param name="author" as="element(tei:author)"/>
    <xsl:param name="part" as="xs:string"/>
    <xsl:sequence select="f:author-entry($author)/tei:persName[@type = 'main']/*[local-name() = $part]
                          ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="f:author-uris" as="xs:string*">
    <xsl:param name="author" as="element(tei:author)"/>
    <xsl:sequence select="f:author-entry($author)/tei:idno[@type = 'URI'] ! normalize-space(.)"/>
  </xsl:function>

  <!-- The date this edition was issued (publicationStmt), in W3CDTF. -->
  <xsl:function name="f:issued" as="xs:string">
    <xsl:sequence select="string(($publication/tei:date ! (@when, normalize-space(.)))[1])"/>
  </xsl:function>

  <!-- The date the work itself was written. -->
  <xsl:function name="f:created" as="xs:string?">
    <xsl:sequence select="($header/tei:profileDesc/tei:creation/tei:date ! (@when, normalize-space(.)))[1] ! string(.)"/>
  </xsl:function>

  <xsl:function name="f:identifiers" as="xs:string*">
    <xsl:sequence select="$publication/tei:idno ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="f:publisher" as="xs:string?">
    <xsl:sequence select="$publication/tei:publisher[1] ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="f:pub-place" as="xs:string?">
    <xsl:sequence select="$publication/tei:pubPlace[1] ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="f:languages" as="xs:string*">
    <xsl:sequence select="$header/tei:profileDesc/tei:langUsage/tei:language/@ident ! string(.)"/>
  </xsl:function>

  <xsl:function name="f:edition-statement" as="xs:string?">
    <xsl:sequence select="$file-desc/tei:editionStmt/tei:edition[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- The two rights statements: the text's (@n="text", a rightsstatements.org URI) and
       this edition's licence (@n="edition").  A header from before the split has one
       licence, which then stands for the edition. -->
  <xsl:function name="f:text-rights" as="element(tei:licence)?">
    <xsl:sequence select="$publication/tei:availability/tei:licence[@n = 'text']"/>
  </xsl:function>

  <xsl:function name="f:edition-licence" as="element(tei:licence)?">
    <xsl:sequence select="($publication/tei:availability/tei:licence[@n = 'edition'],
                           $publication/tei:availability/tei:licence[not(@n)])[1]"/>
  </xsl:function>

  <xsl:function name="f:keywords" as="xs:string*">
    <xsl:sequence select="$header/tei:profileDesc/tei:textClass/tei:keywords[not(@n)]/tei:term ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="f:genres" as="xs:string*">
    <xsl:sequence select="$header/tei:profileDesc/tei:textClass/tei:keywords[@n = 'genre']/tei:term ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="f:description" as="xs:string?">
    <xsl:sequence select="$header/tei:profileDesc/tei:abstract[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- The edition's public address (publicationStmt/idno[@type='URL']), when it has one. -->
  <xsl:function name="f:url" as="xs:string?">
    <xsl:sequence select="$publication/tei:idno[@type = 'URL'][1] ! normalize-space(.)"/>
  </xsl:function>
</xsl:stylesheet>
