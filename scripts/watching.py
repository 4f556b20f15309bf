"""Change watching for the dev server: the kernel's notifications where it gives them.

MkDocs watches by polling. On Linux inotify reports a save at once and costs nothing
between saves; `listening` moves MkDocs' watches, handlers and all, onto it."""

from __future__ import annotations

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers.api import BaseObserver, ObservedWatch

# Changes only: inotify also reports files opened and closed, and every rebuild reads the
# sources, so each rebuild would set off the next.
CHANGES = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


def listening(polling: BaseObserver, refs: dict[str, ObservedWatch]) -> tuple[BaseObserver, dict[str, ObservedWatch]] | None:
    """An inotify observer with every watch of `polling` (not yet started), and `refs`
    (path -> watch) pointing at its watches; None where there is no inotify (not Linux)
    or it refuses a watch (its per-user limit reached): then keep polling. Every watch,
    also one added later, reports changes only."""
    try:
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:
        return None

    class ChangesOnly(InotifyObserver):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(
                event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES, follow_symlink=follow_symlink
            )

    observer = ChangesOnly()
    moved = {}
    try:
        for path, watch in refs.items():
            for handler in polling._handlers.get(watch, ()):  # watchdog keeps no public list
                moved[path] = observer.schedule(handler, watch.path, recursive=watch.is_recursive)
    except OSError:
        observer.unschedule_all()
        return None
    return observer, moved
