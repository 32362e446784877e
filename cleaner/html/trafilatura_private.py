"""The trafilatura names cleaner uses that are not in its public API (`__all__`), all here.

cleaner calls trafilatura through `bare_extraction` and `load_html`. A few private
helpers are still worth borrowing: the page repairs its loader makes (so that our
faster parse gives the tree the extractor expects) and the metadata readers (so that
the title and author come from the same places trafilatura reads them, without the
costly readers we do not need). A private name can change in any release, so this
module is written for one version, WRITTEN_FOR, and tests/test_html_trafilatura.py
fails (it does not skip) on any other: an upgrade means reading these names again.
"""

from __future__ import annotations

from trafilatura.json_metadata import extract_json, extract_json_parse_error, normalize_json
from trafilatura.metadata import (
    JSON_MINIFY,
    examine_meta,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.utils import DOCTYPE_TAG, repair_faulty_html

WRITTEN_FOR = "2.3.1"  # the trafilatura whose private names these are

__all__ = [
    "DOCTYPE_TAG", "JSON_MINIFY", "WRITTEN_FOR", "examine_meta", "extract_json",
    "extract_json_parse_error", "extract_sitename", "extract_title", "extract_url",
    "normalize_json", "repair_faulty_html",
]
