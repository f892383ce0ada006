"""The top-level package: lazy public names, cheap to import."""

from __future__ import annotations

import subprocess
import sys

import kbapi
import pytest


def test_public_names_resolve_to_the_api_classes() -> None:
    from kbapi.daskeyboard import QClient
    from kbapi.qmk import QMKClient

    assert kbapi.QMKClient is QMKClient and kbapi.QClient is QClient
    assert issubclass(kbapi.RateLimitError, kbapi.APIError)
    assert set(kbapi.__all__) <= set(dir(kbapi))


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = kbapi.Nope  # type: ignore[attr-defined]


def test_import_kbapi_loads_no_client_code() -> None:
    prefixes = "('kbapi', 'httpx')"
    code = f"import kbapi, sys; print(sorted(m for m in sys.modules if m.startswith({prefixes})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # The version string lives in kbapi._version (the packaging reads it from there too).
    assert out.stdout.strip() == "['kbapi', 'kbapi._version']"
