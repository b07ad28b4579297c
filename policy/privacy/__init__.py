"""Privacy (PHI) checks: Presidio with healthcare recognizers, and redacted previews."""

from policy.privacy.engine import PrivacyEngine, get_privacy_engine
from policy.privacy.redaction import redact

__all__ = ["PrivacyEngine", "get_privacy_engine", "redact"]
