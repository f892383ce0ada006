"""Show a caller's value in an error message without ever failing while doing so."""

from __future__ import annotations


def shown(value: object, limit: int = 60) -> str:
    """`repr(value)` cut to `limit` characters; ``<type>`` when repr itself fails.

    repr raises for ints over 4300 digits and for some objects, and an error message must not
    turn into a second error.
    """
    try:
        text = repr(value)
    except Exception:
        return f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."
