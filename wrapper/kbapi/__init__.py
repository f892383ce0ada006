"""kbapi: clients, mock servers and contract tests for the QMK and Das Keyboard Q APIs."""

__version__ = "0.1.0"
