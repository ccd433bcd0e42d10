"""Query: the engines behind the CLI and the endpoint (embedded, pooled, remote stores).

May import: every stage before it and the base modules; never the server.
"""
