<?xml version="1.0" encoding="UTF-8"?>
<!-- The navigation document: table of contents, landmarks and, when the print edition's
     pages are known, the page-list. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:m="urn:edition:modes"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template name="t:nav">
    <xsl:result-document href="nav.xhtml" format="xhtml">
      <xsl:call-template name="t:page">
        <xsl:with-param name="title" select="f:label('contents')"/>
        <xsl:with-param name="body-type" select="'frontmatter'"/>
        <xsl:with-param name="content">
          <xsl:call-template name="t:toc"/>
          <xsl:call-template name="t:landmarks"/>
          <xsl:if test="f:has-page-list()">
            <xsl:call-template name="t:page-list"/>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <xsl:template name="t:toc">
    <nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-head">
      <h1 id="toc-head"><xsl:call-template name="t:labels-language"/><xsl:value-of select="f:label('contents')"/></h1>
      <ol>
        <xsl:for-each select="$f:parts[not(?kind = ('cover', 'toc'))][not(?source/parent::tei:div)]">
          <li>
            <a href="{?file}">
              <xsl:for-each select="?source[self::tei:div]">
                <xsl:call-template name="t:text-language"/>
              </xsl:for-each>
              <xsl:if test="?kind = ('titlepage', 'index')">
                <xsl:call-template name="t:labels-language"/>
              </xsl:if>
              <xsl:value-of select="?label"/>
            </a>
            <xsl:apply-templates select="?source[self::tei:div][tei:div]" mode="m:nav-divisions"/>
          </li>
        </xsl:for-each>
      </ol>
    </nav>
  </xsl:template>

  <!-- The divisions inside a division (a book's chapters, an act's scenes): a list under its entry. -->
  <xsl:template match="tei:div" mode="m:nav-divisions">
    <ol>
      <xsl:for-each select="tei:div">
        <li>
          <a href="{f:file-of(.)}">
            <xsl:call-template name="t:text-language"/>
            <xsl:value-of select="f:div-label(.)"/>
          </a>
          <xsl:apply-templates select=".[tei:div]" mode="m:nav-divisions"/>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <xsl:template name="t:landmarks">
    <xsl:variable name="first-chapter" select="$f:parts[?kind = ('chapter', 'part')][1]"/>
    <nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-head" hidden="hidden">
      <xsl:call-template name="t:labels-language"/>
      <h2 id="landmarks-head"><xsl:value-of select="f:label('landmarks')"/></h2>
      <ol>
        <li><a epub:type="cover" href="cover.xhtml"><xsl:value-of select="f:label('cover')"/></a></li>
        <li><a epub:type="titlepage" href="title.xhtml"><xsl:value-of select="f:label('title-page')"/></a></li>
        <li><a epub:type="toc" href="nav.xhtml#toc"><xsl:value-of select="f:label('contents')"/></a></li>
        <li><a epub:type="bodymatter" href="{$first-chapter?file}"><xsl:value-of select="f:label('start')"/></a></li>
        <li><a epub:type="index" href="index.xhtml"><xsl:value-of select="f:label('index')"/></a></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- One entry per print page that has a marker, in page order. -->
  <xsl:template name="t:page-list">
    <nav epub:type="page-list" role="doc-pagelist" id="page-list" aria-labelledby="page-list-head" hidden="hidden">
      <h2 id="page-list-head"><xsl:call-template name="t:labels-language"/><xsl:value-of select="f:label('print-pages')"/></h2>
      <ol>
        <xsl:for-each select="map:keys($f:pagebreaks)">
          <xsl:sort select="$f:pagebreaks(.)"/>
          <xsl:variable name="page" select="$f:pagebreaks(.)"/>
          <li><a href="{f:file-of(id(., $f:tei))}#page-{$page}"><xsl:value-of select="f:page-label($page)"/></a></li>
        </xsl:for-each>
      </ol>
    </nav>
  </xsl:template>
</xsl:stylesheet>
