<?xml version="1.0" encoding="UTF-8"?>
<!-- The running text in EPUB: each division is its own document (so its head is the h1),
     with EPUB structural semantics and DPUB-ARIA roles; links point across documents. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:variable name="f:tei" select="/" as="document-node()"/>

  <!-- Every rendered xml:id may also be where a print page starts. -->
  <xsl:template match="@xml:id">
    <xsl:attribute name="id" select="."/>
    <xsl:call-template name="t:pagebreak">
      <xsl:with-param name="id" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:function name="f:location-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="f:file-of(id($id, $f:tei)) || '#' || $id"/>
  </xsl:function>

  <xsl:template match="tei:front/tei:div | tei:body//tei:div | tei:back/tei:div">
    <xsl:variable name="kind" select="f:division-kind(.)"/>
    <section class="div {@type}" epub:type="{$kind}" role="doc-{$kind}" aria-labelledby="{@xml:id}-head">
      <xsl:call-template name="t:text-language"/>
      <xsl:apply-templates select="@xml:id"/>
      <xsl:if test="not(tei:head)">
        <h1 id="{@xml:id}-head">
          <xsl:value-of select="f:div-label(.)"/>
        </h1>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:call-template name="t:division-notes"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:div/tei:head">
    <h1 id="{../@xml:id}-head">
      <xsl:if test="../@n">
        <span class="number"><xsl:value-of select="../@n"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </h1>
  </xsl:template>

  <!-- The title page: the work's title and its statement of responsibility. -->
  <xsl:template match="tei:front">
    <section class="titlepage" epub:type="titlepage" aria-labelledby="title">
      <xsl:call-template name="t:text-language"/>
      <xsl:apply-templates select="tei:docTitle, tei:byline, tei:docImprint"/>
      <xsl:call-template name="t:imprint"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:docTitle">
    <h1 class="doc-title" id="title" epub:type="fulltitle">
      <xsl:apply-templates/>
    </h1>
  </xsl:template>

  <xsl:template name="t:imprint">
    <xsl:variable name="file" select="/tei:TEI/tei:teiHeader/tei:fileDesc" as="element(tei:fileDesc)"/>
    <p class="imprint">
      <xsl:value-of select="normalize-space($file/tei:editionStmt/tei:edition)"/>
      <br/>
      <xsl:value-of select="string-join(($file/tei:publicationStmt/tei:publisher, $file/tei:publicationStmt/tei:date)
          ! normalize-space(), ', ')"/>
    </p>
  </xsl:template>
</xsl:stylesheet>
