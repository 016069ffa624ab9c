"""casetrack: track legal case timelines in an SQLite store."""

__version__ = "0.1.0"
