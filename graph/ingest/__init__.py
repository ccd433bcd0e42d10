"""Ingest: read a corpus folder (documents and their metadata) and refuse what is unusable.

May import: the base modules (errors, iris, resources, terms, vocab); no other stage.
"""
