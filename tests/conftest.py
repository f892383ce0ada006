"""Shared pytest configuration."""

import os

from hypothesis import settings

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Tests never read or write the user's build-time cache (kbapi.qmk.history); the tests of
# that cache pass their own files.
os.environ["KBAPI_BUILD_HISTORY"] = "off"
