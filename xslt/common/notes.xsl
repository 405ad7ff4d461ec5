<?xml version="1.0" encoding="UTF-8"?>
<!-- What convert makes of a real plain text: notes at their markers, line ends, block quotations,
     figures, datelines. Screen rendering; EPUB and print override by import precedence. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:m="urn:edition:modes"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The marker in the text: a link to the note's text, which links back. -->
  <xsl:template match="tei:note[@place]">
    <sup class="noteref"><a id="{@xml:id}-ref" href="#{@xml:id}" role="doc-noteref"><xsl:value-of select="@n"/></a></sup>
  </xsl:template>

  <!-- A second marker of the same note; it may stand in another division (another page). -->
  <xsl:template match="tei:ptr[@type = 'note']">
    <sup class="noteref"><a href="{f:second-marker-href(.)}" role="doc-noteref"><xsl:value-of select="@n"/></a></sup>
  </xsl:template>

  <!-- Where a second marker links: the note's id alone when both stand in the same division
       (the same page or file: a reader shows the note as a pop-up), else the page that holds it.
       The nearest division: a part's chapters are pages and files of their own, apart from the
       part's opening text. -->
  <xsl:function name="f:second-marker-href" as="xs:string">
    <xsl:param name="ptr" as="element(tei:ptr)"/>
    <xsl:variable name="id" select="substring($ptr/@target, 2)"/>
    <xsl:sequence select="if ($ptr/ancestor::tei:div[1] is id($id, root($ptr))/ancestor::tei:div[1])
        then '#' || $id else f:location-href($id)"/>
  </xsl:function>

  <!-- Where a note's text stood in the source: the note is rendered at its marker. -->
  <xsl:template match="tei:anchor[@type = 'note']"/>

  <!-- A note text without a marker stays where it stood (with its number, if it has one). -->
  <xsl:template match="tei:div/tei:note | tei:quote/tei:note">
    <p class="note">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:value-of select="@n ! (. || ' ')"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- The notes of a division, after its text (called by the division templates). -->
  <xsl:template name="t:division-notes">
    <xsl:variable name="notes" select="descendant::tei:note[@place][ancestor::tei:div[1] is current()]" as="element(tei:note)*"/>
    <xsl:if test="exists($notes)">
      <aside class="notes" aria-label="Notes">
        <xsl:apply-templates select="$notes" mode="m:note-text"/>
      </aside>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note" mode="m:note-text">
    <p class="note" id="{@xml:id}">
      <a class="backlink" href="#{@xml:id}-ref" role="doc-backlink"><xsl:value-of select="@n"/></a>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- A line the source breaks and the edition keeps (an address, a heading on two lines). -->
  <xsl:template match="tei:lb">
    <br/>
  </xsl:template>

  <!-- A word the source broke at the line end: joined. -->
  <xsl:template match="tei:lb[@break = 'no']"/>

  <!-- A document quoted whole, paragraph by paragraph. -->
  <xsl:template match="tei:div/tei:quote">
    <blockquote class="block-quote">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </blockquote>
  </xsl:template>

  <!-- Lines of verse, each on a line of its own. -->
  <xsl:template match="tei:lg">
    <div class="lg">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:l">
    <div class="l">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- A figure the transcription only describes ("[Illustration: …]"). -->
  <xsl:template match="tei:figure">
    <figure class="figure">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </figure>
  </xsl:template>

  <xsl:template match="tei:figDesc">
    <figcaption>
      <xsl:text>[</xsl:text>
      <xsl:apply-templates/>
      <xsl:text>]</xsl:text>
    </figcaption>
  </xsl:template>

  <xsl:template match="tei:salute">
    <p class="salute">
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <xsl:template match="tei:dateline">
    <p class="dateline">
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- A section break of the source ("*", "* * *"). -->
  <xsl:template match="tei:milestone[@unit = 'section']">
    <hr class="section-break"/>
  </xsl:template>

  <!-- A page of the printed source begins: not shown (the edition has its own pages). -->
  <xsl:template match="tei:pb"/>

  <xsl:template match="tei:docDate">
    <p class="doc-date">
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- The title repeated before the text: the title page already has it. -->
  <xsl:template match="tei:body/tei:head[@type = 'repeated']"/>
</xsl:stylesheet>
