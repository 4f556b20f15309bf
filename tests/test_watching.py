"""The dev server listens for changes (inotify) instead of polling: a save is seen at
once, and reading a source, as every rebuild does, is no change."""

from __future__ import annotations

import sys
import threading

import pytest
from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

import watching

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


class Seen(FileSystemEventHandler):
    def __init__(self):
        self.events: list[tuple[str, str]] = []
        self.any = threading.Event()

    def on_any_event(self, event):
        if not event.is_directory:
            self.events.append((event.event_type, event.src_path))
            self.any.set()


def moved_onto_inotify(folder):
    """A polling observer watching `folder`, as MkDocs makes it, moved by `listening`."""
    polling, seen = PollingObserver(), Seen()
    refs = {str(folder): polling.schedule(seen, str(folder), recursive=True)}
    observer, moved = watching.listening(polling, refs)
    return observer, moved, seen


def test_the_watches_move_onto_inotify_with_their_handlers(tmp_path):
    from watchdog.observers.inotify import InotifyObserver

    observer, moved, seen = moved_onto_inotify(tmp_path)
    assert isinstance(observer, InotifyObserver)
    assert list(moved) == [str(tmp_path)]
    assert (moved[str(tmp_path)].path, moved[str(tmp_path)].is_recursive) == (str(tmp_path), True)
    assert observer._handlers[moved[str(tmp_path)]] == {seen}
    assert not observer.is_alive()  # MkDocs starts it when it serves


def test_a_save_is_seen_and_a_read_is_not(tmp_path):
    source = tmp_path / "sub" / "en.md"
    source.parent.mkdir()
    source.write_text("a", encoding="utf-8")
    observer, moved, seen = moved_onto_inotify(tmp_path)
    later = Seen()  # a watch added after the move (MkDocs adds mkdocs.yml's `watch:` folders so)
    observer.schedule(later, str(source.parent), recursive=True)
    observer.start()
    try:
        source.read_text(encoding="utf-8")  # what every rebuild does to every source
        assert not seen.any.wait(0.3) and not later.any.wait(0.05), seen.events + later.events
        source.write_text("b", encoding="utf-8")
        assert seen.any.wait(5) and later.any.wait(5)
        assert ("modified", str(source)) in seen.events and ("modified", str(source)) in later.events
        assert {kind for kind, _ in seen.events + later.events} <= {"created", "deleted", "modified", "moved"}
    finally:
        observer.stop()
        observer.join(5)


def test_without_inotify_the_server_keeps_polling(tmp_path, monkeypatch):
    polling, seen = PollingObserver(), Seen()
    refs = {str(tmp_path): polling.schedule(seen, str(tmp_path))}
    monkeypatch.setitem(sys.modules, "watchdog.observers.inotify", None)  # not Linux: the import fails
    assert watching.listening(polling, refs) is None
    monkeypatch.undo()

    def refused(self, *args, **kwargs):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr("watchdog.observers.inotify.InotifyObserver.schedule", refused)
    assert watching.listening(polling, refs) is None
    assert list(refs) == [str(tmp_path)] and refs[str(tmp_path)] in polling._watches  # left as they were
