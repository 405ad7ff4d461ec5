"""Languages a text may be written in: ISO 639-1 code → English name (TEI langUsage, Gutenberg headers)."""

NAMES = {"en": "English", "de": "German", "fr": "French", "it": "Italian", "es": "Spanish", "ru": "Russian",
         "nl": "Dutch", "pt": "Portuguese", "da": "Danish", "sv": "Swedish", "la": "Latin", "pl": "Polish"}
CODES = {name: code for code, name in NAMES.items()}
