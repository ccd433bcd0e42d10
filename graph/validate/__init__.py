"""Validate: check graphs against the SHACL shapes; withdraw claims that break them.

May import: the earlier stages and the base modules; never publish or query.
"""
