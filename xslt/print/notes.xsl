<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes in print: footnotes (WeasyPrint's float: footnote sets the call and the text at the
     foot of the page), or endnotes after each division when edition.toml says [notes] place = "end". -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:m="urn:edition:modes"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- Footnote marks restart on every division that opens a page (print.css): a top-level
       division, or one after another (a page break between them prints nothing). They are
       * † ‡ § unless such a run of marks has more than four notes; then the whole book's are
       figures (the class on the matter's blocks, which chunked typesetting keeps). -->
  <xsl:function name="f:marks-run" as="element()">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="($note/ancestor::tei:div[not(parent::tei:div) or preceding-sibling::*[not(self::tei:pb)][1][self::tei:div]][1],
                           $note/ancestor::tei:text[1])[1]"/>
  </xsl:function>

  <xsl:variable name="note-marks-class" as="xs:string">
    <xsl:variable name="runs" as="xs:integer*">
      <!-- What becomes a footnote: notes at the foot, editorial notes, corrections (text.xsl). -->
      <xsl:for-each-group select="/tei:TEI/tei:text//(tei:note[@place = 'foot'] | tei:note[@type = 'editorial'] | tei:choice[tei:corr])"
          group-by="generate-id(f:marks-run(.))">
        <xsl:sequence select="count(current-group())"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="if (max((0, $runs)) gt 4) then ' note-figures' else ''"/>
  </xsl:variable>

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
