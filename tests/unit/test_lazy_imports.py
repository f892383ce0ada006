"""Import laziness: the generated model packages (tools/lazy_models.py) and the clients."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

PACKAGES = ("qmk_api", "qmk_keyboards", "q_api")


def _modules_after(code: str) -> list[str]:
    """The kbapi and asyncio modules a fresh interpreter holds after running `code`."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [name for name in json.loads(out.stdout) if name.startswith(("kbapi", "asyncio"))]


@pytest.mark.parametrize("package", PACKAGES)
def test_a_models_package_loads_no_model_until_asked(package: str) -> None:
    loaded = _modules_after(f"import kbapi._generated.{package}.models")
    assert not [name for name in loaded if f"{package}.models." in name]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_listed_model_resolves_to_its_class(package: str) -> None:
    models = importlib.import_module(f"kbapi._generated.{package}.models")
    assert models.__all__ and sorted(models.__all__) == dir(models)
    for name in models.__all__:
        assert getattr(models, name).__name__ == name
    with pytest.raises(AttributeError, match="NoSuchModel"):
        _ = models.NoSuchModel


@pytest.mark.parametrize(
    "code", ["from kbapi.qmk import QMKClient", "from kbapi.daskeyboard import QClient"]
)
def test_a_sync_client_loads_no_event_loop_and_no_async_or_oauth_code(code: str) -> None:
    loaded = _modules_after(code)
    assert "asyncio" not in loaded
    assert not [name for name in loaded if name.endswith(("async_client", "async_transport"))]
    assert "kbapi._core.auth" not in loaded or "daskeyboard" in code


def test_package_names_load_on_first_use() -> None:
    from kbapi import qmk

    assert qmk.QMKClient.__name__ == "QMKClient" and "QMKClient" in dir(qmk)
    with pytest.raises(AttributeError, match="Nope"):
        _ = qmk.Nope  # type: ignore[attr-defined]
