<?xml version="1.0" encoding="UTF-8"?>
<!-- The words a reader meets around the text in the book itself: the contents, the index of
     names and its groups, the EPUB's landmarks.  They are set in the text's language when
     the edition has them in it, in English otherwise.  The editorial apparatus (About this
     edition, the notes on the encoding, the colophon) stays in English, as the statements
     of the TEI header do. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:edition:functions"
    xmlns:t="urn:edition:templates"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- Per word, per language (the first subtag of xml:lang): en fr de it es pt nl ru. -->
  <xsl:variable name="f:label-words" as="map(xs:string, map(xs:string, xs:string))" select="map{
      'contents': map{'en': 'Contents', 'fr': 'Table des matières', 'de': 'Inhalt', 'it': 'Indice',
                      'es': 'Índice', 'pt': 'Índice', 'nl': 'Inhoud', 'ru': 'Содержание'},
      'index': map{'en': 'Index of names', 'fr': 'Index des noms', 'de': 'Namensregister',
                   'it': 'Indice dei nomi', 'es': 'Índice onomástico', 'pt': 'Índice onomástico',
                   'nl': 'Register van namen', 'ru': 'Указатель имён'},
      'persons': map{'en': 'Persons', 'fr': 'Personnes', 'de': 'Personen', 'it': 'Persone',
                     'es': 'Personas', 'pt': 'Pessoas', 'nl': 'Personen', 'ru': 'Лица'},
      'places': map{'en': 'Places', 'fr': 'Lieux', 'de': 'Orte', 'it': 'Luoghi',
                    'es': 'Lugares', 'pt': 'Lugares', 'nl': 'Plaatsen', 'ru': 'Места'},
      'organisations': map{'en': 'Organisations', 'fr': 'Organisations', 'de': 'Organisationen',
                           'it': 'Organizzazioni', 'es': 'Organizaciones', 'pt': 'Organizações',
                           'nl': 'Organisaties', 'ru': 'Организации'},
      'see': map{'en': 'see', 'fr': 'voir', 'de': 'siehe', 'it': 'vedi', 'es': 'véase',
                 'pt': 'ver', 'nl': 'zie', 'ru': 'см.'},
      'cover': map{'en': 'Cover', 'fr': 'Couverture', 'de': 'Umschlag', 'it': 'Copertina',
                   'es': 'Cubierta', 'pt': 'Capa', 'nl': 'Omslag', 'ru': 'Обложка'},
      'title-page': map{'en': 'Title page', 'fr': 'Page de titre', 'de': 'Titelseite',
                        'it': 'Frontespizio', 'es': 'Portada', 'pt': 'Folha de rosto',
                        'nl': 'Titelpagina', 'ru': 'Титульный лист'},
      'start': map{'en': 'Start of the text', 'fr': 'Début du texte', 'de': 'Beginn des Textes',
                   'it': 'Inizio del testo', 'es': 'Comienzo del texto', 'pt': 'Início do texto',
                   'nl': 'Begin van de tekst', 'ru': 'Начало текста'},
      'landmarks': map{'en': 'Landmarks', 'fr': 'Repères', 'de': 'Orientierungspunkte',
                       'it': 'Punti di riferimento', 'es': 'Puntos de referencia',
                       'pt': 'Pontos de referência', 'nl': 'Oriëntatiepunten', 'ru': 'Ориентиры'},
      'print-pages': map{'en': 'Pages of the print edition', 'fr': 'Pages de l’édition imprimée',
                         'de': 'Seiten der Druckausgabe', 'it': 'Pagine dell’edizione a stampa',
                         'es': 'Páginas de la edición impresa', 'pt': 'Páginas da edição impressa',
                         'nl': 'Pagina’s van de gedrukte uitgave', 'ru': 'Страницы печатного издания'}}"/>

  <xsl:variable name="f:labels-language" as="xs:string"
      select="let $language := tokenize(lower-case(string((/tei:TEI/@xml:lang, /tei:TEI/tei:text/@xml:lang)[1])), '-')[1]
              return if (map:contains($f:label-words('contents'), $language)) then $language else 'en'"/>

  <xsl:function name="f:label" as="xs:string">
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="$f:label-words($word)($f:labels-language)"/>
  </xsl:function>

  <!-- On an element of a page written in the interface's language that holds a label. -->
  <xsl:template name="t:labels-language">
    <xsl:if test="$f:labels-language ne $interface-language">
      <xsl:attribute name="lang" select="$f:labels-language"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
