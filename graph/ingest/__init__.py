"""Ingest: read a corpus folder (documents and their metadata) and refuse what is unusable.

May import: the top-level modules errors, iris, resources, vocab; no other stage.
"""
