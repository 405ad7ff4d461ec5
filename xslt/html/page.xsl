<?xml version="1.0" encoding="UTF-8"?>
<!-- The shell every page shares: head with metadata, site header with navigation and search,
     the page's content, a footer with the licence. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:variable name="book-title" as="xs:string"
      select="normalize-space($tei/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])"/>

  <xsl:variable name="site-nav" as="map(xs:string, xs:string)*" select="(
      map{'href': 'index.html', 'label': 'Contents'},
      $registers ! map{'href': ?file, 'label': ?title},
      map{'href': 'about.html', 'label': 'About'})"/>

  <xsl:template name="t:page">
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <xsl:result-document href="{$file}" format="page">
      <html lang="{$interface-language}">
        <head>
          <meta charset="utf-8"/>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <title>
            <xsl:value-of select="f:typography(if ($title eq $book-title) then $title else $title || ' — ' || $book-title)"/>
          </title>
          <link rel="stylesheet" href="html.css"/>
          <xsl:call-template name="t:metadata">
            <xsl:with-param name="file" select="$file"/>
          </xsl:call-template>
          <xsl:call-template name="t:citation-data">
            <xsl:with-param name="file" select="$file"/>
            <xsl:with-param name="title" select="$title"/>
          </xsl:call-template>
          <xsl:for-each select="('edition.js', 'cite.js', $scripts)">
            <script src="{.}" defer="defer"></script>
          </xsl:for-each>
        </head>
        <body class="page-{$kind}">
          <a class="skip" href="#main">Skip to the text</a>
          <xsl:call-template name="t:site-header">
            <xsl:with-param name="file" select="$file"/>
          </xsl:call-template>
          <main id="main">
            <xsl:sequence select="$content"/>
          </main>
          <xsl:call-template name="t:site-footer"/>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

  <xsl:template name="t:site-header">
    <xsl:param name="file" as="xs:string"/>
    <header class="site">
      <a class="site-title" href="index.html">
        <xsl:value-of select="f:typography($book-title)"/>
      </a>
      <nav class="site-nav" aria-label="Edition">
        <ul>
          <xsl:for-each select="$site-nav">
            <li>
              <a href="{?href}">
                <xsl:if test="?href eq $file">
                  <xsl:attribute name="aria-current" select="'page'"/>
                </xsl:if>
                <xsl:value-of select="?label"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
      <form class="search-form" role="search" action="search.html" method="get">
        <label for="site-search" class="visually-hidden">Search the edition</label>
        <input type="search" id="site-search" name="q" placeholder="Search"/>
        <button type="submit">Search</button>
      </form>
    </header>
  </xsl:template>

  <xsl:template name="t:site-footer">
    <footer class="site">
      <p>
        <cite>
          <xsl:value-of select="f:typography($book-title)"/>
        </cite>
        <xsl:text>. </xsl:text>
        <xsl:value-of select="f:typography(normalize-space($tei//tei:editionStmt/tei:edition))"/>
        <xsl:text>. </xsl:text>
        <a href="about.html#about-licence">Licence</a>
        <xsl:text> · </xsl:text>
        <a href="about.html#about-cite">How to cite</a>
      </p>
    </footer>
  </xsl:template>
</xsl:stylesheet>
