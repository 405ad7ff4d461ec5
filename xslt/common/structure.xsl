<?xml version="1.0" encoding="UTF-8"?>
<!-- Block structure: divisions, heads, paragraphs, lists, the closer. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="@xml:id">
    <xsl:attribute name="id" select="."/>
  </xsl:template>

  <!-- The words the writers add (navigation, notes, About, the register) are English; the text
       keeps its own language, marked on the elements that hold it, so that a French text is
       read with French voices and hyphenation and the edition's own words with English ones. -->
  <xsl:variable name="interface-language" as="xs:string" select="'en'"/>

  <xsl:template name="t:text-language">
    <xsl:param name="node" as="node()" select="."/>
    <xsl:variable name="lang" select="string($node/ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:if test="$lang and $lang ne $interface-language">
      <xsl:attribute name="lang" select="$lang"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:div">
    <section class="div {@type}">
      <xsl:call-template name="t:text-language"/>
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
      <xsl:call-template name="t:division-notes"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:div/tei:head">
    <h2>
      <xsl:apply-templates/>
    </h2>
  </xsl:template>

  <!-- A chapter's argument: the summary of its topics printed under its head. -->
  <xsl:template match="tei:argument">
    <div class="argument">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:p">
    <p>
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- A list inside a paragraph is rendered as a span block: HTML forbids ul inside p. -->
  <xsl:template match="tei:list">
    <span class="list" role="list">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:item">
    <span class="item" role="listitem">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- A link of the source (a Markdown page's [words](address)): its words, a link where the
       address is on the web; an address into the site's own pages ("#na", "../index.htm") has
       no page here.  Nor is it a link around a name's or a note marker's link (a link may not
       hold another), nor inside a name's link. -->
  <xsl:template match="tei:ref">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:ref[matches(@target, '^https?://')][not(.//tei:*[@ref] | .//tei:note[@place] | .//tei:ptr
      | ancestor::tei:*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName])]">
    <a class="ref" href="{@target}">
      <xsl:apply-templates/>
    </a>
  </xsl:template>

  <xsl:template match="tei:byline">
    <p class="byline">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- The source's imprint under the title: a transcription's source statement ("Written: …",
       "Source: …") or the printed source's publisher, place and year. -->
  <xsl:template match="tei:docImprint">
    <p class="source-statement">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <xsl:template match="tei:docTitle">
    <h1 class="doc-title">
      <xsl:apply-templates/>
    </h1>
  </xsl:template>

  <xsl:template match="tei:titlePart">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- The series a title belongs to ("Works of Frederick Engels 1877"), set above it. -->
  <xsl:template match="tei:titlePart[@type = 'series']">
    <span class="series"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- The dateline, author and salutation a paper or a letter opens with. -->
  <xsl:template match="tei:opener">
    <div class="opener">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:closer">
    <div class="closer">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- "THE END." closing the text. -->
  <xsl:template match="tei:trailer">
    <p class="trailer">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <xsl:template match="tei:signed">
    <p class="signed">
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <xsl:template match="tei:note">
    <span class="note">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>
</xsl:stylesheet>
