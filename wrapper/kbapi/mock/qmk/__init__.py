"""Stateful mock of the QMK compile API (api.qmk.fm v1) and the keyboards.qmk.fm metadata.

`create_qmk_app(config, clock=time.time)` returns an ASGI app serving:

- `/v1/...` exactly like api.qmk.fm (route table of the reference, documented error texts);
- `/metadata/v1/...` mirroring keyboards.qmk.fm (`/v1/keyboards/all` and `/v1/usb` redirect there);
- `/files/<id>/<name>?expires=&signature=`, the presigned artifact URLs downloads redirect to.

Jobs move queued -> running -> finished by the clock (`QMKMockConfig.queue_seconds`,
`run_seconds`, `workers`). Test hooks: keymap `__fail__` ends the job as status `failed`;
keymap `__exception__` ends it as a worker exception (`returncode: -3`).
"""

from kbapi.mock.qmk.app import QMKMock, create_qmk_app
from kbapi.mock.qmk.config import QMKMockConfig

__all__ = ["QMKMock", "QMKMockConfig", "create_qmk_app"]
