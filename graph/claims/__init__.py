"""Claims and evidence: the Claim a rule returns, its phrase in the text, and curated claims.

May import: ingest, reading and the top-level base modules; never extract or later stages.
"""
