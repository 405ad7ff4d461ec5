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

  <!-- The title is on the title page, the byline and the imprint on the half-title's verso
       (front.xsl); the rest of the front is front matter, if any (an empty front-matter
       division would still open a page of its own). -->
  <xsl:template match="tei:front[empty(* except (tei:docTitle, tei:byline, tei:docImprint))]"/>

  <xsl:template match="tei:front">
    <div class="front-matter{$note-marks-class}">
      <xsl:apply-templates select="* except (tei:docTitle, tei:byline, tei:docImprint)"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:body">
    <div class="body-matter{$note-marks-class}" id="body-matter">
      <xsl:apply-templates select="node() except tei:div[position() gt $divisions]"/>
      <xsl:apply-templates select="f:back-matter(..)[empty($divisions)]"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div">
    <section class="div {@type}">
      <xsl:apply-templates select="@xml:id"/>
      <xsl:if test="empty(tei:head)">
        <xsl:element name="{if (parent::tei:div) then 'h3' else 'h2'}" use-attribute-sets="t:running-heads">
          <xsl:value-of select="f:untitled-label(.)"/>
        </xsl:element>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:call-template name="t:division-notes"/>
    </section>
  </xsl:template>

  <!-- A division's head; one inside another (a book's chapter, an act's scene) is a level lower,
       in the PDF's outline too (print.css). -->
  <xsl:template match="tei:div/tei:head">
    <xsl:element name="{if (../parent::tei:div) then 'h3' else 'h2'}" use-attribute-sets="t:running-heads">
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- What the running heads print from this heading's page on (string-set in print.css):
       on the heading, not the section, whose every page would count as an assignment. The
       verso names the book, or the book or act a chapter or scene is in. -->
  <xsl:attribute-set name="t:running-heads">
    <xsl:attribute name="data-recto" select="f:running-head(string-join(f:plain-head(ancestor-or-self::tei:div[1])))"/>
    <xsl:attribute name="data-verso" select="f:running-head(if (ancestor-or-self::tei:div[2]) then string-join(f:plain-head(ancestor-or-self::tei:div[2]))
        else $book-title)"/>
  </xsl:attribute-set>

  <!-- A running head is one line: a head longer than 60 characters is cut after its last
       whole word within them, with an ellipsis ("FEDERALIST No. 26. The Idea of Restraining
       the Legislative…"), as a printer shortens it. -->
  <xsl:function name="f:running-head" as="xs:string">
    <xsl:param name="head" as="xs:string"/>
    <xsl:variable name="words" select="normalize-space($head)"/>
    <xsl:sequence select="if (string-length($words) le 60) then $words
        else replace(substring($words, 1, 61), '[\s,;:.&#x2013;&#x2014;-]+\S*$', '') || '&#x2026;'"/>
  </xsl:function>

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

  <!-- A long quotation (BLOCK_QUOTE_WORDS words or more, of a paragraph's own text) is set
       off as a block quotation, without quotation marks: the paragraph is cut around it, and
       the part after it continues the paragraph (no indent). -->
  <xsl:variable name="block-quote-words" as="xs:integer" select="50"/>

  <xsl:function name="f:is-block-quote" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node instance of element(tei:quote) and $node/parent::tei:p
        and count(tokenize(normalize-space($node))) ge $block-quote-words"/>
  </xsl:function>

  <xsl:template match="tei:p[node()[f:is-block-quote(.)]]">
    <xsl:for-each-group select="node()" group-adjacent="f:is-block-quote(.)">
      <xsl:choose>
        <xsl:when test="current-grouping-key()">
          <blockquote class="block-quote">
            <xsl:apply-templates select="current-group()/@xml:id"/>
            <xsl:if test="position() eq 1">
              <span>
                <xsl:apply-templates select="../@xml:id"/>
              </span>
            </xsl:if>
            <xsl:apply-templates select="current-group()/node()"/>
          </blockquote>
        </xsl:when>
        <xsl:when test="normalize-space(string-join(current-group())) or current-group()/self::*">
          <p>
            <xsl:if test="position() gt 1">
              <xsl:attribute name="class" select="'continued'"/>
            </xsl:if>
            <xsl:apply-templates select="if (position() eq 1) then ../@xml:id else ()"/>
            <xsl:apply-templates select="current-group()"/>
          </p>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each-group>
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
  <!-- In a footnote, the source's line ends are spaces: WeasyPrint breaks a footnote's lines there. -->
  <xsl:template match="tei:text//text()">
    <xsl:variable name="block" select="ancestor::*[self::tei:p or self::tei:l or self::tei:head or self::tei:docTitle or self::tei:item][1]" as="element()?"/>
    <xsl:variable name="typeset" as="xs:string">
      <xsl:next-match/>
    </xsl:variable>
    <xsl:sequence select="f:small-caps(if (ancestor::tei:note) then replace($typeset, '\s*\n\s*', ' ') else $typeset, f:has-lower-case($block))"/>
  </xsl:template>

  <!-- ``text`` with its acronyms in small capitals (when ``acronyms-possible``): also the
       index of names' headings (index.xsl). -->
  <xsl:function name="f:small-caps" as="node()*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="acronyms-possible" as="xs:boolean"/>
    <xsl:analyze-string select="$text" regex="\p{{L}}+">
      <xsl:matching-substring>
        <xsl:choose>
          <xsl:when test="$acronyms-possible and matches(., '^\p{Lu}{2,}$') and not(matches(., '^[IVXLCDM]+$'))">
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
  </xsl:function>

  <xsl:function name="f:has-lower-case" as="xs:boolean">
    <xsl:param name="block" as="element()?"/>
    <xsl:sequence select="empty($block) or matches(string($block), '\p{Ll}')"/>
  </xsl:function>
</xsl:stylesheet>
