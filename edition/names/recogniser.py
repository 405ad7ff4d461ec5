"""The recogniser: names the register does not cover, typed, grouped, as proposals.

``recognise(blocks)`` reads a whole text at once (document-level evidence
needs all of it) in two passes:

1. statistics: which words the text writes in lower case, which capitalised
   words it uses inside sentences;
2. candidates: each capitalised run is cut into mentions at words that are
   no names (titles, months, function words, derivatives such as
   "Stalinist"), each mention votes for a kind (``typing``), forms are grouped
   into entities (``consistency``), and an entity is kept when one of its
   mentions is credible.  A capital at a sentence start proves nothing, so a
   word seen only there must be rare in the text's language (``wordfreq``),
   a known place, or carry a cue; once kept, the entity is tagged at every
   mention.  A head word alone ("the Commune") is the short form of the
   organisation ending with it that the text names most ("Paris Commune"),
   when that one is named more often than all the others together.

Not names: a run holding an event's word ("Moscow Conference", "Battle of
Sedan"), a name that fills a quotation (a title: “The Eighteenth Brumaire”) or
stands in a longer italic title ("_Herr Vogt_"), a run in title case ("All Men
Are Brothers"), capitalised common words ("Religion", "Deputies", "Home
Rulers", "the Bourgeois Republic"), a body of a kind ("a Workers'
Association"), offices ("Police Councillor", "Public Prosecutor": titles),
headings in capitals.
Names in ``reject`` are never proposed; ``types`` overrides a kind.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Sequence

from ..gutenberg import edition_span
from . import candidates, consistency, evidence, lexicon, shapes, typing
from .candidates import Word
from .proposals import FIRST_MENTIONS, Mention, Proposal, proposal_id
from .settings import NameSettings

# At a sentence start: a word at least this common (Zipf) is taken for an ordinary word.
COMMON_AT_START = 3.0
# In a language without a list of function words: a word this common opening a run is one.
FUNCTION_WORD = 6.0
# A capitalised word this common that the text also writes in lower case is an ordinary word.
ORDINARY = 2.5
# A word opening a run that the text also writes in lower case and is this common is no name.
LOWER_AND_COMMON = 5.0
# A plural this common is a word of the language ("Explanations", "Sundays").
COMMON_PLURAL = 3.5
# A short form with no longer name in the text, capitalised alone this often, names one body.
SHORT_FORM_USES = 3
# A place's head word alone names one place sooner: "the Embankment", "the Palace", "the Cape" twice.
PLACE_SHORT_FORM_USES = 2
# A word always after "the", with no evidence of its kind, named this often, is a thing ("the Agouti").
ARTICLED_USES = 3
# A plural whose singular is this common is a word of the language at a sentence start ("Imitations").
PLURAL_OF_WORD = 3.3
# A lone capitalised word this common is an ordinary word, unless a title or a gazetteer says otherwise.
COMMON_WORD = 4.3
# The endings of nouns of a person's role or rank: "Reporter", "Kaiser", "Patriarch", "Governess".
_ROLE_ENDINGS = ("er", "or", "arch", "ess")
# A name after an epithet that is a word of the language ("Patriarch Voltaire") is rarer than this.
EPITHET_NAME = 3.3
# A signature or byline in capitals: a word alone, rarer than this ("PUBLIUS", not "PREFACE");
# two names joined by "with", each rarer than this ("MADISON, with HAMILTON", not "NOTES AND INDEX").
SIGNATURE_ALONE = 2.5
SIGNATURE_WORD = 4.5
# German: a capitalised word the text puts after an article this often (of its uses) is a common noun.
AFTER_ARTICLE = 0.3
# German: a lone capitalised word used this often or less, with no title, place or given name to say
# otherwise, is taken for a noun ("Regentropfen", "Geduld"): the names of a German text recur.
GERMAN_RARE_USES = 2
# Lower-case words between a German article and its noun: inflected adjectives ("einem hübschen, vergoldeten").
_GERMAN_ADJECTIVE = re.compile(r"[^\W\d_]+(?:e|en|er|es|em)")
_TERRITORY = re.compile(r"\b(?:%s)\s+of\s+(?:the\s+)?([^\W\d_a-z][^\W\d_]+)" % "|".join(sorted(lexicon.TERRITORIAL_TITLES)))
# A list of three or more single capitalised words: "Foster, Denny, Bell, and Borden".
_NAME_LIST = re.compile(r"(?<![\w-])[A-Z][^\W\d_]+(?:(?:,\s+(?:and\s+)?|\s+and\s+)[A-Z][^\W\d_]+(?![\w-]|\s+[A-Z])){2,}")
_WATER = re.compile(r"\b([A-Z][^\W\d_]+) (?:River|Sea|Ocean)\b")
# a word after "the" in a phrase that only a river, a sea or a range takes: "the banks of the Oder",
# "the mouth of the Borysthenes", "crossed the Meuse", "beyond the Alps", "up the Rhine"
_THE_WATER = re.compile(r"\b(?:(?:banks?|mouths?|sources?|waters|shores?|estuary|valley|conflux|confluence)\s+of|"
                        r"crossed|crossing|across|beyond|ascended|descended|along)"
                        r"\s+the\s+([A-Z][^\W\d_]+)(?=\s*(?:[,.;:)]|--|$)|\s+(?:and|or|to|into|at|in|near|from|with|as|where|which)\b)")
_THE_WEST = re.compile(r"\b[Tt]he\s+West\b(?![-\w]|\s+[A-Z])")
_ONE_UNION = re.compile(r"\b(?:[Tt]he|(?!an?\b)[a-z]+)\s+Union\b")
# what may follow "the Union" the state: the end of a clause, a verb, a preposition ("the Union is", "the
# Union\ncould"); not a noun it qualifies ("the Union republics") nor "of" and a name ("the Union of Utrecht")
_AFTER_UNION = re.compile(r"\s*(?:[,.;:!?)]|--|—|$)|\s+(?:is|was|has|had|have|could|would|should|must|may|might|will|can|"
                          r"and|or|to|in|as|from|by|with|that|which|under|against|were|are|of(?!\s+[A-Z]))\b")
# Words before a body named with no article ("elected to Congress", "the powers of Congress").
_BEFORE_A_BODY = frozenset("to in of by from before into for and or with against through that which when".split())
# "Congress" with no article: after a word of _BEFORE_A_BODY, a number or punctuation ("In 1798, Congress").
_BARE_CONGRESS = re.compile(r"(?:\b(?:%s)|[,;:.]|\d)\s+Congress\b" % "|".join(sorted(_BEFORE_A_BODY)))
# A legislature's deeds after its name: "Congress called earnestly", "Congress had turned its attention".
_BODY_ACTS = re.compile(r"\s+(?:had|has|passed|called|voted|enacted|adopted|refused|resolved|appointed|created|"
                        r"established|debated|declared|decided)\b")
# Words before "Congress" that name one of the legislature's sessions: "that Congress", "the first Congress".
_SESSION_BEFORE = frozenset("the that this same identical first second third fourth last next present".split())
# After a title word: "of" or another capitalised word ("King of France", "King George"), a title's.
_OF_AFTER = re.compile(r"\s+of\b|\s+[A-Z]")
# A block that is only names in capitals, one or two joined by "with" or "and": a signature or a
# byline ("PUBLIUS", "MADISON, with HAMILTON", "F.A.M. MIGNET").
_NAME_IN_CAPITALS = r"(?:[A-Z]\.\s?)*[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+)?"
_SIGNATURE = re.compile(r"\s*%s(?:,?\s(?:with|and)\s%s)?\.?\s*" % (_NAME_IN_CAPITALS, _NAME_IN_CAPITALS))
# The two American parties, the one named by its members, the other by them or as "the Democracy":
# a text naming both speaks of the parties ("Social Democrats" are no party of the pair).
_REPUBLICANS = re.compile(r"\bRepublicans\b")
_DEMOCRATS = re.compile(r"(?<!Social)(?<!Social\n)\s(?:Democrats|the\s+Democracy)\b")
_COPULA = frozenset("is are was were be been being".split())
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:(?:entire|whole)\s+)?$")
# "of Ireland", "and East of Europe" after a point of the compass: a part of a place.
_PART_OF = re.compile(r"\s+(?:(?:and|or)\s+(?:the\s+)?[A-Z]\w*\s+)?of\s+[A-Z]")


@dataclass(frozen=True)
class Block:
    """A block of text to read: ``taken`` spans are already tagged (register names)."""

    text: str
    taken: tuple[tuple[int, int], ...] = ()
    heading: bool = False


@dataclass(frozen=True)
class Found:
    """A recognised mention: ``blocks[block].text[start:end]`` names proposal ``id`` of ``kind``."""

    block: int
    start: int
    end: int
    kind: str
    id: str


@dataclass(frozen=True)
class _Mention:
    block: int
    words: tuple[Word, ...]
    context: typing.Context
    credible: bool

    @property
    def surface(self) -> str:
        return " ".join(w.text for w in self.words)


class _Stats:
    """What the whole text says about its words."""

    def __init__(self, blocks: Sequence[Block], words: list[list[Word]], lang: str = "en"):
        self.lower: set[str] = set()
        self.inside: Counter = Counter()  # capitalised, not opening a sentence
        self.capitalised: set[str] = set()
        self.of_a_kind: set[str] = set()  # capitalised words after "a" or "an": "a Gaucho"
        self.speakers: set[str] = set()  # capitalised words after a verb of speech: "quoth Dick"
        self.paired: set[str] = set()  # capitalised words joined by "and", "or" to a known place: "Holland and Zealand"
        # one-word members of a list of three or more, two of them rare words: "Foster, Denny, Bell, and Borden"
        self.listed = {w for b in blocks for m in _NAME_LIST.finditer(b.text) for w in _listed_names(m.group(), lang)}
        self.uses: Counter = Counter()  # German: capitalised words, and how often after an article
        self.after_article: Counter = Counter()
        # the territories of titles: "Orange" in "the Prince of Orange"
        self.territories = {m.group(1) for b in blocks for m in _TERRITORY.finditer(b.text)}
        # "the West" alone: the text speaks of the western world, and of "the East" as its counterpart
        self.west = any(_THE_WEST.search(b.text) for b in blocks)
        # rivers and seas the text names in full: "the Columbia" after "the Columbia River"
        self.waters = {m.group(1) for b in blocks for m in _WATER.finditer(b.text)}
        # words named as only a river, a sea or a range is: "the banks of the Oder", "crossed the Meuse"
        self.geography = {m.group(1) for b in blocks for m in _THE_WATER.finditer(b.text)}
        # "Congress" is the legislature, named with no article at least twice ("elected to Congress")
        self.legislature_congress = sum(len(_BARE_CONGRESS.findall(b.text)) for b in blocks) >= 2
        # a text naming a Senate calls the other chamber "the House" ("the House passed a bill")
        self.senate = any(re.search(r"\bSenate\b", b.text) for b in blocks)
        # title words that are a surname after a forename: "King" after "Rufus King" (not "King of")
        self.title_surnames = {w.text for b, found in zip(blocks, words) for i, w in enumerate(found[1:], 1)
                               if w.capitalised and shapes.title(w.text) and found[i - 1].text in lexicon.GIVEN_NAMES
                               and b.text[found[i - 1].end : w.start].isspace() and not _OF_AFTER.match(b.text, w.end)}
        # the last word of a person's full name, after a title or a given name and a forename: "Price" after
        # "General Sterling Price", met later alone ("to reinforce Price") though a common word
        self.surnames = {found[i].text for b, found in zip(blocks, words) for i in range(2, len(found))
                         if all(w.capitalised for w in found[i - 2 : i + 1]) and _adjacent(b.text, found[i - 2 : i + 1])
                         and (shapes.title(found[i - 2].text) or found[i - 2].text in lexicon.GIVEN_NAMES)
                         and found[i - 1].text not in candidates.EPITHETS | lexicon.TITLE_ADJECTIVES}  # "Lord Great Chamberlain"
        # both American parties named: "Republicans" and "Democrats" or "the Democracy"
        self.two_parties = any(_REPUBLICANS.search(b.text) for b in blocks) and any(_DEMOCRATS.search(b.text) for b in blocks)
        # every "Union" after "the" or an adjective ("a feeble and precarious Union"): the text names no union
        # among others ("a Union", "Miners' Union", "Union headquarters")
        self.one_union = all(len(re.findall(r"\bUnion\b", b.text)) == len(_ONE_UNION.findall(b.text)) for b in blocks)
        for block, found in zip(blocks, words):
            for i, word in enumerate(found):
                if lang == "de" and word.capitalised:
                    self.uses[word.text] += 1
                    self.after_article[word.text] += _after_article(block.text, found, i)
                if not word.capitalised:
                    self.lower.add(word.text)
                    continue
                self.capitalised.add(word.text)
                if i and found[i - 1].text in ("a", "an") and block.text[found[i - 1].end : word.start].isspace():
                    self.of_a_kind.add(word.text)
                if i and found[i - 1].text in lexicon.SPEECH_VERBS and block.text[found[i - 1].end : word.start].isspace():
                    self.speakers.add(word.text)
                if _paired_with_place(block.text, found, i, lang):
                    self.paired.add(word.text)
                if not (word.sentence_start or block.heading):
                    self.inside[word.text] += 1

    def common_noun(self, word: str) -> bool:
        """German: a noun the text uses after an article ("der Prokurist") or with a noun's ending."""
        return word.endswith(lexicon.GERMAN_NOUN_ENDINGS) or (
            self.uses[word] > 0 and self.after_article[word] >= AFTER_ARTICLE * self.uses[word])

    def derived(self, word: str) -> bool:
        """ "Russian", "Stalinist", "Leninism", "Hollanders": a name plus an ending ("Dresden" is no "Dresde" plus "n")."""
        if lexicon.is_place(word):
            return False
        if word.endswith("ese") and self._demonym_of_place(word[:-3]):
            return True
        for end in lexicon.DERIVED:
            stem = word[: -len(end)]
            if end.startswith("n") and not stem.endswith("a"):
                continue  # "Russia-n", "Korea-n"; "Bade-n" is a place of its own
            if end == "ers" and len(stem) < 5:
                continue  # "Holland-ers"; "Peters" is no "Pet" (a town) and "ers"
            if word.endswith(end) and len(stem) > 2:
                if stem in self.inside or any(lexicon.is_place(stem + e) for e in ("", "a", "s")):
                    return True  # "Hollanders", "Netherlanders"
        return False


    def _demonym_of_place(self, stem: str) -> bool:
        """ "Portuguese", "Viennese", "Congolese": the stem opens with a place the text names,
        less its last letter or two ("Portug-al", "Vienn-a", "Cong-o")."""
        return any(len(p) > 4 and stem.startswith(p[: max(4, len(p) - 2)]) and lexicon.is_place(p) for p in self.capitalised)


class _Reader:
    """Cuts the capitalised runs of one text into mentions."""

    def __init__(self, stats: _Stats, lang: str):
        self.stats = stats
        self.lang = lang
        self.short_forms: list[tuple[int, Word]] = []  # head words alone: "the Commune"
        # names that are common words, typed by their shape: "the South", "the Union" (places), "to Congress" (org)
        self.common_names: list[tuple[int, tuple[Word, ...], str]] = []
        self.shouted: list[tuple[int, tuple[Word, ...]]] = []  # runs in capitals: "PHILEAS FOGG"
        self.titles: set[str] = set()  # quoted titles, lower case: a heading in capitals may repeat one

    def common(self, word: str) -> float:
        return lexicon.common(word, self.lang)

    def is_place(self, name: str) -> bool:
        return lexicon.is_place(name, self.lang)

    def mentions(self, index: int, block: Block) -> list[_Mention]:
        labels = shapes.field_labels(block.text)
        firms = [span for span in shapes.firms(block.text, self.lang) if not _overlaps((*block.taken, *labels), *span)]
        found = [self._firm(index, block, *span) for span in firms]
        catalogue = shapes.catalogue_entry(block.text)
        quoted = shapes.quoted_titles(block.text)
        for whole in candidates.runs(block.text, self.lang):
            if _overlaps(quoted, whole.start, whole.end):
                self.titles.add(whole.text().lower())
                continue
            for run in _outside(whole, firms):
                found += self._read_run(index, block, run, credits_only=catalogue)
        return sorted(found, key=lambda m: m.words[0].start)

    @staticmethod
    def _firm(index: int, block: Block, start: int, end: int) -> _Mention:
        """A firm's name ("Wilkins & Co."), one word a token, the full stop of "Co." in it."""
        words = tuple(candidates.Word(start + m.start(), start + m.end(), m.group(), False)
                      for m in re.finditer(r"\S+", block.text[start:end]))
        return _Mention(index, words, typing.Context(None, None), True)

    def _read_run(self, index: int, block: Block, whole: candidates.Run, credits_only: bool = False) -> list[_Mention]:
        """The mentions of one run; in an entry of a publisher's list (``credits_only``) only the
        names credited with the work, its other words being its title, format and price."""
        found = []
        if congress := self._congress_of(whole):
            self.common_names.append((index, congress, "org"))
            return found
        for run in (r for part in shapes.capitals_apart(whole) for r in shapes.after_events(part)):
            run = shapes.before_event(run)
            if shapes.credited(block.text, run) or self._signature(block.text, run):
                words = tuple(shapes.recase(w) for w in run.words)
                found.append(_Mention(index, words, typing.Context(None, None, credit=True), True))
            elif credits_only:
                continue
            elif shapes.in_capitals(run) or (run.text().isupper() and _shouted_place(_recased_text(run.words), self.lang)):
                self.shouted.append((index, run.words))
            elif shapes.quoted_title(block.text, list(run.words)) or self._title_case(run):
                self.titles.add(run.text().lower())
            elif self._congress(block.text, run) or self._party(block.text, run) or _office_staff(block.text, run):
                self.common_names.append((index, run.words, "org"))
            elif chamber := _chamber(run) or self._house(block.text, run):
                self.common_names.append((index, chamber, "org"))
            elif not shapes.event(run):
                found += self._cut(index, block, run)
        return found

    def _signature(self, text: str, run: candidates.Run) -> bool:
        """ "PUBLIUS", "F.A.M. MIGNET", "MADISON, with HAMILTON": a block of names in capitals and
        nothing else signs or bylines the text: persons. One word alone must be rare and no place (not
        a heading: "PREFACE", "FOOTNOTES", "PARIS"); two names joined by "with" or "and" no everyday
        word ("NOTES AND INDEX")."""
        if self.lang != "en" or _SIGNATURE.fullmatch(text) is None:
            return False
        words = [w.text.rstrip(".") for w in run.words]
        if not all(w.isupper() for w in words):
            return False
        names = [w.lower() for w in words if len(w) > 1]
        if re.search(r"\s(?:with|and)\s", text):
            return all(self.common(w) < SIGNATURE_WORD for w in names)
        return bool(names) and all(self.common(w) < SIGNATURE_ALONE and not self.is_place(w.capitalize()) for w in names)

    def _title_case(self, run: candidates.Run) -> bool:
        """ "All Men Are Brothers", "Ten Days That Shook The World": a function word capitalised
        inside a run is a title's or a motto's capital, which no English name has (but "the
        League of the Just")."""
        words = run.words
        return self.lang == "en" and any(
            w.text in lexicon.FUNCTION_WORDS and words[i].text != "the" for i, w in enumerate(words[1:]))

    def _cut(self, index: int, block: Block, run: candidates.Run) -> list[_Mention]:
        """The mentions inside one run: cut at titles, non-names, register names and joints."""
        place = self._whole_place(block, run)
        if place:
            return self._close(index, block, place, None)
        qualified = self._qualified_place(block, run)
        if qualified:
            self.common_names.append((index, qualified, "place"))
            return []
        places = self._two_places(block, run)
        if places:
            return [m for part in places for m in self._close(index, block, part, None)]
        found: list[_Mention] = []
        current: list[Word] = []
        title = None
        office = -1  # the word after "<title> of" that belongs to the office
        territory = False  # after "the Prince of", "Governor of": the name of a place
        heads = [i for i, w in enumerate(run.words) if shapes.head(w.text)]
        # Adjectives belong to a name with a head word ("Central Committee", "French Republic").
        headed = any(i > 0 for i in heads)
        for i, word in enumerate(run.words):
            joint = self._joint(current, run.words[i:], bool(heads)) or _joint_in_run(current, run.words[i:], title)
            if joint:
                found += self._close(index, block, current, title, territory)
                current, title, territory = [], None, False
                if joint == "skip":
                    continue
            if not word.capitalised:
                if current or i == 0 or (title and word.text in candidates.LEADING_PARTICLES):
                    current.append(word)  # "Place de la Concorde", "de Calonne", "M. de Calonne"
                elif self._office_of(title, word, run.words[i + 1 : i + 3]):
                    office = i + 1  # "Chief of Police Shippy": the office's common word, then the person
                else:
                    # "Minister of Agriculture": an office, no person; "the Prince of Orange": a territory
                    territory = territory or (title in lexicon.TERRITORIAL_TITLES and word.text == "of")
                    title = None
                continue
            if i == office:
                continue
            after = run.words[i + 1] if i + 1 < len(run.words) else None
            taken = _taken(block, word)
            # "General Council", "General Staff": an adjective of a body, no person's title
            of_body = word.text in lexicon.TITLE_ADJECTIVES and after is not None and after.text in lexicon.ORG_HEADS
            # "King Street", "the Don Basin": a title's word names the place a head word follows
            of_body = of_body or (after is not None and after.text in lexicon.PLACE_HEADS and len(word.text) > 2
                                  and not word.text.endswith("."))  # "M. Gates" is a person
            # a title in the possessive is neither a name nor a title of the next word ("the Duchess's Baby")
            owner = shapes.title(word.text) and word.possessive
            # "Rufus King", "Mr. King": a title word the text gives as a forename's surname, ending the run
            surname = word.text in self.stats.title_surnames and (after is None or not (after.capitalised or after.text == "of"))
            is_title = (shapes.title(word.text) or self._epithet(run, i)) and not of_body and not owner and not surname
            label = any(s <= word.start < e for s, e in shapes.field_labels(block.text))
            label = label or _overlaps(shapes.cut_by_rules(block.text), word.start, word.end)
            # a heading's letter of enumeration, no initial: "A. Feudal Socialism", "B. Petty-Bourgeois Socialism"
            label = label or (block.heading and word.start == 0 and re.fullmatch(r"[A-Z]\.", word.text) is not None)
            beyond = run.words[i + 2] if i + 2 < len(run.words) else None
            if taken or is_title or owner or label or self._dull_here(word, block, not current, headed, after, beyond):
                if is_title:
                    current = self._before_office(current)
                found += self._close(index, block, current, title, territory)
                current, territory = [], False
                title = word.text if is_title and not taken else None
                continue
            current.append(word)
        found += self._close(index, block, current, title, territory)
        return found

    def _epithet(self, run: candidates.Run, i: int) -> bool:
        """ "Patriarch Voltaire", "Reporter Goezman", "Kaiser Joseph": a run of two capitalised words whose
        first is an English noun of a role (``_ROLE_ENDINGS``), a word of the language (Zipf
        ``CAPITALISED_COMMON``; no given name, function word, place, head word or point of the compass), not
        opening a sentence, and the second a rarer word (Zipf under ``EPITHET_NAME``) or a given name: the
        first is a title or an epithet of the person, no part of the name."""
        words = run.words
        if self.lang != "en" or i != 0 or len(words) != 2 or not words[1].capitalised or words[0].sentence_start:
            return False
        first, name = words[0].text, words[1].text
        role = self.common(first) >= CAPITALISED_COMMON and len(first) > 3 and first.endswith(_ROLE_ENDINGS)
        common = (first in lexicon.GIVEN_NAMES or first in lexicon.FUNCTION_WORDS or first in lexicon.COMPASS
                  or first.lower() in candidates.PARTICLES or "-" in first + name)
        named = shapes.head(first) or shapes.head(name) or self.is_place(first) or self.is_place(f"{first} {name}")
        rarer = self.common(name) < min(self.common(first), EPITHET_NAME) or name in lexicon.GIVEN_NAMES
        return role and not common and not named and rarer

    def _office_of(self, title: str | None, word: Word, rest: Sequence[Word]) -> bool:
        """ "Chief of Police Shippy", "Minister of Justice Kerensky": after a title (not a ruler's)
        and "of", one common word that is no place, then a capitalised name."""
        return (title is not None and title not in lexicon.TERRITORIAL_TITLES and word.text == "of" and len(rest) == 2
                and all(w.capitalised for w in rest) and self.common(rest[0].text) >= COMMON_WORD
                and not self.is_place(rest[0].text) and not shapes.title(rest[1].text))

    def _before_office(self, current: list[Word]) -> list[Word]:
        """The name before an office, without the common words that belong to the office:
        "Cologne Public Prosecutor" → "Cologne", "Police Councillor" → nothing, "Count John
        Governor of Gelderland" → "John"."""
        while current and not self.is_place(current[-1].text) and current[-1].text not in lexicon.GIVEN_NAMES and (
            self.common(current[-1].text) >= COMMON_AT_START or current[-1].text.lower() in self.stats.lower
        ):
            current = current[:-1]
        return current

    def _whole_place(self, block: Block, run: candidates.Run) -> list[Word]:
        """A run of several words that is one place ("New York", "United States"), after a
        signature's initials ("D.D.L. New York"); [] for any other run."""
        initials = 0
        while initials < len(run.words) - 1 and re.fullmatch(r"[A-Z]\.?", run.words[initials].text):
            initials += 1
        place = list(run.words[initials:])
        # "the King of Prussia" is the king's title and his territory, not the Pennsylvanian town
        titled = shapes.title(place[0].text) and "of" in (w.text for w in place)
        if len(place) > 1 and not titled and self.is_place(" ".join(w.text for w in place)) and not any(_taken(block, w) for w in place):
            return place
        return []

    def _qualified_place(self, block: Block, run: candidates.Run) -> tuple[Word, ...]:
        """A run that is one place named with a qualifier (its words, else none): "United" or a number
        before the plural of a place or a place's head ("the United Provinces", "the Two Sicilies"); a
        place's adjective before a place ("the Austrian Netherlands"); a number before a rare plural ("the
        Two Sicilies"); "Upper" or "Lower" before one
        word that is no head ("Lower Saxony", "the Middle and Upper Rhine"; not "the Upper House")."""
        words = run.words[1:] if run.words[0].text == "The" else run.words
        texts = [w.text for w in words]
        if self.lang != "en" or not words or any(_taken(block, w) for w in words) or not words[-1].capitalised:
            return ()
        last = texts[-1]
        plural_place = any(s in lexicon.PLACE_HEADS or self.is_place(s) for s in shapes.singulars(last)) or (
            last.endswith("s") and self.is_place(last)) or (  # "the Two Sicilies": a rare plural, of no given name
            texts[0] != "United" and shapes.singulars(last) and self.common(last) < ORDINARY
            and not set(shapes.singulars(last)) & lexicon.GIVEN_NAMES)
        if len(texts) == 2 and texts[0] in ("United", "Two", "Three", "Four", "Seven") and plural_place:
            return words
        if len(texts) == 2 and self.stats.derived(texts[0]) and texts[0].endswith("n") and self.is_place(last):
            return words
        upper = (texts[-2:-1] in (["Upper"], ["Lower"]) and not shapes.head(last) and last not in lexicon.GIVEN_NAMES
                 and (self.is_place(last) or self.common(last) < COMMON_WORD))  # not "the Lower Classes"
        if upper and (len(texts) == 2 or (len(texts) == 4 and texts[1] == "and" and texts[0] in ("Upper", "Lower", "Middle"))):
            return words
        return ()

    def _two_places(self, block: Block, run: candidates.Run) -> list[list[Word]]:
        """A run that is two places side by side, one of several words ("De San Francisco New York"
        in a table of a journey's stages); [] for any other run ("Washington Irving" is one name)."""
        words = list(run.words)
        while words and (words[0].text in lexicon.FUNCTION_WORDS or self.common(words[0].text) >= FUNCTION_WORD):
            words = words[1:]  # "De" opening a French sentence
        if len(words) < 3 or any(_taken(block, w) for w in words):
            return []
        for i in range(1, len(words)):
            first, second = words[:i], words[i:]
            if all(self.is_place(" ".join(w.text for w in part)) for part in (first, second)):
                return [first, second]
        return []

    def _joint(self, current: list[Word], rest: Sequence[Word], headed: bool) -> str | None:
        """Where one name ends before ``rest[0]``: "cut" (the word may open the next), "skip"
        (the word joins nothing), or None (the name goes on)."""
        word = rest[0]
        if not current:
            return None
        if word.text == "and" and (self._and_of_body(current, rest[1:]) or _shared_head(current, rest[1:])):
            return None
        if word.text == "for" and not any(w.text in lexicon.ORG_HEADS for w in current):
            return "skip"  # "fought for Russia"; but "Committee for Salvation"
        if word.text == "of" and self._place_before_of(current):
            return "skip"  # "Paris of the Commune": the place, then another name
        # "Lenin and Trotsky", "Stalin’s Russia": two names; in a name with a head word,
        # "Soviet of Workers’ and Soldiers’ Deputies", "Peasants’ Executive Committee": one
        # a rare name in the possessive owns the body after it: "M. Thiers' Government" → "Thiers"
        last = current[-1].text
        plural = any(self.common(s) >= COMMON_AT_START or s in lexicon.NOT_NAMES for s in shapes.singulars(last)) or self._men(last)
        owner = current[-1].possessive and self.common(last) < COMMON_AT_START and not plural  # not "Marxists’ Internet Archive"
        if (word.text == "and" or current[-1].possessive) and not (headed and current[-1].possessive and not owner):
            return "skip" if word.text == "and" or self._owned_thing(rest) else "cut"
        if self.lang == "de" and self._genitive(current[-1].text):
            return "cut"  # "Gregors Zimmer": a name's genitive, then what it owns
        return None

    def _men(self, word: str) -> bool:
        """ "Freedmen's Bureau", "Yeomen's Society": a plural in "-men" of a common noun of persons (more
        common than the plural), a class the body is for, not its owner ("Carmen's", "Bremen's" are names)."""
        singular = word[:-3] + "man" if word.endswith("men") else ""
        return self.common(singular) >= 2.0 and self.common(singular) > self.common(word)

    def _owned_thing(self, rest: Sequence[Word]) -> bool:
        """What a name in the possessive owns, a common word ending the run, is no name: "Aesop's
        Fables", "Macaulay's Essays", "Marx’s Capital" (but "Stalin’s Russia", "Lincoln's Inn")."""
        word = rest[0].text
        thing = self.common(word) >= COMMON_PLURAL or any(self.common(s) >= COMMON_AT_START for s in shapes.singulars(word))
        return (len(rest) == 1 and rest[0].capitalised and thing and not shapes.head(word) and not self.is_place(word)
                and word not in lexicon.GIVEN_NAMES)

    def _and_of_body(self, current: list[Word], rest: Sequence[Word]) -> bool:
        """ "Committee for Salvation of Country and Revolution", "National Committee of Republicans and
        Independents": after a body's "of", "and" and a word the text also writes in lower case, or a
        plural of a common word, go on with its name ("the Central Committee of the Party and Lenin" are two)."""
        words = [w.text for w in current]
        body = "of" in words and any(w in lexicon.ORG_HEADS for w in words[: words.index("of")])
        after = rest[0].text if rest else ""
        plural = any(self.common(s) >= COMMON_PLURAL and s not in lexicon.GIVEN_NAMES for s in shapes.singulars(after))
        common = after in lexicon.NOT_NAMES or ((self._written_lower(after) or plural) and not self.is_place(after))
        return body and after[:1].isupper() and common and after not in lexicon.GIVEN_NAMES

    def _genitive(self, word: str) -> bool:
        """German: a name the text gives and "s" ("Gregors"), its genitive."""
        return word.endswith("s") and word[:-1] in self.stats.capitalised and not self.stats.common_noun(word[:-1])

    def _dull_here(self, word: Word, block: Block, leading: bool, headed: bool, after: Word | None, beyond: Word | None = None) -> bool:
        """``_dull``, except for a point of the compass before a place ("Eastern Europe") and the
        first word of a place of two words ("like Great Britain": "Great" alone is a common word)."""
        if after is not None and self.is_place(f"{word.text} {after.text}"):
            return False
        if after is None and (self._region(block.text, word) or self._water(block.text, word) or word.text in lexicon.PARTIES
                              or self._estates(block.text, word)):
            return False  # "in the South": a region; "on the Columbia": a river; "the Whigs", "the States": bodies (below)
        if after is not None and self.is_place(after.text) and not self.is_place(word.text):
            if word.text in lexicon.COMPASS or word.text == "New":
                return False  # "Eastern Europe", "New England"
            if word.text.endswith(lexicon.ADJECTIVE_ENDINGS) and self.common(word.text) >= ORDINARY:
                return True  # "Communal Paris", "Republican France": an adjective, then the place
        of_follows = after is not None and after.text == "of"
        if of_follows and beyond is not None and self.is_place(beyond.text) and word.text in lexicon.COMPASS:
            # "the North of Ireland": one region; "the North and East of Europe": directions, then the place
            return not (shapes.previous_word(block.text, word.start) or "").endswith("the")
        of_place = of_follows and beyond is not None and self.is_place(beyond.text)
        return self._dull(word, block, leading, headed, after is not None, of_follows, of_place)

    def _german_noun(self, text: str) -> bool:
        """German: a common noun or a pronoun; a town of the gazetteer only when the text puts it
        after an article ("das schlechte Essen", "zum letzten Male"), as it puts no town but a
        country ("die Schweiz")."""
        if self.is_place(text):
            return text not in lexicon.EXONYMS["de"] and self.stats.after_article[text] >= AFTER_ARTICLE * self.stats.uses[text]
        return self.stats.common_noun(text) or self.common(text) >= FUNCTION_WORD

    @staticmethod
    def _place_before_of(current: list[Word]) -> bool:
        return len(current) == 1 and lexicon.is_place(current[0].text)

    def _dull(self, word: Word, block: Block, leading: bool, headed: bool, followed: bool, of_follows: bool = False,
              of_place: bool = False) -> bool:
        """A capitalised word that is no part of a name here (``followed``: by another in its run)."""
        text = word.text
        if followed and leading and text in lexicon.GIVEN_NAMES:
            return False  # "George Thompson", "August Becker"
        if followed and self.lang == "en" and text in candidates.CAPITAL_PARTICLES:
            return False  # "De Selles": a surname's particle
        if self.lang == "de" and self._german_noun(text):
            return True  # "der Prokurist", "die Bedienerin": German capitalises every noun, and "Sie", "Ihnen"
        if text.endswith(("ism", "isms")) or text.startswith(lexicon.ADJECTIVE_PREFIXES) or (not headed and shapes.number(text, leading)):
            return True
        if _demonym_man(text) or (not headed and (text in lexicon.NOT_NAMES or self.stats.derived(text))):
            return True
        if not leading or text in lexicon.ORG_HEADS or (followed and text in lexicon.PLACE_HEADS):
            return False
        if not headed and text.lower() in self.stats.lower and self.common(text) >= LOWER_AND_COMMON:
            return True  # "(See App. I)": a common word the text writes in lower case
        if not headed and followed and self.lang != "de" and any(self.common(s) >= COMMON_AT_START for s in shapes.singulars(text)):
            return True  # "Peasants of Russia": a plural common noun, then a name
        if not headed and of_follows and self.common(text) >= COMMON_WORD and not self.is_place(text):
            return True  # "Population of Petrograd"
        group = text.endswith(lexicon.GROUP_ENDINGS)  # "the Anabaptists of Middelburg": a group, then its place
        if not headed and of_place and (self.common(text) >= COMMON_AT_START or group) and not self.is_place(text) and not shapes.head(text):
            return True  # "the Intervention of Germany", "the so-called Scotch of Ulster": a common word, then the place
        if text in lexicon.FUNCTION_WORDS if self.lang == "en" else self.common(text) >= FUNCTION_WORD:
            return True
        if word.sentence_start or block.heading:
            if text in self.stats.inside or self.is_place(text):
                return False
            if candidates.argument(block.text) and self.common(text) >= COMMON_AT_START and text not in lexicon.GIVEN_NAMES:
                return True  # "Renewed Attacks of the Matebele", "Astronomer Royal": a title-case topic's common words
            if headed and followed and not shapes.quoted_at(block.text, word.start):
                return False  # "Publisher: Foreign Languages Press": the words before a head word belong to it
            if followed:  # "Karl Marx wrote": only a word the text writes in lower case is cut off
                return text.lower() in self.stats.lower or self.common(text) >= COMMON_AT_START + 1.5 or _adverb(text)
            return text.lower() in self.stats.lower or self.common(text) >= COMMON_AT_START + 1
        return False

    def _close(self, index: int, block: Block, current: list[Word], title: str | None,
               territory: bool = False) -> list[_Mention]:
        while current and not (current[-1].capitalised or current[-1].text in lexicon.LOWER_HEADS):
            current = current[:-1]
        # "the Prince of Orange", "Governor of Gelderland": a territory, even a common word's; not a body ("Governor of the Bank")
        territory = territory and bool(current) and not any(shapes.head(w.text) for w in current)
        inverted = shapes.inverted(block.text, current) if title is None else None
        title = title or inverted
        if not current or shapes.shouted(current) or shapes.roman(current) or (
                not inverted and shapes.in_italic_title(block.text, current)):
            return []
        if self._short_form(current, title) and current[0].text not in lexicon.PROPER_HEADS:
            self.short_forms.append((index, current[0]))
            return []
        if len(current) == 1 and title is None and (self._region(block.text, current[0]) or self._union(block.text, current[0])
                                                    or self._water(block.text, current[0])):
            self.common_names.append((index, tuple(current), "place"))
            return []
        if len(current) == 1 and title is None and (current[0].text in lexicon.PARTIES or self._estates(block.text, current[0])):
            self.common_names.append((index, tuple(current), "org"))  # "the Girondins", "Legitimists and Orleanists"
            return []
        before = shapes.previous_word(block.text, current[0].start)
        # "the Meuse", "the Alps" in a text that says "crossed the Meuse": a place cue, as "the hill of Hinksey"
        geography = (len(current) == 1 and current[0].text in self.stats.geography and (before or "").endswith("the")
                     and current[0].text.lower() not in self.stats.lower)  # not "along the Front" beside "the front"
        if self._ordinary(current, title) and not territory and not geography and not self.is_place(" ".join(w.text for w in current)):
            return []
        if block.text[current[0].start - 1 : current[0].start].isdigit():
            return []  # "10TH", "2nd"
        if shapes.abbreviation(block.text, current) or shapes.binomial(block.text, current) or self._generic(block.text, current) \
                or self._owned(block.text, current):
            return []
        first = current[0]
        at_start = first.sentence_start or block.heading
        # a place of the gazetteer in italics is emphasised, no title ("in _London_")
        emphasis = shapes.emphasised(block.text, current) and not self.is_place(" ".join(w.text for w in current))
        credible = (inverted or not emphasis) and (
            not at_start
            or title is not None
            or len(current) > 1
            or first.text in self.stats.inside
            or self.is_place(first.text)
            or (self.common(first.text) < COMMON_AT_START and not shapes.english_shape(first.text)
                and not self._plural_of_word(first.text) and not shapes.participle(block.text, current))
        )
        end = current[-1].end
        # "in Dickens’s chapter": the preposition governs what the name owns, and says nothing of the name
        previous = None if current[-1].possessive else before
        # a person's verb or noun after the name, or a verb of speech or words addressed before it ("said Dick")
        personal = shapes.personal(block.text, end) or before in lexicon.SPEECH_VERBS or shapes.addressed(block.text, first.start)
        context = typing.Context(title, previous, self._attributive(block.text, end), personal, territory=territory,
                                 place_of=shapes.of_place_noun(block.text, first.start) or geography)
        return [_Mention(index, tuple(current), context, credible)]

    def _generic(self, text: str, current: list[Word]) -> bool:
        """ "a Workers’ Association": a body of a kind, not one the text names; "the Rhenish
        liberals", "the Trojan war": a people's adjective before a common word."""
        if shapes.previous_word(text, current[0].start) in ("a", "an"):
            # "a Gyroscope", "a Circulating Decimal": a thing of a kind; "a Napoleon" compares a person
            # (recurring: a word, or words of which one is rare; "Circulating Decimal" twice is still words)
            recurring = self.stats.inside[current[0].text] > 1 and (len(current) == 1 or any(
                self.common(w.text) < COMMON_AT_START for w in current))
            named = current[0].text in lexicon.GIVEN_NAMES or self.is_place(current[0].text) or recurring
            return any(w.text in lexicon.ORG_HEADS for w in current) or not named
        last = current[-1].text
        # a people's adjective before a common word: "the Rhenish liberals"; after "the", one in "-an" ("the Trojan
        # war", "the Spartan kings"; not "Dr. Whitman learned", nor a region's before its lands, "the Balkan states")
        following = shapes.NEXT_WORD.match(text, current[-1].end)
        lands = following is not None and following.group(1) in _LANDS
        adjective = last.endswith("ish") or (self.lang == "en" and last.endswith("an") and last not in lexicon.GIVEN_NAMES
                                             and (shapes.previous_word(text, current[0].start) or "").endswith("the")
                                             and not lands)
        return len(current) == 1 and adjective and len(last) > 5 and self._attributive(text, current[-1].end)

    def _owned(self, text: str, current: list[Word]) -> bool:
        """ "his Patriarcha", "your Stamp-Case", "this their Patriarch": one capitalised word after a
        possessive determiner is a thing of the house style, unless a place or a given name."""
        word = current[0].text
        return (len(current) == 1 and shapes.previous_word(text, current[0].start) in lexicon.POSSESSIVES
                and not self.is_place(word) and word not in lexicon.GIVEN_NAMES)

    def _attributive(self, text: str, end: int) -> bool:
        """A lower-case content word follows the name ("the Bourbon throne"), not "as", "was", "and"."""
        m = shapes.NEXT_WORD.match(text, end)
        return bool(m) and self.common(m.group(1)) < FUNCTION_WORD

    def _common_noun(self, word: str) -> bool:
        """A common word of the language that is no given name, head word, point of the compass or place."""
        return ((self.common(word) >= COMMON_PLURAL or self._common_compound(word)) and word not in lexicon.GIVEN_NAMES and not shapes.head(word)
                and word not in lexicon.COMPASS and word not in lexicon.REGIMES and not self.is_place(word))

    def _word_of_language(self, word: str) -> bool:
        """A common word, or the plural of one, or one the text writes in lower case: not a surname
        that the word list counts as often as a word ("Emma Goldman": "goldman" is a name's frequency)."""
        return (self.common(word) >= COMMON_WORD or self._written_lower(word) or self._common_compound(word)
                or self._plural_of_common(word))

    def _common_compound(self, word: str) -> bool:
        """ "Stamp-Case", "Letter-Register", "Looking-Glass": a compound of common words of the
        language ("Brest-Litovsk", "Royer-Collard", "Alsace-Lorraine" are not)."""
        parts = word.split("-")
        return len(parts) > 1 and not self.is_place(word) and all(
            self.common(p) >= COMMON_PLURAL or self._plural_of_common(p) for p in parts)

    def _plural_of_common(self, word: str) -> bool:
        """ "Deputies", "Supplies": the plural of a common word, itself common or written in lower
        case in the text ("Engels" is no plural of "Engel", "Peters" none of the given name "Peter")."""
        seen = word.lower() in self.stats.lower or self.common(word) >= COMMON_PLURAL
        return any(self.common(s) >= COMMON_AT_START and (seen or s.lower() in self.stats.lower) and s not in lexicon.GIVEN_NAMES
                   for s in shapes.singulars(word))

    def _plural_of_word(self, word: str) -> bool:
        """ "Imitations", "Provocators": a rare plural of a word of the language, which a capital at a
        sentence start does not make a name ("Engels" is no plural of the rarer "Engel")."""
        return self.lang == "en" and word not in lexicon.GIVEN_NAMES and any(
            self.common(s) >= PLURAL_OF_WORD for s in shapes.singulars(word))

    def _legislature(self, word: str) -> bool:
        return word in lexicon.LEGISLATURES and self.stats.inside[word] >= 2

    def _region(self, text: str, word: Word) -> bool:
        """ "in the South", "the entire South", "the East": a point of the compass alone after
        "the" names a region; not a part of a place ("the North of Ireland", "the North and East of Europe")."""
        return (self.lang == "en" and word.text in lexicon.REGIONS and not (word.text == "East" and self.stats.west)
                and bool(_THE_BEFORE.search(text, max(0, word.start - 20), word.start)) and not _PART_OF.match(text, word.end))

    def _congress(self, text: str, run: candidates.Run) -> bool:
        """ "elected to Congress", "an act of Congress", "Congress passed": "Congress" with no article
        nor other word of its own before it is the legislature (an organisation), where "the Marseilles
        Congress", "a Congress", "the first league Congress" are meetings, events. In a text that
        names the legislature so, "that Congress", "the first Congress", "the Congress which" are the
        legislature in one of its sessions (but not "the Congress of Vienna")."""
        word = run.words[0]
        if self.lang != "en" or len(run.words) != 1 or word.text != "Congress":
            return False
        before = shapes.previous_word(text, word.start)
        if before is None or before in _BEFORE_A_BODY:  # None: after a number or punctuation
            return True
        # "cried Congress, the President", "A month later Congress called": speaking or acting with no article
        last = before.split()[-1]
        if last in lexicon.SPEECH_VERBS or (last not in _SESSION_BEFORE | {"a", "an"} and _BODY_ACTS.match(text, word.end)):
            return True
        return (self.stats.legislature_congress and before.split()[-1] in _SESSION_BEFORE
                and not re.match(r"\s+of\b", text[word.end:]))

    def _house(self, text: str, run: candidates.Run) -> tuple[Word, ...]:
        """ "the House passed a bill", "too late for action by the House": in a text that names a
        Senate, "the House" alone is the legislature's other chamber (its word, else none)."""
        if not (self.stats.senate and [w.text for w in run.words] == ["House"]):
            return ()
        return run.words if (shapes.previous_word(text, run.words[0].start) or "").split()[-1:] == ["the"] else ()

    def _party(self, text: str, run: candidates.Run) -> bool:
        """ "Republicans contend", "that wing of the Democracy": in a text naming both, the members of
        an American party stand for it (an organisation); after a copula they tell a belief ("The
        Mazzinians were Republicans"), a tendency."""
        word = run.words[0]
        before = shapes.previous_word(text, word.start) or ""
        party = word.text in ("Republicans", "Democrats") or (word.text == "Democracy" and before.endswith("the"))
        if not (self.lang == "en" and self.stats.two_parties and len(run.words) == 1 and party):
            return False
        return not (before and before.split()[0] in _COPULA)

    def _congress_of(self, run: candidates.Run) -> tuple[Word, ...]:
        """ "the Congress of the Confederation", "the Congress of the United States": in a text that
        names the legislature "Congress" with no article, the legislature of a union or of the state,
        one organisation (but "the Congress of Vienna", of a place, stays a meeting)."""
        words = run.words[1:] if run.words[0].text == "The" else run.words
        texts = [w.text for w in words]
        if not (self.stats.legislature_congress and texts[:2] == ["Congress", "of"] and len(texts) > 2):
            return ()
        named = " ".join(texts[3:] if texts[2] == "the" else texts[2:])
        of_state = named == "United States" or words[-1].text in lexicon.ORG_HEADS | lexicon.REGIMES
        return words if of_state else ()

    def _water(self, text: str, word: Word) -> bool:
        """ "on the Columbia", "to the Columbia basin": after "the", a river or sea the text names in
        full elsewhere ("the Columbia River")."""
        return word.text in self.stats.waters and bool(_THE_BEFORE.search(text, max(0, word.start - 20), word.start))

    def _estates(self, text: str, word: Word) -> bool:
        """ "raised by the States", "between Alencon and the Estates": in a text that names the
        States-General, "the States" and "the Estates" are its short forms."""
        return (word.text in ("States", "Estates") and bool({"States-General", "Estates-General"} & self.stats.capitalised)
                and bool(_THE_BEFORE.search(text, max(0, word.start - 20), word.start))
                and not re.match(r"-+\s*General", text[word.end:]))  # "the States--\n General", the full name broken

    def _union(self, text: str, word: Word) -> bool:
        """ "the middle states of the Union.", "the youngest in the Union,", "the Union is represented":
        "the Union" ending a clause or before a verb or a preposition, in a text that writes "Union"
        only after "the" or an adjective, is the federal union, a place (not "the Union branches" of a
        text with "a Union", nor "the Union republics")."""
        return (self.lang == "en" and word.text == "Union" and self.stats.one_union
                and bool(_THE_BEFORE.search(text, max(0, word.start - 20), word.start)) and bool(_AFTER_UNION.match(text, word.end)))

    @staticmethod
    def _short_form(current: list[Word], title: str | None) -> bool:
        return len(current) == 1 and title is None and current[0].text in lexicon.SHORT_FORM_HEADS

    def _ordinary(self, current: list[Word], title: str | None) -> bool:
        """Capitalised ordinary words: a head word alone ("the Street"), a common word or the
        plural of one ("Religion", "Deputies"), words the text also writes in lower case."""
        capitalised = [w.text for w in current if w.capitalised]
        if len(capitalised) == 1 and capitalised[0].isupper():
            # an acronym ("USA", "US", "TUC"), not a word shouted in capitals ("this is a LIE")
            word = capitalised[0]
            return len(word) > 2 and word not in lexicon.STATE_ACRONYMS and self.common(word) >= COMMON_WORD
        # "the Bourgeois Republic", "the Republic of Labor": a form of state, not a place, when all its words are common ones (below)
        regime = len(capitalised) > 1 and any(w in lexicon.REGIMES for w in capitalised)
        if capitalised[1:] == ["Government"] and capitalised[0] in lexicon.GOVERNMENT_LEVELS:
            return True  # "Local Government elections": many bodies, no name
        if not regime and any(w in lexicon.ORG_HEADS or w in lexicon.PLACE_HEADS for w in capitalised):
            return len(capitalised) == 1 and capitalised[0] not in lexicon.PROPER_HEADS and not self._legislature(capitalised[0])
        if len(capitalised) == 1 and title is None and not self.is_place(capitalised[0]):
            word = capitalised[0]
            if self.lang == "de" and self.stats.uses[word] <= GERMAN_RARE_USES and word not in lexicon.GIVEN_NAMES:
                return True
            if (word in lexicon.GIVEN_NAMES or word in self.stats.speakers | self.stats.paired | self.stats.listed | self.stats.surnames) \
                    and word.lower() not in self.stats.lower:
                return False  # "John's letter", "quoth Dick", "Holland and Zealand", "Foster, Denny, Bell": a name the text never writes as a word
            # a common word that the text names a title's territory and never writes in lower case ("Orange")
            territory = word in self.stats.territories and word.lower() not in self.stats.lower
            if (self.common(word) >= COMMON_WORD and not territory) or self._plural_of_common(word):
                return True
            if word.endswith(lexicon.ADJECTIVE_ENDINGS) and self.common(word) >= COMMON_AT_START:
                return True  # "Imperial", "Allied", "Utopian", "Cooperative"
            # (in German a name and "s" is its genitive: "Gregors Zimmer")
            plural = self.lang != "de" and any(s in self.stats.capitalised and s not in lexicon.GIVEN_NAMES
                                               for s in shapes.singulars(word))  # "Peters" beside "Peter" is a surname
            if plural and not word.endswith(lexicon.ORG_ENDINGS):
                return True  # "Cossacks" beside "Cossack regiments": a people or a group, not a body
            if self.lang == "en" and word + "s" in self.stats.inside and word in self.stats.of_a_kind:
                return True  # "a Gaucho told me" beside "the Gauchos": one of a people or a group (not "the Weitlings")
            street = shapes.head(word) and word.rsplit("-", 1)[-1].capitalize() not in lexicon.REGIMES
            if (re.search(r"-[a-z]", word) or self._common_compound(word)) and not street:
                return True  # "Silk-stocking", "Stamp-Case": English compounds; "Saville-row" is a street
            if word.endswith(lexicon.GROUP_ENDINGS) and self.common(word) < COMMON_AT_START:
                return True  # "Chartists", "Londoners", "Hegelian"
        headless = current[-1].text not in lexicon.LOWER_HEADS  # not "the Socialist Revolutionary party"
        # a ruler's epithet or number ("Julius the Second", "Julius II"), a surname's particle ("De Seller")
        regnal = "the" in [w.text for w in current] or shapes.roman(current[-1:]) or current[0].text in candidates.CAPITAL_PARTICLES
        if (len(capitalised) > 1 and title is None and headless and not regnal and all(self._common_noun(w) for w in capitalised)
                and self._word_of_language(capitalised[-1])):
            return True  # "Home Rulers", "Daily Independent": common words, no surname among them
        return all(self._written_lower(w) and self.common(w) >= ORDINARY for w in capitalised)

    def _written_lower(self, word: str) -> bool:
        """The text writes the word in lower case, or its plural or singular ("Stamp" beside "stamps")."""
        lower = word.lower()
        forms = [lower, lower + "s", lower + "es", *(s.lower() for s in shapes.singulars(word))]
        return any(f in self.stats.lower for f in forms)


def _joint_in_run(current: list[Word], rest: Sequence[Word], title: str | None) -> str | None:
    """Where a name ends before ``rest[0]``, judged by the rest of its run (as ``_Reader._joint``)."""
    word, after = rest[0], rest[1:]
    if word.text == "of":
        # "Mr Griffith of the United Irishman": a person, then where he belongs (not "King John of Saxony")
        of_the = bool(after) and after[0].text == "the"
        return "skip" if (title and of_the) or _part_of_body(current, after) or _whose_government(current, after) else None
    return "cut" if _after_body(current, word, rest) or _owned(current, rest) else None


def _shared_head(current: list[Word], rest: Sequence[Word]) -> bool:
    """ "Atlanta and Clark Universities", "the Fifth and Twelfth Armies": two names sharing the
    plural head word after the second, one mention."""
    plural = rest[-1].text if len(rest) == 2 else ""
    heads = lexicon.ORG_HEADS | lexicon.PLACE_HEADS
    return (len(current) == 1 and all(w.capitalised for w in rest) and plural.endswith("s")
            and any(s in heads for s in shapes.singulars(plural)) and not shapes.head(current[0].text))


def _owned(current: list[Word], rest: Sequence[Word]) -> bool:
    """ "the Socialist Labor Party of America's Daniel De Leon Library": a body's name in the
    singular possessive, then another name, which the body owns; not when the possessive
    qualifies the head word right after it ("Working Men’s Association"), nor a plural
    ("Peasants’ Soviets", "Worker’s and Soldiers’ Deputies")."""
    owner = current[-1] if current else None
    return (owner is not None and owner.possessive and not owner.text.endswith("s") and rest[0].capitalised
            and any(shapes.head(w.text) for w in current) and not shapes.head(rest[0].text))


def _whose_government(current: list[Word], rest: Sequence[Word]) -> bool:
    """ "the Government of Russia", "the Provisional Government of Kerensky": whose government it
    is, a place or a person, is no part of its name (but "Government of National Defence")."""
    named = bool(rest) and rest[0].capitalised and (lexicon.is_place(rest[0].text) or lexicon.common(rest[0].text) < COMMON_AT_START)
    return bool(current) and current[-1].text == "Government" and named


def _part_of_body(current: list[Word], rest: Sequence[Word]) -> bool:
    """ "the Lamartines of the Provisional Government", "the Alexander Hall of the Duma": a person
    or a place, then the body it belongs to."""
    return bool(current) and not any(w.text in lexicon.ORG_HEADS for w in current) and any(w.text in lexicon.ORG_HEADS for w in rest)


def _after_body(current: list[Word], word: Word, rest: Sequence[Word]) -> bool:
    """ "As we left the Military Revolutionary Committee Antonov entered": a body's name ends
    with its head word when a name without any head word follows."""
    if not (current and current[-1].text in lexicon.ORG_HEADS and word.capitalised):
        return False
    if len(current) == 1:  # "the most liberal Assembly France ever possessed"
        return len(rest) == 1 and lexicon.is_place(word.text)
    return not any(shapes.head(w.text) or w.text in candidates.PARTICLES for w in rest)


# Lands of a region named by its adjective: "the Balkan states", "the Caucasian countries".
_LANDS = frozenset("states countries lands provinces regions peninsula mountains range".split())


def _adjacent(text: str, words: Sequence[Word]) -> bool:
    """Words apart by spaces only, a line end among them: "General Sterling\nPrice"."""
    return all(text[a.end : b.start].isspace() for a, b in zip(words, words[1:]))


def _adverb(word: str) -> bool:
    """ "Accordingly Attica", "Formerly Hellas": an adverb of the language in "-ly" opening a sentence, made
    of a word of the language ("According", "Former"; not "Kelly", "Connolly", "Italy")."""
    return (word.endswith("ly") and lexicon.common(word) >= COMMON_AT_START and lexicon.common(word[:-2]) >= COMMON_AT_START
            and word not in lexicon.GIVEN_NAMES and not lexicon.is_place(word))


def _demonym_man(word: str) -> bool:
    """ "Irishman", "Frenchwomen", "Dutchmen": a nationality's adjective and "man" name a person of a people;
    so does a plural in "-men" of a common word that the language knows ("Bushmen", "Norsemen", "Guardsmen";
    not a town, "Barmen", "Bremen")."""
    m = re.fullmatch(r"(\w+?)(?:wo)?m[ae]n", word)
    if m is not None and m.group(1) in lexicon.NOT_NAMES:
        return True
    return (word.endswith("men") and len(m.group(1)) >= 4 and lexicon.common(m.group(1)) >= COMMON_WORD
            and lexicon.common(word) >= 1.5 and not lexicon.is_place(word)) if m else False


def _listed_names(listed: str, lang: str) -> list[str]:
    """The members of a list of capitalised words when two or more are rare words (names among
    them), none for a list of common words ("Peace, Land, and Bread") or of peoples ("Belgians,
    Hungarians, Poles")."""
    members = re.split(r",\s+(?:and\s+)?|\s+and\s+", listed)
    peoples = any(w.endswith((*lexicon.GROUP_ENDINGS, "ans", "men")) for w in members)
    return members if not peoples and sum(lexicon.common(w, lang) < COMMON_WORD for w in members) >= 2 else []


def _paired_with_place(text: str, found: Sequence[Word], i: int, lang: str) -> bool:
    """ "Holland and Zealand", "El Carmen or Patagones": a capitalised word joined by "and" or "or"
    to a place of the gazetteer, on either side, with nothing but spaces between."""
    def joined(a: int, b: int) -> bool:
        return (found[a + 1].text in ("and", "or") and text[found[a].end : found[a + 1].start].isspace()
                and text[found[a + 1].end : found[b].start].isspace())

    left = i >= 2 and found[i - 2].capitalised and joined(i - 2, i) and lexicon.is_place(found[i - 2].text, lang)
    right = i + 2 < len(found) and found[i + 2].capitalised and joined(i, i + 2) and lexicon.is_place(found[i + 2].text, lang)
    return left or right


def _after_article(text: str, found: Sequence[Word], i: int) -> bool:
    """German: ``found[i]`` follows an article or determiner, perhaps past inflected adjectives."""
    for j in range(i - 1, max(i - 5, -1), -1):
        previous = found[j]
        if not re.fullmatch(r"[\s,]*", text[previous.end : found[j + 1].start]):
            return False
        if previous.text.lower() in lexicon.GERMAN_DETERMINERS:
            return True
        if previous.capitalised or not _GERMAN_ADJECTIVE.fullmatch(previous.text):
            return False
    return False


def _taken(block: Block, word: Word) -> bool:
    return _overlaps(block.taken, word.start, word.end)


def _overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _outside(run: candidates.Run, spans: list[tuple[int, int]]) -> list[candidates.Run]:
    """The parts of ``run`` outside ``spans``, capitalised at both ends."""
    if not any(_overlaps(spans, w.start, w.end) for w in run.words):
        return [run]
    parts: list[list[Word]] = [[]]
    for word in run.words:
        if _overlaps(spans, word.start, word.end):
            parts.append([])
        else:
            parts[-1].append(word)
    found = []
    for part in parts:
        while part and not part[0].capitalised:
            part = part[1:]
        while part and not part[-1].capitalised:
            part = part[:-1]
        if part:
            found.append(candidates.Run(tuple(part)))
    return found


def _recased_text(words: tuple[Word, ...]) -> str:
    return " ".join(shapes.recase(w).text for w in words)


def _shouted_place(surface: str, lang: str) -> bool:
    """A place of the gazetteer in capitals, not a function word that names a town too ("SUR")."""
    return lexicon.is_place(surface, lang) and lexicon.common(surface, lang) < FUNCTION_WORD


def _shouted_street(words: list[Word]) -> bool:
    """ "ST. MARTIN'S LANE", "MAGDALEN STREET": a few words in capitals ending with a street's head word."""
    return 1 < len(words) <= 4 and words[-1].text in lexicon.STREET_HEADS and words[0].text not in lexicon.FUNCTION_WORDS


def _recased(shouted: list[tuple[int, tuple[Word, ...]]], known: set[str], entities, lang: str) -> list[_Mention]:
    """The names the text has already given in capitals ("PHILEAS FOGG" where "Phileas Fogg" is
    known), the places of the gazetteer ("EMBERLIN & SON, OXFORD") and names ending with a
    place's head word ("111 ST. MARTIN'S LANE")."""
    found = []
    for index, run in shouted:
        words = [shapes.recase(w) for w in run]
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                surface = " ".join(w.text for w in words[i:j])
                place = _shouted_place(surface, lang) or _shouted_street(words[i:j])
                if surface not in known and place:
                    entities.setdefault(surface, consistency.Entity(votes=Counter(place=typing.STRONG)))
                if surface in entities and (surface in known or place):
                    found.append(_Mention(index, tuple(words[i:j]), typing.Context(None, None), True))
                    entities[surface].surfaces[surface] += 1
                    i = j - 1
                    break
            i += 1
    return found


def recognise(
    blocks: Sequence[Block],
    settings: NameSettings = NameSettings(),
    locate: Callable[[int, int], tuple[int, int]] | None = None,
    lang: str = "en",
) -> tuple[list[Found], list[Proposal]]:
    """Mentions and proposals for ``blocks`` in language ``lang``; ``locate(block, offset)`` gives a 1-based (line, col)."""
    words = [candidates.words(b.text) for b in blocks]
    reader = _Reader(_Stats(blocks, words, lang), lang)
    mentions = [m for i, b in enumerate(blocks) for m in reader.mentions(i, b)]
    mentions = [m for m in mentions if m.surface not in settings.reject]
    votes: dict[str, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    for m in mentions:
        votes[m.surface].update(typing.votes([w.text for w in m.words], m.context, lang))
        counts[m.surface] += 1
    entities = consistency.group(votes, counts)
    _town_listed_with_persons(mentions, entities, blocks, lang)
    _listed_with_places(mentions, entities, blocks)
    _named_after_their_kind(mentions, entities, blocks)
    evidence.weigh(mentions, lambda m: entities[m.surface], [b.text for b in blocks], lang)
    kept = {id(entities[m.surface]) for m in mentions if m.credible} - _common_nouns(mentions, entities, lang, blocks)
    kept -= _ships(mentions, entities, blocks)
    kept -= _emphasis(mentions, entities, lang, reader.stats.lower)
    kept -= _peoples(mentions, entities, blocks)
    mentions = [m for m in mentions if id(entities[m.surface]) in kept]
    shouted = [(i, words) for i, words in reader.shouted if _recased_text(words).lower() not in reader.titles]
    mentions += _recased(shouted, {m.surface for m in mentions}, entities, lang)
    mentions += _short_forms(reader.short_forms, mentions, entities)
    mentions += _common_names(reader.common_names, entities)
    mentions.sort(key=lambda m: (m.block, m.words[0].start))
    split = _territories(mentions, entities)

    def entity_of(m: _Mention) -> consistency.Entity:
        return split.get(id(m)) or entities[m.surface]

    return _results(mentions, entity_of, settings, locate or (lambda block, offset: (block + 1, offset + 1)))


def _territories(mentions: list[_Mention], entities) -> dict[int, consistency.Entity]:
    """The territories of titles ("the Prince of Orange") whose word the text also uses for a
    person ("Orange was willing"): a place entry of their own, by mention."""
    places: dict[str, consistency.Entity] = {}
    split = {}
    for m in mentions:
        if m.context.territory and entities[m.surface].kind != "place":
            split[id(m)] = places.setdefault(m.surface, consistency.Entity(votes=Counter(place=typing.STRONG)))
            split[id(m)].surfaces[m.surface] += 1
            entities[m.surface].surfaces[m.surface] -= 1
    return split


_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_GAP_ARTICLED = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")


def _listed_with_places(mentions: list[_Mention], entities, blocks: Sequence[Block]) -> None:
    """Names without any evidence of their kind, listed with places ("At Finsbury Chapel,
    Moorfields, England"; "Louvain, Judoigne, Tirlemont, … and Beaumont"), are places too: in a
    list joined by commas and "and" whose names with evidence are all places, two at least
    (one place beside a name is not enough: "Switzerland, Weitling, August Becker"), or joined to
    one place by "and" or "or" ("between Bensington and Dorchester")."""
    def evidence(m: _Mention) -> bool:
        return any(entities[m.surface].votes[k] for k in typing.KINDS)

    def paired(a: _Mention, b: _Mention) -> bool:
        return re.fullmatch(r"\s+(?:and|or)\s+", blocks[a.block].text[a.words[-1].end : b.words[0].start]) is not None

    found = []
    for members in _lists(mentions, blocks):
        known = [entities[m.surface].kind for m in members if evidence(m)]
        # two names joined by "and", "or", one a place, the other with no evidence: "between Bensington and Dorchester"
        pair = len(members) == 2 and known == ["place"] and paired(*members)
        if (len(members) > 2 and len(known) >= 2 and set(known) == {"place"}) or pair:
            found += [entities[m.surface] for m in members if not evidence(m)]
    for entity in {id(e): e for e in found}.values():
        entity.votes["place"] += typing.MEDIUM


def _town_listed_with_persons(mentions: list[_Mention], entities, blocks: Sequence[Block], lang: str) -> None:
    """ "Alaric, Theodoric, Clovis, Alboin, were zealous Christians": a town's name known only to the
    gazetteer (``evidence.town_only``), listed with three names or more of no evidence at all and with
    no preposition of place before any, is a person's like them, at every mention of it."""
    for members in _lists(mentions, blocks):
        towns = [m for m in members if evidence.town_only(entities[m.surface], lang)]
        others = [m for m in members if m not in towns and not any(entities[m.surface].votes[k] for k in (*typing.KINDS, "cue"))]
        if len({m.surface for m in towns}) == 1 and len(others) == len(members) - len(towns) >= 3 and not any(
                entities[m.surface].votes["cue"] for m in towns):
            entity = entities[towns[0].surface]
            entity.votes["person"] += entity.votes["place"] + typing.WEAK


def _lists(mentions: list[_Mention], blocks: Sequence[Block], articled: bool = False) -> list[list[_Mention]]:
    """The mentions in runs joined by commas and "and" ("Louvain, Judoigne, … and Beaumont"), one
    list a mention standing alone; ``articled``, "and the" joins too ("the Teucteri and the Usipetae")."""
    lists: list[list[_Mention]] = []
    joint = _LIST_GAP_ARTICLED if articled else _LIST_GAP
    for before, m in zip([None, *mentions], mentions):
        gap = before is not None and before.block == m.block and joint.fullmatch(
            blocks[m.block].text, before.words[-1].end, m.words[0].start) is not None
        if gap:
            lists[-1].append(m)
        else:
            lists.append([m])
    return lists


_KIND_BEFORE = re.compile(r"\b([a-z]+)(?:,|:)?\s+$")


def _named_after_their_kind(mentions: list[_Mention], entities, blocks: Sequence[Block]) -> None:
    """Names listed after a plural common noun of their kind ("two new universities, Emory and
    Oglethorpe", "the towns Louvain and Halle"): a vote for that kind, for every name of the list."""
    for members in _lists(mentions, blocks):
        first = members[0]
        text = blocks[first.block].text
        m = _KIND_BEFORE.search(text, max(0, first.words[0].start - 30), first.words[0].start)
        kind = lexicon.KIND_NOUNS.get(m.group(1)) if m else None
        for entity in {id(entities[x.surface]): entities[x.surface] for x in members}.values() if kind else ():
            entity.votes[kind] += typing.MEDIUM


def _common_nouns(mentions: list[_Mention], entities, lang: str, blocks: Sequence[Block]) -> set[int]:
    """Persons by default that are common nouns of the language ("Nationality", "Capitalist",
    "Independents": one word with a common noun's ending, frequent in the word list) or things
    ("Pictorial Surprises"), never after a title, never taking a person's verb ("Marx wrote");
    and names of no evidence but the article before them, always there ("the Agouti", "the Bizcacha")."""
    verdict: dict[int, bool] = {}
    singular = {m.surface for m in mentions if _SINGULAR_VERB.match(blocks[m.block].text, m.words[-1].end)}
    for m in mentions if lang == "en" else ():
        entity = entities[m.surface]
        word = m.surface
        abstract = (len(entity.surfaces) == 1 and " " not in word and len(word) > 7 and word.endswith(lexicon.NOUN_ENDINGS)
                    and lexicon.common(word, lang) >= COMMON_AT_START and word not in lexicon.GIVEN_NAMES)
        # a place by no evidence but the article ("the" is a weak cue for a place; "into the Nevsky" a strong one)
        articled = _articled(m, entity, word in singular)
        unproven = entity.kind == "person" or (articled and entity.votes["cue"] == entity.votes["article"])
        noun = unproven and (abstract or _things(m.words) or articled or _group(m, entity)) and m.context.title is None \
            and not m.context.personal
        verdict[id(entity)] = verdict.get(id(entity), True) and noun
    return {key for key, noun in verdict.items() if noun}


# Capitals of emphasis.  A lone capitalised word this common in lower case (Zipf), with no evidence of a
# name anywhere in the text, may be one; a text that capitalises this many abstract nouns so
# capitalises common words too.
CAPITALISED_COMMON = 3.0
EMPHATIC_WORDS = 3
_ABSTRACT = lexicon.NOUN_ENDINGS + ("ty", "cy", "ry", "phy", "ony", "dom", "ance", "ence", "esse", "ure")


def _capitalised_word(m: _Mention, entity, lang: str, lower: set[str], emphatic: bool = False) -> bool:
    """ "Is Sovereignty some poor Montgolfier", "an impoverished Treasury": one word that no evidence in the
    whole text calls a name (no title, head word, gazetteer, given name or ending: a kind's vote) is a
    capital of emphasis, whatever its article or preposition says, when it is a word of the language (Zipf
    ``CAPITALISED_COMMON`` in lower case) with an abstract noun's ending or written in lower case elsewhere,
    or any word of the list (``lexicon.RARE``) of seven letters or more with such an ending ("blue
    Immensity", "the vectigal of Parsimony").  In a text that capitalises abstract nouns so (``emphatic``),
    any word of the language is one too ("the Clergy", "Despotism tempered by Epigrams")."""
    word = m.surface
    zipf = lexicon.common(word, lang)
    abstract = word.endswith(_ABSTRACT)
    return (" " not in word and not any(entity.votes[k] for k in typing.KINDS) and word not in lexicon.GIVEN_NAMES
            and (zipf >= CAPITALISED_COMMON and (abstract or emphatic or word.lower() in lower)
                 or zipf >= lexicon.RARE and abstract and len(word) > 6))


def _emphatic(mentions: list[_Mention], entities, lang: str) -> bool:
    """A text that capitalises abstract nouns for emphasis: ``EMPHATIC_WORDS`` of them at least
    ("Sovereignty", "Treasury", "Geography" in Carlyle)."""
    return len({m.surface for m in mentions if _capitalised_word(m, entities[m.surface], lang, set())
                and lexicon.common(m.surface, lang) >= CAPITALISED_COMMON and m.context.title is None}) >= EMPHATIC_WORDS


def _shouted_word(m: _Mention, entity, lang: str) -> bool:
    """ "the FOOLISH, the WICKED", "shall reign over OURS": one word in capitals that is a word of the
    language (Zipf ``CAPITALISED_COMMON``), no given name nor a place of the gazetteer, with no evidence of
    a kind but an acronym's weak vote, is emphasis (a name in capitals is known: "CAESAR")."""
    word = m.surface
    recased = word.capitalize()
    acronym_only = not entity.votes["person"] and not entity.votes["place"] and entity.votes["org"] <= typing.WEAK * entity.votes["mentions"]
    return (" " not in word and len(word) > 2 and word.isupper() and lexicon.common(word, lang) >= CAPITALISED_COMMON
            and acronym_only and recased not in lexicon.GIVEN_NAMES and not lexicon.is_place(recased, lang)
            and word not in lexicon.STATE_ACRONYMS)


def _emphasis(mentions: list[_Mention], entities, lang: str, lower: set[str]) -> set[int]:
    """The entities all of whose mentions are capitals of emphasis (``_capitalised_word``, ``_shouted_word``),
    never after a title, never taking a person's verb; English only (the endings and the word list are English)."""
    if lang != "en":
        return set()
    emphatic = _emphatic(mentions, entities, lang)
    verdict: dict[int, bool] = {}
    for m in mentions:
        entity = entities[m.surface]
        emphasis = (_capitalised_word(m, entity, lang, lower, emphatic) or _shouted_word(m, entity, lang)) \
            and m.context.title is None and not m.context.personal
        verdict[id(entity)] = verdict.get(id(entity), True) and emphasis
    return {key for key, emphasis in verdict.items() if emphasis}


def _group(m: _Mention, entity) -> bool:
    """ "a small camp of Confederates", "Again the Confederates sought shelter": one word, the plural of a
    common noun of the language (Zipf ``COMMON_PLURAL``), with no evidence of its kind, after "the" or "of"
    (at every mention: ``_common_nouns`` asks it of each) is a group, no name."""
    word = m.surface
    before = (m.context.previous or "").split()[-1:]
    return (" " not in word and not any(entity.votes[k] for k in typing.KINDS) and before in (["the"], ["of"])
            and word not in lexicon.GIVEN_NAMES and any(lexicon.common(s) >= COMMON_PLURAL and s not in lexicon.GIVEN_NAMES
                                                        for s in shapes.singulars(word)))


# A ship's name after the word for its kind: "the ship of war Decatur", "the ship was called the Tonquin".
_SHIP = re.compile(r"\b(?:ship|sloop|steamer|steamship|frigate|schooner|brig|barque|corvette|cruiser|gunboat)"
                   r"(?:\s+of\s+war)?(?:\s+(?:was\s+)?(?:called|named))?\s+(?:the\s+)?$")


def _ships(mentions: list[_Mention], entities, blocks: Sequence[Block]) -> set[int]:
    """Names of ships, which are no mentions: every name the text gives once after the word for a
    ship's kind, wherever it recurs ("the officers of the Decatur")."""
    return {id(entities[m.surface]) for m in mentions if len(m.words) == 1 and entities[m.surface].votes["person"] == 0
            and _SHIP.search(blocks[m.block].text, max(0, m.words[0].start - 40), m.words[0].start)}


# A people named by what it is: "the tribes of the Usipetes", "a body of the Alemanni", "the king of the
# Marcomanni"; "the Marcomanni, a Suevic tribe", "the Tauri, the original inhabitants", "the Franks, one of
# the number"; "the Goths carelessly trusted themselves", "call themselves Schwaben".
_PEOPLE_BEFORE = re.compile(r"\b(?:tribes?|nations?|races?|swarms?|hordes?)\s+of\s+(?:the\s+)?$"
                            r"|\b(?:body|invasions?|inroads|incursions?|kings?)\s+of\s+the\s+$|\bthemselves\s+$"
                            # a people's wars, land and homes: "his Wars with the Matebele", "the country of the Bushmen"
                            r"|\b(?i:wars?|attacks?|successes|manoeuvres|raids?|defeat|country|villages?|families|chiefs?)"
                            r"\s+(?:with|of|against|among)\s+the\s+$")
# Called a tribe: "a village of Banajoa, a tribe which extends far"; a name of any ending.
_TRIBE_AFTER = re.compile(r",\s+(?:a|an|the|one)\s+(?:[a-z]+\s+){0,2}tribes?\b")
_PEOPLE_AFTER = re.compile(r",?\s+(?:(?:a|an|the|one)\s+(?:of\s+the\s+)?(?:[a-z]+\s+){0,2}"
                           r"(?:tribes?|people|nation|race|inhabitants|natives|number)\b"
                           r"|(?:[a-z]+\s+){0,2}themselves\b|,\s+(?:inhabitants|natives)\b)")


_PEOPLE_CLOSING = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?[A-Z][a-z]+(?:%s)s\b" % "|".join(
    e.removesuffix("s") for e in lexicon.GROUP_ENDINGS if e.endswith("s")))
_PEOPLE_ADJECTIVE = re.compile(r"\b[A-Z][^\W\d_]+(?:ish|ic)\b")


def _peoples(mentions: list[_Mention], entities, blocks: Sequence[Block]) -> set[int]:
    """Peoples and tribes, which are no mentions (the guidelines): one-word names in the plural
    ("-s", a Latin "-i", "-ae", a German "-en") or always after "the" ("the Makololo") that the text once calls
    a tribe, a nation or a people, names by its wars or its land ("Wars with the Matebele", "the country of the
    Bushmen"), or makes the subject of "themselves", or whose adjective it uses ("the Franks" and "Frankish"); one
    word of any ending called a tribe ("Banajoa, a tribe which"); with no title,
    given name, head word or gazetteer entry; and the
    names listed with one of them ("the Suevi, Alemanni, and Marcomanni"), and their adjectives in "-ic"."""
    def plural(word: str) -> bool:
        return word.endswith(("s", "i", "ae", "en")) and not word.endswith("ss") and not lexicon.is_place(word)

    def cued(m: _Mention) -> bool:
        text = blocks[m.block].text
        start, end = m.words[0].start, m.words[-1].end
        # what follows tells of a people only after "the" ("the Goths trusted themselves"; not "Engels found themselves")
        return bool(_PEOPLE_BEFORE.search(text, max(0, start - 30), start) or (_after_the(m) and _PEOPLE_AFTER.match(text, end)))

    def open_kind(entity) -> bool:
        return not (entity.votes["org"] or entity.votes["place"] >= typing.MEDIUM or entity.votes["person"] >= typing.STRONG)

    # a people's adjective in the text: "Frankish" beside "the Franks", "Gothic" beside "the Goths", "Suevic" beside "the Suevi"
    adjectives = {w for b in blocks for w in _PEOPLE_ADJECTIVE.findall(b.text)}
    named = {m.surface for m in mentions}

    def adjective(m: _Mention) -> bool:
        word = m.surface
        stems = {word[:-4], word[:-1]} if word.endswith("ings") else {word[:-1]} if word.endswith(("s", "i")) else set()
        # not a rhetorical plural or a family of a person the text names ("the Napoleons" beside "Napoleon", "Napoleonic")
        return _after_the(m) and not stems & named and any(
            s + e in adjectives for s in stems for e in ("ish", "ic"))

    # a name always after "the" may be a people's of any ending ("the Makololo", "the Matebele")
    bare = {m.surface for m in mentions if not _after_the(m)}
    peoples = {m.surface for m in mentions if len(m.words) == 1 and open_kind(entities[m.surface]) and (
        ((plural(m.surface) or m.surface not in bare) and (cued(m) or adjective(m)))
        or _TRIBE_AFTER.match(blocks[m.block].text, m.words[-1].end))}
    for members in _lists(mentions, blocks, articled=True):
        last = members[-1]
        # a list ending with a people's name in "-ans", "-ites" that is no mention ("called Danaans, Argives, and Achaeans")
        closed = len(members) > 1 and _PEOPLE_CLOSING.match(blocks[last.block].text, last.words[-1].end)
        if closed or any(m.surface in peoples for m in members):
            peoples |= {m.surface for m in members if len(m.words) == 1 and plural(m.surface) and open_kind(entities[m.surface])}
    # their adjectives: "Suevic" (the Suevi), "Alemannic", "Gothic" (the Goths)
    peoples |= {m.surface for m in mentions if m.surface.endswith("ic") and {m.surface[:-1], m.surface[:-2] + "s"} & peoples}
    return {id(entities[surface]) for surface in peoples}


# A verb in the singular after a name: "the Agouti is", "the Bizcacha lives" (a family's plural takes "were").
_SINGULAR_VERB = re.compile(r"[ \t\n]+(?:is|was|has|does)\b")


def _articled(m: _Mention, entity, singular: bool = False) -> bool:
    """ "the Agouti", "the Beagle": one word, named at least ``ARTICLED_USES`` times and every time
    after "the", with no evidence of any kind, is a thing or a creature; a person's name takes no
    article (a family's plural does: "the Orsini", "the Bourbons"; but "the Agouti is" is one creature)."""
    word = m.surface
    return (" " not in word and sum(entity.surfaces.values()) >= ARTICLED_USES and not any(entity.votes[k] for k in typing.KINDS)
            and _after_the(m) and not word.endswith("s")
            and (singular or not typing.family_plural(word)))


def _after_the(m: _Mention) -> bool:
    return (m.context.previous or "").split()[-1:] == ["the"]


def _things(words: Sequence[Word]) -> bool:
    """ "Pictorial Surprises", "Sixpenny-Stamps": several words (or a compound) ending with the plural
    of a common word, and no given name, initial or particle: things, not a person's name ("the
    Bourbons" is one word; "D. Walters", "John Fields", "De Selles" are persons)."""
    parts = [p for w in words for p in w.text.split("-")]
    last = parts[-1].capitalize()
    named = any(p in lexicon.GIVEN_NAMES or len(p.rstrip(".")) == 1 or p.lower() in candidates.PARTICLES
                for p in parts[:-1])  # "D. Walters", "De Selles"
    return (len(parts) > 1 and not named and not shapes.head(last) and any(
        lexicon.common(s) >= COMMON_PLURAL and s not in lexicon.GIVEN_NAMES for s in shapes.singulars(last)))


def _short_forms(found: list[tuple[int, Word]], mentions: list[_Mention], entities) -> list[_Mention]:
    """ "the Commune" where the organisation the text names most, and more than all others
    ending in "Commune" together, is the Paris Commune; "the Palace" for a palace likewise.
    A head word the text never ends a longer name with, and capitalises alone at least
    ``SHORT_FORM_USES`` times, is the name of one body ("the Commune", "the International")."""
    owners: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        entity = entities[m.surface]
        if len(m.words) > 1 and entity.kind == ("place" if m.words[-1].text in lexicon.PLACE_HEADS else "org"):
            owners[m.words[-1].text][entity.main] += 1
    alone = Counter(word.text for _, word in found)
    linked = []
    for index, word in found:
        ranked = owners.get(word.text, Counter()).most_common()
        if ranked and ranked[0][1] > sum(n for _, n in ranked[1:]):
            entities.setdefault(word.text, entities[ranked[0][0]])
        elif not ranked and alone[word.text] >= (PLACE_SHORT_FORM_USES if word.text in lexicon.PLACE_HEADS else SHORT_FORM_USES):
            kind = "place" if word.text in lexicon.PLACE_HEADS else "org"
            entities.setdefault(word.text, consistency.Entity(votes=Counter({kind: typing.STRONG})))
        else:
            continue
        entities[word.text].surfaces[word.text] += 1
        linked.append(_Mention(index, (word,), typing.Context(None, None), True))
    return linked


def _common_names(found: list[tuple[int, tuple[Word, ...], str]], entities) -> list[_Mention]:
    """Names made of common words, of the kind their shape says ("the South", "to Congress", "the
    House of Commons"): one entity per surface."""
    linked = []
    for index, words, kind in found:
        mention = _Mention(index, words, typing.Context(None, None), True)
        entity = entities.setdefault(mention.surface, consistency.Entity())
        if not any(entity.votes[k] for k in typing.KINDS):  # a word met elsewhere with no evidence ("the Treasury")
            entity.votes[kind] += typing.STRONG
        entity.surfaces[mention.surface] += 1
        linked.append(mention)
    return linked


# A department of state named by one word, and its staff after it: "the Treasury officials", "Treasury agents".
_OFFICES = frozenset("Treasury Admiralty Exchequer".split())
_STAFF = re.compile(r"\s+(?:officials|agents|officers|clerks)\b")


def _office_staff(text: str, run: candidates.Run) -> bool:
    """ "devolved upon the Treasury officials", "Under Treasury agents": the department whose staff
    the words after it name (an organisation), where "an impoverished Treasury" is the state's purse."""
    return [w.text for w in run.words] in ([o] for o in _OFFICES) and _STAFF.match(text, run.words[0].end) is not None


def _chamber(run: candidates.Run) -> tuple[Word, ...]:
    """ "the House of Commons", "The House of Representatives", "the Upper House": a chamber of a
    legislature (its words, else none)."""
    words = run.words[1:] if run.words[0].text == "The" else run.words
    texts = [w.text for w in words]
    named = texts in (["House", "of", c] for c in lexicon.CHAMBERS) or texts in (["Upper", "House"], ["Lower", "House"])
    return words if named else ()


def _results(mentions: list[_Mention], entity_of, settings: NameSettings, locate) -> tuple[list[Found], list[Proposal]]:
    ids: dict[int, str] = {}
    taken: set[str] = set()
    first: dict[int, list[Mention]] = defaultdict(list)
    found = []
    by_key = {}
    for m in mentions:
        entity = entity_of(m)
        key = id(entity)
        by_key[key] = entity
        if key not in ids:
            ids[key] = proposal_id(entity.main, taken)
        kind = settings.types.get(entity.main, entity.kind)
        found.append(Found(m.block, m.words[0].start, m.words[-1].end, kind, ids[key]))
        if len(first[key]) < FIRST_MENTIONS:
            first[key].append(Mention(*locate(m.block, m.words[0].start), m.surface))
    proposals = []
    for key, entity_id in ids.items():
        entity = by_key[key]
        surfaces = sorted(((s, n) for s, n in entity.surfaces.items() if n > 0), key=lambda s: (s[0] != entity.main, -s[1], s[0]))
        kind = settings.types.get(entity.main, entity.kind)
        proposals.append(Proposal(entity_id, kind, entity.main, tuple(surfaces), tuple(first[key])))
    return found, proposals


_BLOCK = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")


def recognise_text(text: str, settings: NameSettings = NameSettings(), lang: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, kind) of every name recognised in a plain ``text`` with an empty register.

    Blocks are the text's blank-line separated paragraphs, as the converter reads
    them (a Project Gutenberg file's header and licence left out); a short block without
    final punctuation is taken for a heading."""
    start, end = edition_span(text)
    spans = [(m.start(), m.group()) for m in _BLOCK.finditer(text, start, end)]
    blocks = [Block(body, heading=_heading(body)) for _, body in spans]
    if len(blocks) > 1 and _title(spans[0][1], spans[1][1]):
        blocks[1] = Block(spans[1][1], taken=((0, len(spans[1][1])),), heading=True)
    found, _ = recognise(blocks, settings, lang=lang)
    return [(spans[f.block][0] + f.start, spans[f.block][0] + f.end, f.kind) for f in found]


def _title(first: str, second: str) -> bool:
    """The text's own title, whose names are no mentions ("James Connolly" / "The United Irish
    League, the Labour Party, and …"): the second block, of one or two lines ending in no full
    stop and opening with no "by", after a first block of one line (a byline or a series head)."""
    second = second.rstrip()
    return ("\n" not in first.strip() and second.count("\n") <= 1 and len(second) < 150
            and second[-1] not in ".!?:;" and not second.lower().startswith("by "))


def _heading(body: str) -> bool:
    body = body.rstrip()
    return len(body) < 100 and "\n" not in body and body[-1] not in ".!?:;,\"”’)"
