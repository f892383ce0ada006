"""Shared pytest configuration."""

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

from tests.support.faces import FACES, Face, face_named

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Tests never read or write the user's build-time cache (kbapi.qmk.history); the tests of
# that cache pass their own files.
os.environ["KBAPI_BUILD_HISTORY"] = "off"


@pytest.fixture(params=FACES)
def face(request: pytest.FixtureRequest) -> Iterator[Face]:
    """The sync face, then the async one (its calls awaited in an event loop of its own)."""
    with face_named(request.param) as chosen:
        yield chosen
