"""Plays (edition/convert/drama.py): speeches with their speakers, stage directions, the cast list,
acts and scenes, on plays made up for these tests in the typographic conventions of printed plays
and their transcriptions; and a novel's dialogue, which is no play."""

from __future__ import annotations

import subprocess

import pytest
from lxml import etree, html

from edition.convert import convert_document
from edition.convert.drama import label
from edition.convert.model import Block
from edition.xmlio import TEI_NS
from tests.buildkit import built_valid, html5_clean
from tests.epub_build import NSMAP, documents, epubcheck_messages
from tests.test_convert_gutenberg import AS_NEW
from tests.test_convert_helpers import make_project
from tests.test_corpus_convert import plain, restored_text

NS = {"t": TEI_NS}

# Title-case speakers with a full stop and two spaces, bracketed directions (one over two lines),
# a cast list, "FIRST ACT" / "SECOND ACT" with a "SCENE" line under each.
FERRY = """The Ferry at Dawn
A Comedy in Two Acts


THE PERSONS IN THE PLAY

Martha Quill, a ferrywoman
Tobias Venn
Lady Harrowgate
Pim, a boy


FIRST ACT


SCENE

A landing stage on the river at first light.  Mist over the water.

[Martha is coiling a rope.  Pim sits on a barrel.]

Pim.  Is the ferry late again, Martha?

Martha.  The ferry is never late.  The river is early.

Pim.  That is what you said yesterday.

Martha.  [Without looking up.]  And I shall say it tomorrow, if the
river obliges me.

[Enter Tobias Venn, carrying a hatbox.]

Tobias.  Is this the ferry for Harrowgate?

Martha.  It is the ferry for the other bank.  Harrowgate is your own
affair after that.

Tobias.  I have an appointment with Lady Harrowgate at nine.

Pim.  Nobody has an appointment with Lady Harrowgate.  [Laughs.]

Tobias.  I assure you I have one in writing.

Martha.  Then you had better hold it above the water.  [She unties the boat.]

Curtain.


SECOND ACT


SCENE

The far bank.  A gate with a bell.

[Enter Lady Harrowgate, with a letter in her hand.]

Lady Harrowgate.  Which of you is Mr. Venn?

Tobias.  I am, Lady Harrowgate.  I came by the ferry.

Lady Harrowgate.  Everyone comes by the ferry.  That is no
recommendation.

Martha.  He kept his hatbox dry, my lady.

Lady Harrowgate.  [Taking the hatbox.]  Then he may stay to luncheon.

Pim.  May I stay to luncheon?

Lady Harrowgate.  You may stay to wash the dishes.

[Exeunt.]
"""

# Speakers in capitals: the name on a line of its own, the name and a bracketed direction before
# a full stop; "ACT I" with scenes; a direction in parentheses and one in italics.
LANTERN = """THE LANTERN


ACT I


SCENE I. A workshop.

(ROSA at the bench.  Enter GIDEON.)

GIDEON [shaking the rain off]. The lamp is out in the lane again.

ROSA. Then light it, Gideon. You have the matches.

GIDEON
I have the matches and no oil.

ROSA. There is oil in the blue can under the stairs.

GIDEON [going]. Under the stairs, where the cat sleeps.

ROSA. The cat does not drink oil.

_Exit Gideon._


SCENE II. The lane.

GIDEON. The wind will have it out again in an hour.

ROSA
Then you will light it again in an hour.

GIDEON. And who will thank me for it?

ROSA. The next man who does not fall into the ditch.

GIDEON. He will never know it was me.

ROSA. That is the best kind of thanks there is.

GIDEON. Rosa, you talk like a sermon.

ROSA. And you listen like a congregation.
"""

# A novel: dialogue in quotation marks, a few paragraphs opening with a name and a full stop.
NOVEL = """THE MILL HOUSE


CHAPTER I

Mr. Arden came down to the mill in the spring of the year, when the
water was high and the wheel loud enough to drown a conversation.

"You will not hear yourself think," said the miller.

"I did not come to think," said Mr. Arden.

Arden. The name was not known in the valley, and the miller said so.

"It is known where I come from," said Mr. Arden, and he said no more.

Morning. The wheel turned, and the miller's wife brought out bread.

Evening. The wheel was still, and the valley heard itself again.
"""


@pytest.mark.parametrize("text, name, speech", [
    ("Algernon.  Did you hear what I was playing, Lane?", "Algernon", "Did you hear"),
    ("Lady Bracknell.  Good afternoon.", "Lady Bracknell", "Good afternoon."),
    ("Rev. Canon Chasuble.  Ah!", "Rev. Canon Chasuble", "Ah!"),
    ("ALGERNON [Languidly.] I don't know.", "ALGERNON", "[Languidly.] I don't know."),
    ("HELMER [calls out from his room]. Is that my little lark?", "HELMER", "[calls out from his room]. Is that"),
    ("_Mrs. Linde_ (_looking at her watch_). Not yet.", "Mrs. Linde", "(_looking at her watch_). Not yet."),
    ("_Krogstad_. Really?", "Krogstad", "Really?"),
    ("_Judoc._ Wat zegt gij?", "Judoc", "Wat zegt gij?"),
    ("HAMLET: To be, or not to be.", "HAMLET", "To be"),
    ("LADY BRACKNELL\nGood afternoon, dear Algernon.", "LADY BRACKNELL", "Good afternoon"),
])
def test_the_label_of_a_speech_in_each_convention(text, name, speech):
    found = label(Block("p", text, 0))
    assert found is not None and found[0] == name and text[found[1] :].strip().startswith(speech)


@pytest.mark.parametrize("text", ["Sect. 4. It having been shewn.", "CHAPTER. I.", "ACT II.  The Garden.", "I. The Period",
                                  "De Hr. Gabriël ergert zich.", "Mr. Smith went home.", "Lady Bracknell would say so."])
def test_a_number_a_heading_or_a_sentence_is_no_label(text):
    assert label(Block("p", text, 0)) is None


def _tree(tmp_path, text: str, title: str):
    return convert_document(make_project(tmp_path, text, extra_toml=AS_NEW, title=title, register=None).edition("sample"))


def _local(node) -> str:
    return etree.QName(node).localname


def test_speeches_stage_directions_cast_list_and_acts_of_a_play(tmp_path):
    tree = _tree(tmp_path, FERRY, "The Ferry at Dawn")
    (cast,) = tree.xpath("//t:front/t:div[@type = 'cast']", namespaces=NS)
    assert cast.xpath("t:castList/t:head/text()", namespaces=NS) == ["THE PERSONS IN THE PLAY"]
    assert [plain("".join(i.itertext())) for i in cast.iterfind("t:castList/t:castItem", NS)] == [
        "Martha Quill, a ferrywoman", "Tobias Venn", "Lady Harrowgate", "Pim, a boy"]
    acts = tree.xpath("//t:body/t:div", namespaces=NS)
    assert [(a.get("type"), a.get("n")) for a in acts] == [("act", "1"), ("act", "2")]
    speakers = [s.text for s in tree.iter(f"{{{TEI_NS}}}speaker")]
    assert speakers[:4] == ["Pim.", "Martha.", "Pim.", "Martha."] and len(speakers) == 17
    assert "Lady Harrowgate." in speakers
    assert all([_local(c) for c in sp] == ["speaker", "p"] for sp in tree.iter(f"{{{TEI_NS}}}sp"))
    # directions on their own (one over two lines), inside a speech, and "Curtain."
    alone = tree.xpath("//t:div/t:stage", namespaces=NS)
    assert [plain("".join(s.itertext())) for s in alone] == [
        "Martha is coiling a rope. Pim sits on a barrel.", "Enter Tobias Venn, carrying a hatbox.", "Curtain.",
        "Enter Lady Harrowgate, with a letter in her hand.", "Exeunt."]
    assert [s.get("rend") for s in alone] == ["bracketed", "bracketed", None, "bracketed", "bracketed"]
    inline = tree.xpath("//t:sp/t:p/t:stage/text()", namespaces=NS)
    assert inline == ["Without looking up.", "Laughs.", "She unties the boat.", "Taking the hatbox."]
    assert not tree.xpath("//t:supplied", namespaces=NS)
    # a speaker's label names no one: the speeches' words are read for names, the labels not
    assert not tree.xpath("//t:speaker/*", namespaces=NS)
    assert restored_text(tree) == plain(FERRY)


def test_speakers_in_capitals_on_their_own_line_or_before_a_direction(tmp_path):
    tree = _tree(tmp_path, LANTERN, "The Lantern")
    speakers = [s.text for s in tree.iter(f"{{{TEI_NS}}}speaker")]
    assert speakers[:3] == ["GIDEON", "ROSA.", "GIDEON"] and len(speakers) == 14
    first = tree.xpath("//t:sp", namespaces=NS)[0]
    assert plain("".join(first.find(f"{{{TEI_NS}}}p").itertext())) == "shaking the rain off. The lamp is out in the lane again."
    assert first.xpath("t:p/t:stage/@rend", namespaces=NS) == ["bracketed"]
    stages = tree.xpath("//t:div/t:stage", namespaces=NS)
    assert [s.get("rend") for s in stages] == ["parenthesised", None]
    assert [plain("".join(h.itertext())) for h in stages[1].iterfind("t:hi", NS)] == ["Exit Gideon."]  # italics kept as hi
    assert [d.get("type") for d in tree.xpath("//t:body//t:div", namespaces=NS)] == ["act", "scene", "scene"]
    assert restored_text(tree) == plain(LANTERN)


def test_a_novel_with_a_few_paragraphs_opening_with_a_name_is_no_play(tmp_path):
    tree = _tree(tmp_path, NOVEL, "The Mill House")
    assert not tree.xpath("//t:sp | //t:stage | //t:castList", namespaces=NS)
    assert [d.get("type") for d in tree.xpath("//t:body//t:div", namespaces=NS)] == ["section"]
    assert restored_text(tree) == plain(NOVEL)


@pytest.mark.slow
def test_a_play_is_valid_and_rendered_in_html_epub_and_print(tmp_path):
    dist = built_valid(make_project(tmp_path, FERRY, extra_toml=AS_NEW, title="The Ferry at Dawn", register=None))
    page = html.parse(str(dist / "html" / "s01.html")).getroot()
    speech = page.xpath("//main//div[@class = 'sp']")[0]
    assert speech.xpath("p[1]/@class") == ["speaker"] and speech.xpath("string(p[1])") == "Pim."
    direction = page.xpath("string(//main//p[@class = 'stage'][1])")  # (a name's tip inside)
    assert direction.startswith("[Martha") and direction.endswith("sits on a barrel.]")
    assert page.xpath("//main//div[@class = 'sp']//span[@class = 'stage']")
    assert "Section 1, speech 2" in page.xpath("//main//div[@class = 'sp'][2]//a[@class = 'permalink']/@data-where")
    title_page = html.parse(str(dist / "html" / "index.html")).getroot()
    cast = title_page.xpath("//div[@class = 'cast-list']/ul/li")
    assert len(cast) == 4 and cast[3].xpath("string()").endswith(", a boy")
    html5_clean(dist / "html", tmp_path)
    epub = dist / "sample.epub"
    act = documents(epub)["s02.xhtml"]
    assert act.xpath("//h:p[@class = 'speaker']/text()", namespaces=NSMAP)[0] == "Lady Harrowgate."
    assert [m for m in epubcheck_messages(epub) if m["severity"] != "USAGE"] == []
    pdf = plain(subprocess.run(["pdftotext", str(dist / "sample.pdf"), "-"], capture_output=True, text=True, check=True).stdout)
    assert "Pim. Is the ferry late again, Martha?" in pdf.replace("\n", " ")
    assert "[Enter Tobias Venn, carrying a hatbox.]" in pdf
