"""Whether a draft states that the patient consented to being featured.

A patient story "shared with permission" or with "signed media consent on file" may still go
out, but only after the privacy office has checked the consent: its findings ask for review
instead of blocking. Warnings about consent ("never post without consent") are not statements
of it and do not match.
"""

from __future__ import annotations

import re

_CONSENT = re.compile(
    r"(?ix)"
    r"\b(?:shared|posted|used|published|featured)\s+with\s+(?:(?:his|her|their|the\s+family'?s|"
    r"the\s+patient'?s|[\w'’]+'s)\s+)?(?:full\s+|kind\s+|written\s+)?(?:permission|consent|blessing)\b"
    r"|\b(?:signed|written)\s+(?:media\s+|photo\s+|patient\s+)?(?:consent|release|authori[sz]ation)"
    r"(?:\s+form)?s?\s+(?:is\s+|are\s+)?on\s+file\b"
    r"|\b(?:media|photo)\s+(?:consent|release)\s+(?:is\s+)?on\s+file\b"
    r"|\b(?:gave|given|granted)\s+(?:us\s+)?(?:(?:his|her|their)\s+)?(?:permission|consent)\s+to\s+"
    r"(?:share|post|feature|tell)\b"
)


def states_consent(text: str) -> bool:
    """True when the draft says the patient (or family) consented to this post."""
    return _CONSENT.search(text) is not None
