<?xml version="1.0" encoding="UTF-8"?>
<!-- Register pages on screen: an A–Z bar, long lists of occurrences folded, and notes that only
     repeat the name ("India.") left out, in the entry and in the tips of the text. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:m="urn:edition:modes"
    xmlns:t="urn:edition:templates"
    xmlns:h="http://www.w3.org/1999/xhtml"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- Lists of more occurrences than this start folded. -->
  <xsl:param name="open-occurrences" as="xs:integer" select="6"/>

  <!-- The letter an entry is filed under: its sort label's first letter, without accents. -->
  <xsl:function name="f:initial" as="xs:string">
    <xsl:param name="entity" as="element()"/>
    <xsl:sequence select="upper-case(substring(normalize-unicode(f:entity-sort-label($entity), 'NFD'), 1, 1))"/>
  </xsl:function>

  <xsl:template name="t:alphabet">
    <xsl:param name="entities" as="element()*"/>
    <xsl:variable name="initials" select="$entities ! f:initial(.)" as="xs:string*"/>
    <nav class="alphabet" aria-label="Entries by letter">
      <ul>
        <xsl:for-each select="string-to-codepoints('ABCDEFGHIJKLMNOPQRSTUVWXYZ') ! codepoints-to-string(.)">
          <xsl:variable name="letter" select="."/>
          <xsl:variable name="filed" select="$entities[position() = index-of($initials, $letter)]"/>
          <xsl:variable name="first" select="sort($filed, (), function($e) { f:collation-key(f:entity-sort-label($e)) })[1]"/>
          <li>
            <xsl:choose>
              <xsl:when test="$first">
                <a href="#{$first/@xml:id}"><xsl:value-of select="$letter"/></a>
              </xsl:when>
              <xsl:otherwise>
                <span aria-hidden="true"><xsl:value-of select="$letter"/></span>
              </xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
  </xsl:template>

  <!-- The shared entry, then folded and trimmed for the screen. -->
  <xsl:template match="tei:person | tei:place | tei:org" mode="m:register">
    <xsl:variable name="entry" as="element()">
      <xsl:next-match/>
    </xsl:variable>
    <xsl:apply-templates select="$entry" mode="m:screen-entry">
      <xsl:with-param name="entity" select="." tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:mode name="m:screen-entry" on-no-match="shallow-copy"/>

  <xsl:template match="h:details[count(h:ol/h:li) gt $open-occurrences]/@open" mode="m:screen-entry"/>

  <!-- A note that only repeats the name gives way to what GeoNames says of the place, if anything. -->
  <xsl:template match="h:p[contains-token(@class, 'entry-note')]" mode="m:screen-entry">
    <xsl:param name="entity" as="element()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="f:note-says-more($entity)">
        <xsl:next-match/>
      </xsl:when>
      <xsl:when test="exists(f:geonames-about($entity))">
        <p class="entry-note">
          <xsl:value-of select="f:geonames-about($entity)"/>
          <xsl:text> </xsl:text>
          <span class="note-source">(GeoNames)</span>
        </p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- False for a note that is only one of the entry's names ("India." for India). -->
  <xsl:function name="f:note-says-more" as="xs:boolean">
    <xsl:param name="entity" as="element()"/>
    <xsl:variable name="note" select="lower-case(replace(normalize-space($entity/tei:note), '[.\s]+$', ''))"/>
    <xsl:sequence select="$note != '' and not($note = $entity/(tei:persName, tei:placeName, tei:orgName) ! lower-case(normalize-space()))"/>
  </xsl:function>

  <xsl:function name="f:geonames-about" as="xs:string?">
    <xsl:param name="entity" as="element()"/>
    <xsl:sequence select="$geonames-facts(string($entity/@xml:id))?about"/>
  </xsl:function>

  <!-- What a tip says of a name: the note, else what GeoNames says, else the kind of name. -->
  <xsl:function name="f:description" as="xs:string">
    <xsl:param name="entity" as="element()"/>
    <xsl:sequence select="if (f:note-says-more($entity)) then normalize-space($entity/tei:note)
        else (f:geonames-about($entity), f:capitalised(f:entity-kind($entity)))[1]"/>
  </xsl:function>
</xsl:stylesheet>
