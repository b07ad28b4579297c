"""Tests of the privacy engine, its recognizers, redaction and PHI-free logs."""
