"""Reason: what the ontology lets us infer from the asserted facts (OWL RL, by owlrl).

May import: the earlier stages and the base modules; never validate, publish or query.
"""
