"""The spaCy side of the engine: the patient tagger, fine-tuned from the configured model.

The engine runs one spaCy pipeline per draft: the configured model's tokenizer and the patient
tagger (``tagger``), the model's entity recognizer fine-tuned on labelled posts, which also
finds the names and places that are not patients' identifiers. The model's tagger, parser,
lemmatizer and general entity recognizer are not loaded: the recognizers read only the tokens
and the tagger's entities. Presidio's context check compares words with lemmas; without a
lemmatizer the lower-cased word stands in for its lemma.
"""

from __future__ import annotations

from pathlib import Path

from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc

from policy.privacy.tagger import TAGGER_PATH, load_tagger

# The pipes the engine runs: the tagger's entity recognizer alone.
PIPELINE = ("ner",)


class TaggerNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, running the patient tagger trained from the configured model."""

    def __init__(self, model_name: str, tagger_path: Path = TAGGER_PATH) -> None:
        super().__init__(models=[{"lang_code": "en", "model_name": model_name}])
        self.model_name = model_name
        self.tagger_path = tagger_path

    def load(self) -> None:
        """Load the shipped tagger from disk; never downloads (Presidio would)."""
        self.nlp = {"en": load_tagger(self.tagger_path, self.model_name)}  # type: ignore[assignment]

    def artifacts(self, doc: Doc) -> NlpArtifacts:
        """What Presidio's recognizers read from one processed draft."""
        return self._doc_to_nlp_artifact(doc, "en")

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        # The tagger's entities are read from the doc by its own recognizers, with their labels;
        # Presidio's mapping of spaCy labels to entity types has nothing to do here.
        return NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[token.lower_ for token in doc],
            nlp_engine=self,
            language=language,
            scores=[],
        )
