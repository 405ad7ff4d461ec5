<?xml version="1.0" encoding="UTF-8"?>
<!-- What a reader can ask of the text in the EPUB: who a name is, what the editor corrected.
     A `title` attribute shows nothing on touch screens and e-ink, so each is a footnote
     reference (epub:type="noteref") to an aside (epub:type="footnote") at the end of the same
     content document: reading systems that support them show it as a popup, the others as a
     note after the section. A name's note links to its entry in the index of names; a
     correction's note to the list of corrections in "About this edition". One note per name
     per document, shared by its mentions there. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:m="urn:edition:modes"
    xmlns:t="urn:edition:templates"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="m:popup" on-no-match="fail"/>

  <!-- The id of a name's note in a content document. -->
  <xsl:function name="f:name-note-id" as="xs:string">
    <xsl:param name="entity" as="element()"/>
    <xsl:sequence select="'name-' || $entity/@xml:id"/>
  </xsl:function>

  <!-- A correction or a normalisation the reader can see (a supplied space is not one). -->
  <xsl:function name="f:noted-choice" as="xs:boolean">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="exists($choice/tei:corr) or normalize-space($choice/tei:orig) != ''"/>
  </xsl:function>

  <!-- A name mention: the reference to its note. Corrections inside the name are marked after
       it (a link may not hold another). -->
  <xsl:template match="(tei:persName | tei:placeName | tei:orgName)[@ref][not(f:holds-marker(.))]">
    <xsl:variable name="entity" select="f:entity(.)"/>
    <a class="name {f:entity-kind($entity)}" epub:type="noteref" role="doc-noteref" href="#{f:name-note-id($entity)}">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </a>
    <xsl:apply-templates select=".//tei:choice[f:noted-choice(.)]" mode="m:noteref"/>
  </xsl:template>

  <xsl:template match="tei:choice[tei:corr] | tei:choice[tei:reg]">
    <span class="{local-name((tei:corr, tei:reg)[1])}">
      <xsl:apply-templates select="tei:corr, tei:reg"/>
    </span>
    <xsl:if test="not(ancestor::*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName])">
      <xsl:apply-templates select=".[f:noted-choice(.)]" mode="m:noteref"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:choice" mode="m:noteref">
    <a class="correction-ref" epub:type="noteref" role="doc-noteref" href="#{f:correction-id(.)}"
       aria-label="Editor’s note">&#x2020;</a>
  </xsl:template>

  <!-- The notes of one content document: its names in order of first mention, then its
       corrections. -->
  <xsl:template name="t:popup-notes">
    <xsl:param name="part" as="map(*)"/>
    <xsl:variable name="here" select="$part?source//(tei:persName | tei:placeName | tei:orgName | tei:choice)
        [f:file-of(.) = $part?file]"/>
    <xsl:variable name="mentions" select="$here[@ref][not(self::tei:choice)]"/>
    <xsl:for-each-group select="$mentions" group-by="@ref">
      <xsl:apply-templates select="f:entity(.)" mode="m:popup"/>
    </xsl:for-each-group>
    <xsl:apply-templates select="$here/self::tei:choice[f:noted-choice(.)]" mode="m:popup"/>
  </xsl:template>

  <xsl:template match="tei:person | tei:place | tei:org" mode="m:popup">
    <aside class="popup name-note" epub:type="footnote" role="doc-footnote" id="{f:name-note-id(.)}">
      <p>
        <xsl:value-of select="tei:note[normalize-space()] ! (normalize-space(f:reading(.)) || ' ')"/>
        <a href="index.xhtml#index-{@xml:id}">
          <xsl:value-of select="f:typography(f:entity-label(.)) || ' in the index of names'"/>
        </a>
      </p>
    </aside>
  </xsl:template>

  <xsl:template match="tei:choice" mode="m:popup">
    <aside class="popup correction-note" epub:type="footnote" role="doc-footnote" id="{f:correction-id(.)}">
      <p>
        <xsl:value-of select="f:correction-note(.) || ' '"/>
        <a href="about.xhtml#{f:correction-id(.)}">All corrections</a>
      </p>
    </aside>
  </xsl:template>
</xsl:stylesheet>
