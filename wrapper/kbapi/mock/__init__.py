"""Stateful mock servers (ASGI apps) for the QMK API and the Das Keyboard Q API.

- `kbapi.mock.qmk.create_qmk_app`: api.qmk.fm v1 plus the keyboards.qmk.fm metadata mirror.
- `kbapi.mock.daskeyboard`: the Q local and cloud apps.
- `kbapi.mock.faults.with_faults`: seeded fault injection around any ASGI app.
- `kbapi.mock.runner.running_mocks` / `run_mocks`: all three servers in one process (`kbapi mock`).

The mocks never import the wrapper's client code, so that they stay an independent witness of the
specs; they only share pure data from `kbapi._data`.
"""
