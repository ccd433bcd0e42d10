"""diplokg: the pipeline from documents to a validated dataset of named graphs."""

__version__ = "0.1.0"
