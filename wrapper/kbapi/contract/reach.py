"""Two verdicts a schema check cannot give: "nothing answers there" and "your credentials failed".

A documented 401 passes every schemathesis check, so a run with a wrong API key would pass with
every response a 401; and a closed port would show as one connection failure per operation
instead of one clear usage error.
"""

from __future__ import annotations

from typing import Final

import httpx

AUTH_FAILURE: Final = "AuthenticationFailed"
AUTH_TITLE: Final = "Credentials refused"
REFUSED_STATUSES: Final = frozenset({401})


class ServerUnreachable(Exception):
    """No server answers at the URL under test: connection refused, unknown host, no answer."""

    def __init__(self, url: str, error: BaseException) -> None:
        self.url = url
        self.error = error
        detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        super().__init__(
            f"nothing answers at {url} ({detail}); is the server running, and is --url "
            "right (scheme, host and port)? A slow server may need a larger --timeout."
        )


def probe(client: httpx.Client, url: str, headers: dict[str, str]) -> None:
    """One GET of `url`; raise `ServerUnreachable` if no connection opens.

    Any HTTP answer, even a 404 or a 500, means a server is there and the run may go on; no
    answer within the timeout means there is nothing to test.
    """
    try:
        client.get(url, headers=headers).close()
    except (httpx.ConnectError, httpx.TimeoutException, httpx.UnsupportedProtocol) as exc:
        raise ServerUnreachable(url, exc) from exc
    except httpx.HTTPError:
        return  # it answered, badly: the run itself will report what goes wrong


def refused_credentials(status: int, has_credentials: bool) -> str | None:
    """The failure message when the server refused credentials that were given, else None."""
    if not has_credentials or status not in REFUSED_STATUSES:
        return None
    return (
        f"the server answered {status} although credentials were given: the API key or "
        "token is wrong, expired, or for another server"
    )
