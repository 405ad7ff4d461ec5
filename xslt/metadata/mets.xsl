<?xml version="1.0" encoding="UTF-8"?>
<!-- The METS document of a package: MODS and DC as descriptive metadata; rights (text and
     edition) and PREMIS provenance (agent, events) in the amdSec; every file of the payload
     in the fileSec with its SHA-256 and in the physical structMap; a logical structMap that
     follows the TEI divisions.  PROFILE names the DSpace METS SIP profile: the TEI master,
     the PDF and the EPUB are in fileGrp USE="CONTENT" (DSpace's ORIGINAL bundle); every
     other group keeps a USE that names what it holds and becomes a bundle of that name. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:m="urn:edition:modes"
    xmlns="http://www.loc.gov/METS/"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:premis="http://www.loc.gov/premis/v3"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
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
    <mets OBJID="{f:identifiers()[1]}" LABEL="{f:title()}" TYPE="Text" PROFILE="DSpace METS SIP Profile 1.0"
          xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd">
      <metsHdr CREATEDATE="{$created}">
        <agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><name><xsl:value-of select="$agent"/></name></agent>
        <xsl:for-each select="f:url()">
          <altRecordID TYPE="URL"><xsl:value-of select="."/></altRecordID>
        </xsl:for-each>
      </metsHdr>
      <dmdSec ID="dmd-mods">
        <mdWrap MDTYPE="MODS" MIMETYPE="text/xml"><xmlData><xsl:call-template name="t:mods"/></xmlData></mdWrap>
      </dmdSec>
      <dmdSec ID="dmd-dc">
        <mdWrap MDTYPE="DC" MIMETYPE="text/xml"><xmlData><xsl:call-template name="t:dc"/></xmlData></mdWrap>
      </dmdSec>
      <xsl:call-template name="t:amd"/>
      <fileSec>
        <xsl:for-each-group select="$entries" group-by="f:mets-use(?use)">
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
      <structMap TYPE="physical">
        <div TYPE="package" LABEL="{f:title()}" ADMID="amd-rights-text amd-rights-edition amd-provenance">
          <xsl:for-each-group select="$entries" group-by="?use">
            <div TYPE="{current-grouping-key()}">
              <xsl:for-each select="current-group()">
                <fptr FILEID="{?id}"/>
              </xsl:for-each>
            </div>
          </xsl:for-each-group>
        </div>
      </structMap>
    </mets>
  </xsl:template>

  <!-- Rights (one rightsMD per statement, as DC) and the package's provenance as PREMIS 3:
       the software agent and the three events that made it (conversion, validation, packaging). -->
  <xsl:template name="t:amd">
    <amdSec ID="amd">
      <xsl:for-each select="(f:text-rights(), f:edition-licence())">
        <rightsMD ID="amd-rights-{(@n, 'edition')[1]}">
          <mdWrap MDTYPE="DC" MIMETYPE="text/xml" LABEL="{if (@n = 'text') then 'Rights of the text' else 'Licence of this edition'}">
            <xmlData>
              <dc:rights><xsl:value-of select="normalize-space(.)"/></dc:rights>
              <xsl:for-each select="@target"><dc:rights><xsl:value-of select="."/></dc:rights></xsl:for-each>
            </xmlData>
          </mdWrap>
        </rightsMD>
      </xsl:for-each>
      <digiprovMD ID="amd-provenance">
        <mdWrap MDTYPE="PREMIS" MIMETYPE="text/xml" LABEL="PREMIS 3 events and agent">
          <xmlData>
            <premis:premis version="3.0">
              <xsl:call-template name="t:premis-event">
                <xsl:with-param name="type" select="'creation'"/>
                <xsl:with-param name="when" select="string((/tei:TEI/tei:teiHeader/tei:revisionDesc/tei:change/@when)[1])"/>
                <xsl:with-param name="detail" select="'TEI master converted from the plain-text source (edition convert)'"/>
              </xsl:call-template>
              <xsl:call-template name="t:premis-event">
                <xsl:with-param name="type" select="'validation'"/>
                <xsl:with-param name="when" select="$created"/>
                <xsl:with-param name="detail" select="'TEI master validated against tei_all, the project schema and Schematron (reports/)'"/>
              </xsl:call-template>
              <xsl:call-template name="t:premis-event">
                <xsl:with-param name="type" select="'message digest calculation'"/>
                <xsl:with-param name="when" select="$created"/>
                <xsl:with-param name="detail" select="'SHA-256 of every payload file (this fileSec) and BagIt manifests'"/>
              </xsl:call-template>
              <premis:agent>
                <premis:agentIdentifier>
                  <premis:agentIdentifierType>local</premis:agentIdentifierType>
                  <premis:agentIdentifierValue>edition</premis:agentIdentifierValue>
                </premis:agentIdentifier>
                <premis:agentName><xsl:value-of select="$agent"/></premis:agentName>
                <premis:agentType>software</premis:agentType>
              </premis:agent>
            </premis:premis>
          </xmlData>
        </mdWrap>
      </digiprovMD>
    </amdSec>
  </xsl:template>

  <!-- The fileGrp USE of a payload part: CONTENT for the edition's primary files (the TEI
       master, the PDF, the EPUB), the part's own name in capitals for the rest. -->
  <xsl:function name="f:mets-use" as="xs:string">
    <xsl:param name="role" as="xs:string"/>
    <xsl:sequence select="if ($role = ('master', 'pdf', 'epub')) then 'CONTENT' else upper-case($role)"/>
  </xsl:function>

  <xsl:template name="t:premis-event">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="when" as="xs:string"/>
    <xsl:param name="detail" as="xs:string"/>
    <premis:event>
      <premis:eventIdentifier>
        <premis:eventIdentifierType>local</premis:eventIdentifierType>
        <premis:eventIdentifierValue><xsl:value-of select="'event-' || replace($type, ' ', '-')"/></premis:eventIdentifierValue>
      </premis:eventIdentifier>
      <premis:eventType><xsl:value-of select="$type"/></premis:eventType>
      <premis:eventDateTime><xsl:value-of select="$when"/></premis:eventDateTime>
      <premis:eventDetailInformation>
        <premis:eventDetail><xsl:value-of select="$detail"/></premis:eventDetail>
      </premis:eventDetailInformation>
      <premis:linkingAgentIdentifier>
        <premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType>
        <premis:linkingAgentIdentifierValue>edition</premis:linkingAgentIdentifierValue>
      </premis:linkingAgentIdentifier>
    </premis:event>
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
