"""The linguistic layer: sentences, tokens, parts of speech, dependencies and named entities.

spaCy's small English pipeline (pinned, checked at load) parses each document within the
sentences of graph/text.py; the rules read its tokens beside the gazetteer's mentions.
May import: ingest, text, gazetteer, mentions, values, lexicon; never the rules.
"""
