<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes in print: footnotes (WeasyPrint's float: footnote sets the call and the text at the
     foot of the page), or endnotes after each division when edition.toml says [notes] place = "end". -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:t="urn:edition:templates"
    xmlns:m="urn:edition:modes"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:note[@place = 'foot']">
    <span class="footnote" id="{@xml:id}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template name="t:division-notes">
    <xsl:variable name="notes" select="descendant::tei:note[@place = 'end'][ancestor::tei:div[1] is current()]"/>
    <xsl:if test="exists($notes)">
      <aside class="notes">
        <xsl:apply-templates select="$notes" mode="m:note-text"/>
      </aside>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
