<?xml version="1.0" encoding="UTF-8"?>
<!-- The pages of the edition. The text is one page per section: a reader on a phone loads one
     chapter at a time, each page has one h1, and every paragraph still has a stable permalink
     (sNN.html#sNN.pM) that the register, the search and the corrections list link to. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:m="urn:edition:modes"
    xmlns:t="urn:edition:templates"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- Every division of the body has a page, one inside another too (a book's chapters, an act's
       scenes: the book's page holds its head and what stands before its first chapter), and the
       back matter after them (an appendix). -->
  <xsl:variable name="sections" select="$tei/tei:TEI/tei:text/tei:body//tei:div, f:back-matter($tei/tei:TEI/tei:text)" as="element(tei:div)*"/>

  <!-- One page per kind of name the text has: an edition naming no organisation has no
       empty Organisations page, and its navigation does not offer one. -->
  <xsl:variable name="registers" as="map(xs:string, item()*)*" select="(
      map{'file': 'persons.html', 'title': 'Persons', 'entries': $tei//tei:standOff/tei:listPerson/tei:person},
      map{'file': 'places.html', 'title': 'Places', 'entries': $tei//tei:standOff/tei:listPlace/tei:place},
      map{'file': 'organisations.html', 'title': 'Organisations', 'entries': $tei//tei:standOff/tei:listOrg/tei:org}
      )[exists(?entries)]"/>

  <!-- The text rendered once: each section's page copies it from here, and the search index
       reads the text of every paragraph from it instead of rendering the text a second time. -->
  <xsl:variable name="rendered-text" as="document-node()">
    <xsl:document>
      <xsl:apply-templates select="$tei/tei:TEI/tei:text/tei:front/tei:div[@xml:id]"/>
      <xsl:for-each select="$sections">
        <xsl:apply-templates select=".">
          <xsl:with-param name="division-page" select="." tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </xsl:document>
  </xsl:variable>

  <xsl:key name="f:rendered" match="*[@id]" use="@id"/>

  <xsl:template match="/">
    <xsl:call-template name="t:title-page"/>
    <xsl:apply-templates select="$sections" mode="m:page"/>
    <xsl:for-each select="$registers">
      <xsl:call-template name="t:register-page">
        <xsl:with-param name="register" select="."/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="t:about-page"/>
    <xsl:call-template name="t:encoding-page"/>
    <xsl:call-template name="t:search-page"/>
    <xsl:call-template name="t:search-index"/>
  </xsl:template>

  <xsl:template name="t:title-page">
    <xsl:variable name="front" select="$tei/tei:TEI/tei:text/tei:front" as="element(tei:front)"/>
    <xsl:call-template name="t:page">
      <xsl:with-param name="file" select="'index.html'"/>
      <xsl:with-param name="title" select="$book-title"/>
      <xsl:with-param name="kind" select="'title'"/>
      <xsl:with-param name="content">
        <header class="title-block">
          <xsl:call-template name="t:text-language">
            <xsl:with-param name="node" select="$front"/>
          </xsl:call-template>
          <xsl:apply-templates select="$front/tei:docTitle, $front/tei:byline, $front/tei:docImprint"/>
        </header>
        <xsl:call-template name="t:contents"/>
        <xsl:call-template name="t:downloads"/>
        <xsl:call-template name="t:key"/>
        <xsl:apply-templates select="$front/tei:div"/>
        <xsl:call-template name="t:pager">
          <xsl:with-param name="index" select="0"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="t:contents">
    <nav class="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading">Contents</h2>
      <ol class="toc-text">
        <xsl:call-template name="t:text-language">
          <xsl:with-param name="node" select="$tei/tei:TEI/tei:text"/>
        </xsl:call-template>
        <xsl:for-each select="$tei/tei:TEI/tei:text/tei:front/tei:div">
          <li><a href="#{@xml:id}"><xsl:value-of select="f:div-label(.)"/></a></li>
        </xsl:for-each>
        <xsl:apply-templates select="$tei/tei:TEI/tei:text/tei:body/tei:div, f:back-matter($tei/tei:TEI/tei:text)" mode="m:contents"/>
      </ol>
      <ul class="toc-apparatus">
        <xsl:for-each select="$registers">
          <li><a href="{?file}"><xsl:value-of select="?title"/></a> (<xsl:value-of select="count(?entries)"/>)</li>
        </xsl:for-each>
        <li><a href="about.html">About this edition</a></li>
        <li><a href="encoding.html">Notes on the encoding</a></li>
        <li><a href="search.html">Search</a></li>
      </ul>
    </nav>
  </xsl:template>

  <!-- A division's line in the contents; the divisions inside it in a list under it. -->
  <xsl:template match="tei:div" mode="m:contents">
    <li>
      <a href="{f:section-file(.)}">
        <span class="section-number"><xsl:value-of select="@n"/></span>
        <xsl:text> </xsl:text>
        <xsl:value-of select="f:div-label(.)"/>
      </a>
      <xsl:if test="tei:div">
        <ol>
          <xsl:apply-templates select="tei:div" mode="m:contents"/>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:variable name="download-labels" as="map(xs:string, xs:string)" select="map{
      'epub': 'EPUB e-book', 'pdf': 'PDF for print', 'xml': 'TEI P5 master (XML)'}"/>

  <xsl:template name="t:downloads">
    <xsl:if test="array:size($downloads) gt 0">
      <section class="downloads" aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">Downloads</h2>
        <ul>
          <xsl:for-each select="array:flatten($downloads)">
            <li>
              <a href="{.}" download="">
                <xsl:value-of select="if (ends-with(., 'register.xml')) then 'Register of names (TEI XML)'
                    else $download-labels(tokenize(., '\.')[last()])"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:div" mode="m:page">
    <xsl:variable name="index" select="index-of($sections ! generate-id(), generate-id(.))"/>
    <xsl:call-template name="t:page">
      <xsl:with-param name="file" select="f:section-file(.)"/>
      <xsl:with-param name="title" select="f:div-label(.)"/>
      <xsl:with-param name="kind" select="'text'"/>
      <xsl:with-param name="content">
        <xsl:call-template name="t:pager">
          <xsl:with-param name="index" select="$index"/>
          <xsl:with-param name="place" select="'top'"/>
        </xsl:call-template>
        <xsl:call-template name="t:key"/>
        <xsl:sequence select="key('f:rendered', @xml:id, $rendered-text)"/>
        <xsl:call-template name="t:pager">
          <xsl:with-param name="index" select="$index"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Previous and next section, with "Section n of N" between; at the top and the foot of a
       page ($place), each its own landmark. $index 0 is the title page, before section 1. -->
  <xsl:template name="t:pager">
    <xsl:param name="index" as="xs:integer"/>
    <xsl:param name="place" as="xs:string" select="'bottom'"/>
    <nav class="pager pager-{$place}" aria-label="{if ($place eq 'top') then 'Sections' else 'Sections, end of page'}">
      <xsl:if test="$index ge 1">
        <a rel="prev" href="{if ($index eq 1) then 'index.html' else f:section-file($sections[$index - 1])}">
          <xsl:value-of select="'&#x2190; ' || (if ($index eq 1) then 'Contents and preface' else f:div-label($sections[$index - 1]))"/>
        </a>
        <span class="position">
          <xsl:value-of select="'Section ' || $index || ' of ' || count($sections)"/>
        </span>
      </xsl:if>
      <xsl:if test="$index lt count($sections)">
        <a rel="next" href="{f:section-file($sections[$index + 1])}">
          <xsl:value-of select="f:div-label($sections[$index + 1]) || ' &#x2192;'"/>
        </a>
      </xsl:if>
    </nav>
  </xsl:template>

  <!-- How names and corrections are marked, and a switch to hide the marks. -->
  <xsl:template name="t:key">
    <details class="key">
      <summary>Key to the marks in the text</summary>
      <ul>
        <li><span class="sample name person">Person</span>, <span class="sample name place">place</span>,
          <span class="sample name organisation">organisation</span>: a description on hover, focus or tap; the link leads to the register</li>
        <li><span class="sample corr">corrected</span>: a correction or normalisation; the link leads to the list of corrections</li>
      </ul>
      <label><input type="checkbox" id="marks-switch"/> Hide the marks</label>
    </details>
  </xsl:template>

  <xsl:template name="t:register-page">
    <xsl:param name="register" as="map(xs:string, item()*)"/>
    <xsl:call-template name="t:page">
      <xsl:with-param name="file" select="$register?file"/>
      <xsl:with-param name="title" select="$register?title"/>
      <xsl:with-param name="kind" select="'register'"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$register?title"/></h1>
        <p class="register-intro">
          <xsl:value-of select="count($register?entries)"/>
          <xsl:text> entries, each with every place the text names it. Names in the text link here.</xsl:text>
        </p>
        <xsl:call-template name="t:alphabet">
          <xsl:with-param name="entities" select="$register?entries"/>
        </xsl:call-template>
        <xsl:call-template name="t:places-map">
          <xsl:with-param name="places" select="$register?entries[self::tei:place]"/>
        </xsl:call-template>
        <xsl:call-template name="t:register-entries">
          <xsl:with-param name="entities" select="$register?entries"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="t:about-page">
    <xsl:call-template name="t:page">
      <xsl:with-param name="file" select="'about.html'"/>
      <xsl:with-param name="title" select="'About this edition'"/>
      <xsl:with-param name="kind" select="'about'"/>
      <xsl:with-param name="content">
        <h1>About this edition</h1>
        <xsl:apply-templates select="$header" mode="m:about"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The technical notes: source file, editorial rules, revisions (linked from About). -->
  <xsl:template name="t:encoding-page">
    <xsl:call-template name="t:page">
      <xsl:with-param name="file" select="'encoding.html'"/>
      <xsl:with-param name="title" select="'Notes on the encoding'"/>
      <xsl:with-param name="kind" select="'about'"/>
      <xsl:with-param name="content">
        <h1>Notes on the encoding</h1>
        <p>How the TEI master of this edition records the text: for readers who use the XML, and for checking the editors’ work.
          <a href="about.html">About this edition</a> says the same for readers.</p>
        <xsl:call-template name="t:encoding-notes"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
