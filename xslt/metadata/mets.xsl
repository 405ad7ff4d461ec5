<?xml version="1.0" encoding="UTF-8"?>
<!-- The METS document of a package: MODS and DC as descriptive metadata, every artefact
     in the fileSec with its SHA-256, and a structMap that follows the TEI divisions. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:m="urn:edition:modes"
    xmlns="http://www.loc.gov/METS/"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="xs tei f t m">

  <xsl:import href="dc.xsl"/>
  <xsl:import href="mods.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- The payload, computed by edition/package.py: a JSON array of
       {"id", "path", "use", "mime", "size", "sha256"}, paths relative to this document. -->
  <xsl:param name="files" as="xs:string" required="yes"/>
  <!-- xs:dateTime of the package (from SOURCE_DATE_EPOCH) and the software that made it. -->
  <xsl:param name="created" as="xs:string" required="yes"/>
  <xsl:param name="agent" as="xs:string" required="yes"/>

  <xsl:variable name="entries" as="map(*)*" select="parse-json($files)?*"/>
  <xsl:variable name="master-id" as="xs:string" select="$entries[?use = 'master']?id"/>

  <xsl:template match="/">
    <mets OBJID="{f:identifiers()[1]}" LABEL="{f:title()}" TYPE="Text"
          xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd">
      <metsHdr CREATEDATE="{$created}">
        <agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><name><xsl:value-of select="$agent"/></name></agent>
      </metsHdr>
      <dmdSec ID="dmd-mods">
        <mdWrap MDTYPE="MODS" MIMETYPE="text/xml"><xmlData><xsl:call-template name="t:mods"/></xmlData></mdWrap>
      </dmdSec>
      <dmdSec ID="dmd-dc">
        <mdWrap MDTYPE="DC" MIMETYPE="text/xml"><xmlData><xsl:call-template name="t:dc"/></xmlData></mdWrap>
      </dmdSec>
      <fileSec>
        <xsl:for-each-group select="$entries" group-by="?use">
          <fileGrp USE="{current-grouping-key()}">
            <xsl:apply-templates select="current-group()" mode="m:file"/>
          </fileGrp>
        </xsl:for-each-group>
      </fileSec>
      <structMap TYPE="logical">
        <div ID="div-edition" TYPE="edition" LABEL="{f:title()}" DMDID="dmd-mods dmd-dc">
          <xsl:for-each select="$entries[?use = ('master', 'epub', 'pdf') or ?path = 'html/index.html']">
            <fptr FILEID="{?id}"/>
          </xsl:for-each>
          <xsl:apply-templates select="/tei:TEI/tei:text/(tei:front, tei:body/tei:div)" mode="m:struct"/>
        </div>
      </structMap>
    </mets>
  </xsl:template>

  <!-- JSON numbers arrive as xs:double: SIZE is cast back, or 1002605 would read 1.002605E6. -->
  <xsl:template match=".[. instance of map(*)]" mode="m:file">
    <file ID="{?id}" MIMETYPE="{?mime}" SIZE="{xs:integer(?size)}" CHECKSUM="{?sha256}" CHECKSUMTYPE="SHA-256">
      <FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="{iri-to-uri(?path)}"/>
    </file>
  </xsl:template>

  <xsl:template match="tei:front" mode="m:struct">
    <div TYPE="front" LABEL="Front matter">
      <xsl:apply-templates select="tei:div" mode="m:struct"/>
    </div>
  </xsl:template>

  <!-- A division points into the TEI master by its xml:id. -->
  <xsl:template match="tei:div" mode="m:struct">
    <div TYPE="{@type}" LABEL="{f:div-label(.)}">
      <xsl:apply-templates select="@xml:id" mode="m:struct"/>
      <xsl:apply-templates select="@n[. castable as xs:integer]" mode="m:struct"/>
      <xsl:if test="@xml:id">
        <fptr><area FILEID="{$master-id}" BETYPE="IDREF" BEGIN="{@xml:id}"/></fptr>
        <!-- The HTML edition writes one page per division, named by its xml:id. -->
        <xsl:for-each select="$entries[?path = 'html/' || current()/@xml:id || '.html']">
          <fptr FILEID="{?id}"/>
        </xsl:for-each>
      </xsl:if>
      <xsl:apply-templates select="tei:div" mode="m:struct"/>
    </div>
  </xsl:template>

  <xsl:template match="@xml:id" mode="m:struct">
    <xsl:attribute name="ID" select="'div-' || ."/>
  </xsl:template>

  <xsl:template match="@n" mode="m:struct">
    <xsl:attribute name="ORDER" select="."/>
  </xsl:template>
</xsl:stylesheet>
