"""kbapi: clients, mock servers and contract tests for the QMK compile API and the Das Keyboard Q API."""

__version__ = "0.1.0"
