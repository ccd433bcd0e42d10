"""The linguistic layer: sentences, tokens, parts of speech, dependencies and named entities.

Sentences, the gazetteer's mentions, dates and amounts, the lexicon, and spaCy's small English
pipeline (pinned, checked at load), which parses each document within those sentences.
May import: ingest and the top-level base modules; never claims, the rules or later stages.
"""
