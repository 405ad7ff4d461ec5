<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes in EPUB 3: the marker is a noteref, the text an aside footnote in the same document,
     which reading systems show as a pop-up. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:m="urn:edition:modes"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- A print page that starts in the note starts, in the EPUB, at its marker. -->
  <xsl:template match="tei:note[@place]">
    <xsl:call-template name="t:pagebreak">
      <xsl:with-param name="id" select="string(@xml:id)"/>
    </xsl:call-template>
    <sup class="noteref"><a epub:type="noteref" role="doc-noteref" id="{@xml:id}-ref" href="#{@xml:id}"><xsl:value-of select="@n"/></a></sup>
  </xsl:template>

  <!-- A second marker of the same note; it may stand in another division (another document). -->
  <xsl:template match="tei:ptr[@type = 'note']">
    <sup class="noteref"><a epub:type="noteref" role="doc-noteref" href="{f:second-marker-href(.)}"><xsl:value-of select="@n"/></a></sup>
  </xsl:template>

  <xsl:template name="t:division-notes">
    <xsl:apply-templates select="descendant::tei:note[@place][ancestor::tei:div[1] is current()]" mode="m:note-text"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="m:note-text">
    <aside epub:type="footnote" role="doc-footnote" id="{@xml:id}">
      <p>
        <a class="backlink" href="#{@xml:id}-ref" role="doc-backlink"><xsl:value-of select="@n"/></a>
        <xsl:text> </xsl:text>
        <xsl:apply-templates/>
      </p>
    </aside>
  </xsl:template>
</xsl:stylesheet>
