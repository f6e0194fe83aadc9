"""Hooks of the whole run (the session's own fixtures see only this conftest's hooks; the tests'
fixtures live in ``tests/conftest.py``)."""

import threading
import warnings

import pytest

#: The session's setup that branch coverage (``make test COVERAGE=1``) does not measure: the
#: test database migrated and the demo seeded are the tests' ground, not what they prove, and
#: traced they cost the coverage run about a minute (bench/RESULTS.md, issue 18, goal 5).
UNMEASURED_SETUP = {"django_db_setup", "seeded_demo"}


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    paused = _coverage_paused(fixturedef.argname)
    yield
    if paused is not None:
        with warnings.catch_warnings():  # started again, it finds the project already imported
            warnings.simplefilter("ignore")
            paused.start()


def _coverage_paused(argname):
    """The running coverage, stopped, for a setup in ``UNMEASURED_SETUP`` run while no other
    thread runs (a live server's thread would not be traced again after a restart)."""
    if argname not in UNMEASURED_SETUP or threading.active_count() > 1:
        return None
    try:
        import coverage
    except ImportError:  # pragma: no cover - coverage is a test dependency
        return None
    measuring = coverage.Coverage.current()
    if measuring is None:
        return None
    measuring.stop()
    return measuring
