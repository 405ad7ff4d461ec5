<?xml version="1.0" encoding="UTF-8"?>
<!-- The running text in print: divisions open pages and set running heads; corrections
     and editorial notes become footnotes; acronyms are set in small capitals. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:text">
    <xsl:apply-templates select="tei:front, tei:body"/>
  </xsl:template>

  <!-- The title is on the title page; the rest of the front is front matter, if any
       (an empty front-matter division would still open a page of its own). -->
  <xsl:template match="tei:front[empty(* except tei:docTitle)]"/>

  <xsl:template match="tei:front">
    <div class="front-matter">
      <xsl:apply-templates select="* except tei:docTitle"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:body">
    <div class="body-matter" id="body-matter">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div">
    <section class="div {@type}">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:if test="empty(tei:head)">
        <h2 xsl:use-attribute-sets="t:running-heads">
          <xsl:value-of select="f:untitled-label(.)"/>
        </h2>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:call-template name="t:division-notes"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:div/tei:head">
    <h2 xsl:use-attribute-sets="t:running-heads">
      <xsl:apply-templates/>
    </h2>
  </xsl:template>

  <!-- What the running heads print from this heading's page on (string-set in print.css):
       on the heading, not the section, whose every page would count as an assignment. -->
  <xsl:attribute-set name="t:running-heads">
    <xsl:attribute name="data-recto" select="string-join(f:plain-head(ancestor-or-self::tei:div[1]))"/>
    <xsl:attribute name="data-verso" select="$book-title"/>
  </xsl:attribute-set>

  <!-- The corrected reading in the text, the source's reading in a footnote. -->
  <xsl:template match="tei:choice[tei:corr]">
    <span class="corr">
      <xsl:apply-templates select="tei:corr"/>
    </span>
    <span class="footnote">
      <xsl:text>The original has &#x2018;</xsl:text>
      <span class="sic">
        <xsl:value-of select="tei:sic"/>
      </span>
      <xsl:text>&#x2019;, a misprint corrected here.</xsl:text>
    </span>
  </xsl:template>

  <!-- An ellipsis between words is spaced ("resources … Building"): a no-break space
       before it, so that no line begins with it, and a space after it, where a line may
       break. Beside a quotation mark or punctuation it stays closed up. -->
  <xsl:template match="tei:pc[@type = 'ellipsis']">
    <xsl:if test="matches(string(preceding-sibling::node()[1]), '[\p{L}\p{N}]$')">
      <xsl:text>&#xA0;</xsl:text>
    </xsl:if>
    <xsl:next-match/>
    <xsl:if test="matches(string(following-sibling::node()[1]), '^[\p{L}\p{N}]')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:choice[tei:reg]">
    <xsl:apply-templates select="tei:reg"/>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'editorial']">
    <span class="footnote editorial">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- Acronyms (USSR, CPSU) in small capitals; Roman numerals stay capitals, and so does
       a title or heading set all in capitals, where every word would look like an acronym. -->
  <xsl:template match="tei:text//text()">
    <xsl:variable name="block" select="ancestor::*[self::tei:p or self::tei:l or self::tei:head or self::tei:docTitle or self::tei:item][1]" as="element()?"/>
    <xsl:variable name="typeset" as="xs:string">
      <xsl:next-match/>
    </xsl:variable>
    <xsl:analyze-string select="$typeset" regex="\p{{L}}+">
      <xsl:matching-substring>
        <xsl:choose>
          <xsl:when test="matches(., '^\p{Lu}{2,}$') and not(matches(., '^[IVXLCDM]+$')) and f:has-lower-case($block)">
            <abbr class="acronym">
              <xsl:value-of select="."/>
            </abbr>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="."/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:matching-substring>
      <xsl:non-matching-substring>
        <xsl:value-of select="."/>
      </xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <xsl:function name="f:has-lower-case" as="xs:boolean">
    <xsl:param name="block" as="element()?"/>
    <xsl:sequence select="empty($block) or matches(string($block), '\p{Ll}')"/>
  </xsl:function>
</xsl:stylesheet>
