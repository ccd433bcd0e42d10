"""Extract: read each document with the rules (in parallel) into its asserted graph.

May import: ingest, reading, claims and the base modules; never link or later stages.
"""
