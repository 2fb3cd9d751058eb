"""The page store's folder (pagecache.files.PageFileCache): Django's file-based cache without the
second compression, which reads what it wrote, expires and touches as Django's does, and ignores
a folder the zlib backend wrote before."""

import time

from django.core.cache.backends.filebased import FileBasedCache

from pagecache.files import PageFileCache


def test_values_come_back_as_stored_and_uncompressed_on_disk(tmp_path):
    store = PageFileCache(str(tmp_path), {})
    body = b"\x1f\x8b already gzipped page" * 50
    store.set("entry", (("site", "path"), 200, (("Content-Encoding", "gzip"),), body), 60)
    assert store.get("entry") == (("site", "path"), 200, (("Content-Encoding", "gzip"),), body)
    (written,) = tmp_path.glob("*.page")
    assert body in written.read_bytes()
    assert store.get_many(["entry", "missing"]).keys() == {"entry"}


def test_an_expired_value_is_missing_and_touch_gives_a_new_timeout(tmp_path):
    store = PageFileCache(str(tmp_path), {})
    store.set("token", "abc", 1)
    assert store.touch("token", 60) is True
    time.sleep(1.1)
    assert store.get("token") == "abc"
    store.set("gone", "x", 1)
    time.sleep(1.1)
    assert store.get("gone", "default") == "default"
    assert store.touch("gone", 60) is False


def test_a_folder_written_by_the_zlib_backend_is_ignored(tmp_path):
    FileBasedCache(str(tmp_path), {}).set("entry", "compressed", 60)
    store = PageFileCache(str(tmp_path), {})
    assert store.get("entry") is None
    store.set("entry", "plain", 60)
    assert store.get("entry") == "plain"
