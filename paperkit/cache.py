"""The per-user download cache (arXiv metadata, PDFs, parsed papers).

It lives in the platform's cache folder (platformdirs) unless `$PAPERKIT_CACHE` names another.
Everything in it can be deleted at any time; it is refilled on the next fetch.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "PAPERKIT_CACHE"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        root = Path(override).expanduser()
    else:
        from platformdirs import user_cache_dir

        root = Path(user_cache_dir("paperkit", appauthor=False))
    root.mkdir(parents=True, exist_ok=True)
    return root
