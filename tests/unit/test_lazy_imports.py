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


def _loaded_after(code: str, prefixes: tuple[str, ...]) -> list[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [name for name in json.loads(out.stdout) if name.startswith(prefixes)]


# What a QMK client's import leaves for later: each of these loads with the first call (or
# client) that needs it, so `from kbapi.qmk import QMKClient` costs little more than httpx.
QMK_LATER = (
    "attr",
    "kbapi._generated",
    "kbapi._core.auth",
    "kbapi._core.client",
    "kbapi._core.retry",
    "kbapi._core.transport",
    "kbapi._core.resend",
    "kbapi.qmk.async_job",
    "kbapi.qmk.downloads",
    "kbapi.qmk.history",
    "kbapi.qmk.job",
    "kbapi.qmk.jobs",
    "kbapi.qmk.keyboard_info",
    "kbapi.qmk.keycodes",
    "kbapi.qmk.keymap",
    "kbapi.qmk.polling",
    "kbapi.qmk.service",
)


@pytest.mark.parametrize(
    "code", ["from kbapi.qmk import QMKClient", "from kbapi.qmk import AsyncQMKClient"]
)
def test_a_qmk_client_import_loads_no_generated_client_jobs_keymap_checks_or_downloads(
    code: str,
) -> None:
    assert _loaded_after(code, QMK_LATER) == []


def test_a_qmk_client_polls_without_the_generated_client_or_keymap_checks() -> None:
    code = (
        "import httpx\n"
        "from kbapi import TransportOptions\n"
        "from kbapi.qmk import QMKClient\n"
        "body = {'id': 'j', 'created_at': 't', 'enqueued_at': None, 'is_failed': None,"
        " 'status': 'running', 'result': None}\n"
        "answer = httpx.MockTransport(lambda request: httpx.Response(200, json=body))\n"
        "options = TransportOptions(transport=answer)\n"
        "with QMKClient('http://127.0.0.1:9', http_options=options, build_history=None) as q:\n"
        "    assert q.status('j').status == 'running'\n"
    )
    loaded = _loaded_after(code, QMK_LATER)
    assert "kbapi.qmk.jobs" in loaded
    assert not [name for name in loaded if name.startswith(("attr", "kbapi._generated"))]
    assert not [name for name in loaded if name.startswith("kbapi.qmk.key")]


def test_moved_qmk_names_keep_their_old_addresses() -> None:
    from kbapi.qmk import async_client, client, common, polling, service

    assert client.CompileJob.__name__ == "CompileJob"
    assert async_client.AsyncCompileJob.__name__ == "AsyncCompileJob"
    assert common.ApiStatus is service.ApiStatus and common.build_log is service.build_log
    assert polling.PollPolicy.__module__ == "kbapi.qmk.policy"
    with pytest.raises(AttributeError, match="Nope"):
        _ = common.Nope  # type: ignore[attr-defined]


def test_a_deferred_module_loads_on_first_use_and_then_takes_its_place() -> None:
    code = (
        "from kbapi._lazy import defer\n"
        "defer(globals(), gen_types='kbapi._generated.q_api.types')\n"
        "import sys\n"
        "assert 'kbapi._generated.q_api.types' not in sys.modules\n"
        "stand_in = gen_types\n"
        "assert gen_types.UNSET is not None and gen_types is sys.modules[gen_types.__name__]\n"
        "assert stand_in.Unset is gen_types.Unset  # the stand-in still answers\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "ok"


# What a Q client's import leaves for its constructor or first call.
Q_LATER = (
    "attr",
    "csv",
    "kbapi._generated",
    "kbapi._core.auth",
    "kbapi._core.client",
    "kbapi._core.retry",
    "kbapi._core.resend",
    "kbapi.daskeyboard._shared",
    "kbapi.daskeyboard.arguments",
    "kbapi.daskeyboard.paint",
    "kbapi.daskeyboard.reader",
    "kbapi.daskeyboard.signals",
    "kbapi.daskeyboard.zones",
    "kbapi.daskeyboard.executor",
    "kbapi.daskeyboard.async_executor",
    "kbapi.daskeyboard.pager",
    "kbapi.daskeyboard.async_pager",
)


@pytest.mark.parametrize(
    "code", ["from kbapi.daskeyboard import QClient", "from kbapi.daskeyboard import AsyncQClient"]
)
def test_a_q_client_import_loads_no_generated_models_oauth_zones_or_signal_logic(
    code: str,
) -> None:
    assert _loaded_after(code, Q_LATER) == []


def test_a_local_q_client_sends_without_oauth_paint_or_paging() -> None:
    code = (
        "from kbapi.mock.daskeyboard import create_local_app\n"
        "from kbapi.testing import serve\n"
        "from kbapi.daskeyboard import QClient\n"
        "with serve(create_local_app()) as url, QClient.local(url, rate_limiter=None) as q:\n"
        "    assert q.send('KEY_Q', 'red').zone_id == '2,2'\n"
    )
    loaded = _loaded_after(code, Q_LATER)
    assert "kbapi.daskeyboard.signals" in loaded and "kbapi.daskeyboard.reader" in loaded
    assert not [name for name in loaded if name.endswith(("executor", "pager", "core.auth"))]
