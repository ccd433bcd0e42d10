"""Publish: assemble the dataset, write every dump and export, swap the release in.

May import: the earlier stages and the base modules; never query or the server.
"""
