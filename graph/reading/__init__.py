"""Reading: sentences, the gazetteer's mentions, dates, amounts, the lexicon, and spaCy's parse.

May import: ingest and the base modules; never claims, extract (the rules) or later stages.
"""
