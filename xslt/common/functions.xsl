<?xml version="1.0" encoding="UTF-8"?>
<!-- Functions every writer shares: register lookups, links, quote marks. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    exclude-result-prefixes="#all">

  <xsl:key name="f:entity" match="tei:person | tei:place | tei:org" use="@xml:id"/>

  <xsl:key name="f:mentions" match="tei:text//*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName]"
           use="substring-after(@ref, '#')"/>

  <!-- Every mention of a register entry in the text, in document order. -->
  <xsl:function name="f:mentions" as="element()*">
    <xsl:param name="entity" as="element()"/>
    <xsl:sequence select="key('f:mentions', $entity/@xml:id, root($entity))"/>
  </xsl:function>

  <!-- The register entry a @ref="#id" points to. -->
  <xsl:function name="f:entity" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="key('f:entity', substring-after($name/@ref, '#'), root($name))"/>
  </xsl:function>

  <!-- Where a link to a register entry goes; each format overrides this. -->
  <xsl:function name="f:entity-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'#' || $id"/>
  </xsl:function>

  <!-- The display name of a register entry: its main name, forename first. -->
  <xsl:function name="f:entity-label" as="xs:string">
    <xsl:param name="entity" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($entity/*[@type = 'main'][1]//text(), ''))"/>
  </xsl:function>

  <!-- The sort/index form: "Trotsky, Leon" for a forename written before the surname, "Marsh,
       General" for a person the text names only by a title and a surname;
       names the register writes surname first (Mao Zedong, Chiang Kai-shek) stay as written. -->
  <xsl:function name="f:entity-sort-label" as="xs:string">
    <xsl:param name="entity" as="element()"/>
    <xsl:variable name="main" select="$entity/*[@type = 'main'][1]"/>
    <xsl:variable name="before" select="$main/(tei:forename | tei:roleName)[. &lt;&lt; $main/tei:surname[1]]"/>
    <xsl:sequence select="if ($before)
        then normalize-space($main/tei:surname) || ', ' || normalize-space(string-join($before, ' '))
        else f:entity-label($entity)"/>
  </xsl:function>

  <!-- The kind of entry, used for CSS classes and register pages. -->
  <xsl:function name="f:entity-kind" as="xs:string">
    <xsl:param name="entity" as="element()"/>
    <xsl:sequence select="map{'person': 'person', 'place': 'place', 'org': 'organisation'}(local-name($entity))"/>
  </xsl:function>

  <!-- Quotation depth decides double (outer) or single (inner) marks. -->
  <xsl:function name="f:quote-depth" as="xs:integer">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="count($node/ancestor::*[self::tei:quote or self::tei:soCalled or self::tei:q])"/>
  </xsl:function>

  <!-- Quotation marks by the language of the text: outer pair, then inner pair.  French
       sets its guillemets off with no-break spaces.  Other languages get the English marks. -->
  <xsl:variable name="quote-marks" as="map(xs:string, xs:string+)" select="map{
      'en': ('&#x201C;', '&#x201D;', '&#x2018;', '&#x2019;'),
      'fr': ('&#xAB;&#xA0;', '&#xA0;&#xBB;', '&#x201C;', '&#x201D;'),
      'de': ('&#x201E;', '&#x201C;', '&#x201A;', '&#x2018;'),
      'it': ('&#xAB;', '&#xBB;', '&#x201C;', '&#x201D;'),
      'es': ('&#xAB;', '&#xBB;', '&#x201C;', '&#x201D;'),
      'ru': ('&#xAB;', '&#xBB;', '&#x201E;', '&#x201C;')}"/>

  <xsl:function name="f:quote-mark" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="end" as="xs:integer"/><!-- 1 opening, 2 closing -->
    <xsl:variable name="language" select="tokenize(lower-case(($node/ancestor-or-self::*/@xml:lang)[last()]), '-')[1]"/>
    <xsl:variable name="marks" select="($quote-marks(($language[map:contains($quote-marks, .)], 'en')[1]))"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:sequence select="$marks[f:quote-depth($node) mod 2 * 2 + $end]"/>
  </xsl:function>

  <xsl:function name="f:open-quote" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="f:quote-mark($node, 1)"/>
  </xsl:function>

  <xsl:function name="f:close-quote" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="f:quote-mark($node, 2)"/>
  </xsl:function>

  <!-- The source the edition transcribes, as one line: the original's description
       when the bibl carries one (its parts would run together), else the citation. -->
  <xsl:function name="f:source-line" as="xs:string?">
    <xsl:param name="header" as="element(tei:teiHeader)"/>
    <xsl:variable name="bibls" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl" as="element(tei:bibl)*"/>
    <xsl:variable name="bibl" select="($bibls[@type = 'original'], $bibls)[1]" as="element(tei:bibl)?"/>
    <xsl:sequence select="($bibl/tei:note, $bibl)[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- "preface" → "Preface": a division type or element name as a label. -->
  <xsl:function name="f:capitalised" as="xs:string">
    <xsl:param name="word" as="xs:string?"/>
    <xsl:sequence select="upper-case(substring($word, 1, 1)) || substring($word, 2)"/>
  </xsl:function>

  <!-- The label of a division without a head: its type ("Transcriber note" for "transcriber-note"), numbered when the text has several
       of that type ("Section 3"), so contents, running heads and page titles are never empty. -->
  <xsl:function name="f:untitled-label" as="xs:string">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:variable name="several" select="count($div/../tei:div[@type = $div/@type]) gt 1" as="xs:boolean"/>
    <xsl:sequence select="string-join((f:capitalised(translate($div/@type, '-', ' ')), $div/@n[$several]), ' ')"/>
  </xsl:function>

  <!-- The reading text of a node: corrected readings only, typeset as the running text is. -->
  <xsl:function name="f:reading" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="f:typography(f:reading-characters($nodes))"/>
  </xsl:function>

  <!-- The same, with the master's characters (for a caller that typesets only part of it). -->
  <xsl:function name="f:reading-characters" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="string-join($nodes/descendant-or-self::text()[not(ancestor::tei:sic or ancestor::tei:orig)], '')"/>
  </xsl:function>

  <!-- Typography of the running text: the TEI keeps the source's characters (straight
       apostrophes; a spaced hyphen or double hyphen as a dash, a line end counting as a space,
       also before punctuation (the double hyphen that closes Kafka's aside "Samsa war Reisender"
       before a comma is the same dash as the one that opens it); two or three hyphens anywhere
       else, next to a word, a quote mark or punctuation, as an em dash; a hyphen between
       figures as the en dash of a range: 1938–40, 30–50%); every format renders them the
       same way. -->
  <xsl:function name="f:typography" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <!-- Called for every text node, twice for the search index: translate() and a hyphen
         test spare most strings the regular expressions, which are slow in Saxon-HE. -->
    <xsl:variable name="curly" select="translate($text, &quot;'&quot;, '&#x2019;')" as="xs:string"/>
    <xsl:sequence select="if (not(contains($curly, '-'))) then $curly
        else replace($curly, '(\s)--?([\s,.;:!?])', '$1&#x2013;$2')
        => replace('-{2,3}', '&#x2014;')
        => replace('(\d)-(\d)', '$1&#x2013;$2')"/>
  </xsl:function>

  <!-- The back's divisions the reading editions set after the text (an appendix, a glossary, a
       bibliography, the index the book printed); not the notes (set at their markers), nor a
       publisher's advertisements or a transcriber's note (not the author's). -->
  <xsl:function name="f:back-matter" as="element(tei:div)*">
    <xsl:param name="text" as="element(tei:text)"/>
    <xsl:sequence select="$text/tei:back/tei:div[not(@type = ('notes', 'advertisement', 'transcriber-note'))]"/>
  </xsl:function>

  <!-- A division's label as plain text: the reading of its head, or its untitled label. -->
  <xsl:function name="f:div-label" as="xs:string">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:sequence select="if ($div/tei:head) then normalize-space(f:reading($div/tei:head)) else f:untitled-label($div)"/>
  </xsl:function>
</xsl:stylesheet>
