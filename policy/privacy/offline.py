"""Keep Presidio from reaching the network at run time.

Presidio's e-mail recognizer validates domains with tldextract, which downloads the public suffix
list on first use. Hospitals run Clearpost behind firewalls and tests have no network, so we point
tldextract at the snapshot it ships with before any recognizer runs.
"""

from __future__ import annotations

import tldextract
import tldextract.tldextract


def use_bundled_public_suffix_list() -> None:
    """Replace tldextract's default extractor with one that never fetches anything."""
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
    )
