from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ORIGINAL_ENV = dict(os.environ)

sys.path.insert(0, str(Path(__file__).resolve().parent))

import engine  # noqa: E402
from casebook import LICENSE  # noqa: E402

# The tests build local previews at the placeholder address; a CI run must not turn them
# into release builds, which refuse it (the release tests set these variables themselves).
for _name in ("CI", "LICENSEKIT_RELEASE"):
    os.environ.pop(_name, None)
from licensekit.parse import load  # noqa: E402

# Fixtures that build, serve or drive the site: a test that asks for one is slow.
SLOW_FIXTURES = frozenset({"site", "base_url", "browser", "page", "new_page"})


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "slow: builds, serves or drives the site, or runs a program as a process; left out of `make mutation`",
    )
    # Under `make mutation` the code base is a mutated copy, so such a test would read mutants.
    config.addinivalue_line("markers", "repo: reads the code base, README or installed theme itself; left out of `make mutation`")


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """A bytes value's ID, as pytest writes it when it escapes IDs (pyproject.toml keeps IDs as
    written, and then pytest would put the bytes themselves into the ID and fail)."""
    return val.decode("ascii", "backslashreplace") if isinstance(val, bytes) else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark slow every test that uses a site fixture, so no hand list of slow tests can go stale.

    Then put the modules that hold slow tests first (in their order): xdist hands out modules in
    this order, so the long ones start at once and the short ones fill the gaps at the end,
    instead of one worker finishing a long module while the other waits."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    slow_modules = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_modules)


@pytest.fixture(autouse=True)
def _under_mutmut():
    """Each test starts with cold caches under mutmut. It records which tests reach each
    function, and then runs each mutant in a process forked from its own: a value cached by
    an earlier test or by the original code (a compiled pattern, a validator) would hide the
    function from the record, and the mutant from the test."""
    under = os.environ.get("MUTANT_UNDER_TEST", "")  # "stats", "fail" or a mutant's name
    if not under:
        return
    if "__mutmut_" in under:
        import resource  # Unix only, and needed only here

        # A mutant that grows memory without end fails (MemoryError) instead of starving the
        # machine: mutmut bounds only CPU time. Tests use well under a gigabyte.
        resource.setrlimit(resource.RLIMIT_DATA, (4 << 30, 4 << 30))
    for name, module in list(sys.modules.items()):
        if name == "licensekit" or name.startswith("licensekit."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


# CPU seconds a test may take under a mutant. The slowest test of the mutation run takes
# about 15 s; mutmut's own limit for a mutant is 30 times the time of all the tests that
# reach its function, which for a function the corpus reaches is ten minutes of spinning.
MUTANT_TEST_CPU = 30.0


class SpunTooLong(BaseException):
    """A BaseException, so that no `except Exception` in the code under test can catch it."""


@contextlib.contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Raise SpunTooLong in the code that runs once it has used `seconds` of CPU time
    (user and system; time waiting for a process or a lock does not count), and again
    every second after, should the code catch it and go on."""

    def stop(signum, frame):
        raise SpunTooLong(f"more than {seconds} s of CPU time: a mutant that never ends")

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@pytest.fixture(autouse=True)
def _cpu_budget_under_a_mutant():
    """A mutant that loops forever fails its first test after MUTANT_TEST_CPU seconds."""
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
        yield
        return
    with cpu_budget(MUTANT_TEST_CPU):
        yield


@pytest.fixture(autouse=True)
def _no_leaked_source_date(monkeypatch):
    """The hooks set SOURCE_DATE_EPOCH in the process that runs them; a test that runs them
    in-process must not hand its value to the builds that later tests start (sitemap dates)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    if "SOURCE_DATE_EPOCH" not in ORIGINAL_ENV:
        monkeypatch.delenv("SOURCE_DATE_EPOCH")
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", ORIGINAL_ENV["SOURCE_DATE_EPOCH"])


@pytest.fixture(params=engine.ENGINES)
def each_engine(request, monkeypatch) -> str:
    """The test once on each site engine: `SITE_ENGINE` set for it and the processes it starts."""
    monkeypatch.setenv("SITE_ENGINE", request.param)
    return request.param


@pytest.fixture(scope="session")
def lic():
    """The real sources, parsed once."""
    return load(LICENSE)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site as the engine's `build --strict` writes it (`SITE_ENGINE` picks the engine)."""
    from sitekit import build

    dest = tmp_path_factory.mktemp("site")
    result = build(dest)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return dest


@pytest.fixture(scope="session")
def base_url(site):
    """The built site, served on loopback."""
    from sitekit import serve

    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    from sitekit import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def _contexts(browser):
    """Browser contexts kept for the session, one per set of options, each with a blank page
    kept open beside the tests' pages. Measured here: a page opened after its context's last
    page closed costs about 1.3 s of CPU to load and settle, against 0.6 s while another page
    of the context stays open."""
    made: dict[str, object] = {}
    yield made
    for context in made.values():
        context.close()


@pytest.fixture
def new_page(_contexts, browser, base_url):
    """`new_page(**options)`: a fresh page in the session's context with those context options.

    A new context costs about twice the CPU of a new page in an open one, whose cache is warm,
    and the browser tests open more than a hundred. Each page starts with the site's storage
    (cookies, localStorage, IndexedDB) empty, as in a new context."""
    opened = []

    def make(**options):
        key = repr(sorted(options.items()))
        if key not in _contexts:
            _contexts[key] = browser.new_context(**options)
            _contexts[key].new_page()  # kept open (see _contexts)
        pg = _contexts[key].new_page()
        opened.append(pg)
        cdp = pg.context.new_cdp_session(pg)
        cdp.send("Storage.clearDataForOrigin", {"origin": base_url.rstrip("/"), "storageTypes": "all"})
        cdp.detach()
        return pg

    yield make
    for pg in opened:
        pg.close()


@pytest.fixture
def page(new_page):
    """A fresh page that records console errors and every request's URL."""
    pg = new_page(viewport={"width": 1280, "height": 900})
    pg.errors = []
    pg.requests = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    return pg
