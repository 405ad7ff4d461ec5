<?xml version="1.0" encoding="UTF-8"?>
<!-- Register entries (persons, places, organisations) for register pages and indexes:
     name, variants, note, authority links and every occurrence with a short context.
     Format-neutral XHTML; links into the text go through f:location-href (about.xsl). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:m="urn:edition:modes"
    xmlns:t="urn:edition:templates"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="m:register" on-no-match="fail"/>

  <!-- How many words of context stand on each side of an occurrence. -->
  <xsl:param name="context-words" as="xs:integer" select="6"/>

  <xsl:variable name="authority-labels" as="map(xs:string, xs:string)"
      select="map{'wikidata': 'Wikidata', 'geonames': 'GeoNames', 'viaf': 'VIAF', 'gnd': 'GND'}"/>

  <!-- The entries of one register, in index order (persons by surname). -->
  <xsl:template name="t:register-entries">
    <xsl:param name="entities" as="element()*"/>
    <xsl:apply-templates select="sort($entities, (), function($e) { f:collation-key(f:entity-sort-label($e)) })"
        mode="m:register"/>
  </xsl:template>

  <xsl:template match="tei:person | tei:place | tei:org" mode="m:register">
    <article class="entry {f:entity-kind(.)}" id="{@xml:id}">
      <h2 class="entry-name">
        <xsl:value-of select="f:typography(f:entity-sort-label(.))"/>
      </h2>
      <xsl:apply-templates select="(tei:persName, tei:placeName, tei:orgName)[@type = 'variant'][1]" mode="m:register"/>
      <xsl:apply-templates select="tei:note" mode="m:register"/>
      <xsl:apply-templates select="tei:idno[@type = 'URI'][1]" mode="m:register"/>
      <xsl:call-template name="t:occurrences"/>
    </article>
  </xsl:template>

  <!-- A variant worth a "see" line in an index: this edition names the entry so (a register
       shared by several texts knows forms a text never uses, "Nazi Germany" in an 1871 text),
       the form is spelt otherwise than the entry's headings and surname (case aside, and not a
       second time in another case), and it is neither a plural of the name ("Molotovs") nor a
       person's first names alone ("Vladimir Ilyich", "Fitzroy"). -->
  <xsl:function name="f:is-cross-reference" as="xs:boolean">
    <xsl:param name="variant" as="element()"/>
    <xsl:variable name="form" select="f:form-key($variant)" as="xs:string"/>
    <xsl:variable name="entity" select="$variant/.." as="element()"/>
    <xsl:variable name="main" select="$entity/*[@type = 'main']" as="element()*"/>
    <xsl:variable name="heads" select="(f:entity-label($entity), f:entity-sort-label($entity), $main/tei:surname)
        ! lower-case(normalize-space(.))" as="xs:string*"/>
    <xsl:variable name="others" select="($entity/*[@type = 'variant'] except $variant) ! f:form-key(.)" as="xs:string*"/>
    <xsl:variable name="forenames" select="lower-case(normalize-space(string-join($main/tei:forename, ' ')))" as="xs:string"/>
    <xsl:sequence select="not($form = $heads)
        and $form = (f:mentions($entity) ! f:form-key(.))
        and not(ends-with($form, 's') and replace($form, 'e?s$', '') = ($heads, $others))
        and not($forenames and starts-with($form, $forenames) and not(contains($form, lower-case(string($main/tei:surname)))))
        and not($entity/*[@type = 'variant'][. &lt;&lt; $variant][f:form-key(.) = $form])"/>
  </xsl:function>

  <!-- A name as compared with others: its reading, spaces normalised, lower case. -->
  <xsl:function name="f:form-key" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="lower-case(normalize-space(f:reading($name)))"/>
  </xsl:function>

  <xsl:template match="tei:*[@type = 'variant']" mode="m:register">
    <p class="variants">
      <xsl:text>Also: </xsl:text>
      <xsl:value-of select="f:typography(string-join((., following-sibling::*[@type = 'variant']) ! normalize-space(), '; '))"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:note" mode="m:register">
    <p class="entry-note">
      <xsl:value-of select="f:typography(normalize-space(.))"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:idno" mode="m:register">
    <p class="authority">
      <xsl:for-each select="(., following-sibling::tei:idno[@type = 'URI'])">
        <xsl:if test="position() gt 1">
          <xsl:text> · </xsl:text>
        </xsl:if>
        <a href="{normalize-space(.)}">
          <xsl:value-of select="($authority-labels(string(@subtype)), @subtype, 'Authority record')[1] || ' '
              || tokenize(replace(normalize-space(.), '/$', ''), '/')[last()]"/>
        </a>
      </xsl:for-each>
    </p>
  </xsl:template>

  <xsl:template name="t:occurrences">
    <xsl:variable name="mentions" select="f:mentions(.)" as="element()*"/>
    <xsl:choose>
      <xsl:when test="empty($mentions)">
        <p class="occurrences-none">Named only in the edition's metadata.</p>
      </xsl:when>
      <xsl:otherwise>
        <details class="occurrences" open="open">
          <summary>
            <xsl:value-of select="count($mentions) || (if (count($mentions) eq 1) then ' occurrence' else ' occurrences')"/>
          </summary>
          <ol>
            <xsl:apply-templates select="$mentions" mode="m:register"/>
          </ol>
        </details>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One occurrence: where it is (a link back into the text) and the words around it. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName" mode="m:register">
    <xsl:variable name="block" select="ancestor::*[self::tei:p or self::tei:l or self::tei:head or self::tei:byline or self::tei:docImprint or self::tei:signed
        or self::tei:dateline or self::tei:salute or self::tei:note or self::tei:figDesc or self::tei:trailer
        or self::tei:stage or self::tei:castItem][1]"/>
    <li>
      <a class="occurrence" href="{f:location-href(@xml:id)}">
        <xsl:value-of select="f:location-label(.)"/>
      </a>
      <xsl:text> </xsl:text>
      <span class="context">
        <xsl:call-template name="t:text-language"/>
        <xsl:value-of select="f:context-words($block, ., true())"/>
        <mark>
          <xsl:value-of select="f:reading(.)"/>
        </mark>
        <xsl:value-of select="f:context-words($block, ., false())"/>
      </span>
    </li>
  </xsl:template>

  <!-- A few words of $block before (or after) $mention, with an ellipsis where cut. -->
  <xsl:function name="f:context-words" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:param name="mention" as="element()"/>
    <xsl:param name="before" as="xs:boolean"/>
    <!-- The dozen text nodes of $block nearest the mention on that side hold the few words
         wanted (a thirteenth says the block goes on): walking the axis from the mention, not
         the whole block for each of hundreds of mentions, keeps the register pages fast. -->
    <xsl:variable name="texts" select="(if ($before) then $mention/preceding::text()[position() le 13]
        else $mention/following::text()[position() le 13])[ancestor::* intersect $block]"/>
    <xsl:variable name="near" select="if ($before) then $texts[position() gt last() - 12] else $texts[position() le 12]"/>
    <!-- Of their text, 300 characters on the mention's side are enough (the word the cut may
         split is dropped): splitting whole paragraphs into words was most of the time. -->
    <xsl:variable name="all" select="f:reading-characters($near)"/>
    <xsl:variable name="cut" select="string-length($all) gt 300"/>
    <xsl:variable name="raw" select="if (not($cut)) then $all
        else if ($before) then substring($all, string-length($all) - 299) else substring($all, 1, 300)"/>
    <xsl:variable name="tokens" select="tokenize($raw)"/>
    <xsl:variable name="words" select="if (not($cut)) then $tokens else if ($before) then tail($tokens) else $tokens[position() lt last()]"/>
    <xsl:variable name="n" select="count($words)"/>
    <xsl:variable name="more" select="$n gt $context-words or $cut or count($texts) gt 12"/>
    <xsl:variable name="lead" select="if ($raw and not(normalize-space(substring($raw, 1, 1)))) then ' ' else ''"/>
    <xsl:variable name="trail" select="if ($raw and not(normalize-space(substring($raw, string-length($raw))))) then ' ' else ''"/>
    <!-- Only the words shown are typeset, with one more on the far side and the space on the
         mention's side: typesetting keeps the words apart as they are, and a spaced dash is
         told by its neighbours. -->
    <xsl:variable name="shown" select="tokenize(normalize-space(f:typography($lead || string-join(
        if ($before) then $words[position() ge $n - $context-words] else $words[position() le $context-words + 1], ' ') || $trail)), ' ')"/>
    <xsl:sequence select="if ($before)
        then (if ($more) then '&#x2026;' else '')
             || string-join($shown[position() gt last() - $context-words], ' ')
             || $trail
        else $lead
             || string-join($shown[position() le $context-words], ' ')
             || (if ($more) then '&#x2026;' else '')"/>
  </xsl:function>
</xsl:stylesheet>
