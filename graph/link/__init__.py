"""Link: tie reference entities to checked Wikidata items and express the Wikidata view.

May import: ingest, reading, claims, extract and the base modules; never reason or later.
"""
