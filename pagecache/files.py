"""The page store's folder on a server without Redis: Django's file-based cache, without its
zlib pass. A stored page is already gzipped, and tokens are a few bytes: compressing them again
only cost every hit a decompression (about a third of a hit's work on the member directory)."""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks


class PageFileCache(FileBasedCache):
    """FileBasedCache storing plain pickles (the expiry, then the value)."""

    # Not Django's ".djcache": a folder written by the zlib backend before is ignored, not read.
    cache_suffix = ".page"

    def get(self, key, default=None, version=None):
        """The value, or `default` when missing or expired."""
        try:
            with open(self._key_to_file(key, version), "rb") as f:
                if not self._is_expired(f):
                    return pickle.load(f)
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        """Give a stored value a new timeout (False when missing or expired)."""
        try:
            with open(self._key_to_file(key, version), "r+b") as f:
                try:
                    locks.lock(f, locks.LOCK_EX)
                    if self._is_expired(f):
                        return False
                    value = pickle.load(f)
                    f.seek(0)
                    self._write_content(f, timeout, value)
                    f.truncate()
                    return True
                finally:
                    locks.unlock(f)
        except FileNotFoundError:
            return False
