"""Compiled theme templates, kept for the life of the process.

The dev server loads the configuration afresh for every rebuild, and with it a new
Jinja2 environment that compiles Material's templates again: the largest part of a
rebuild. Each entry is keyed by the template's name and checksum, so an edit recompiles.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


CACHE = MemoryBytecodeCache()
