"""The spaCy side of the engine: the patient tagger and the model's general entity recognizer.

The engine runs one spaCy pipeline per draft: the configured model's tokenizer, its general
entity recognizer (``general_ner``), whose names and places are moved aside into
``doc.spans[GENERAL_SPANS]`` (``general_entities``), and the patient tagger (``ner``, the
model's recognizer fine-tuned on labelled posts, ``tagger``), whose entities are ``doc.ents``.
Each recognizer carries its own token embedding, so neither reads the other's output. The
model's tagger, parser and lemmatizer are not loaded: the recognizers read only the tokens and
the two sets of entities. Presidio's context check compares words with lemmas; without a
lemmatizer the lower-cased word stands in for its lemma.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_model_meta, get_package_path

from policy.privacy.tagger import TAGGER_PATH, load_tagger

# The pipes the engine runs, in order.
PIPELINE = ("general_ner", "general_entities", "ner")
# Where the general recognizer's entities are kept on a processed doc.
GENERAL_SPANS = "general"


@Language.component("clearpost_general_entities")
def keep_general_entities(doc: Doc) -> Doc:
    """Move the general recognizer's entities aside, so the tagger starts from none."""
    doc.spans[GENERAL_SPANS] = list(doc.ents)
    doc.ents = []
    return doc


def load_pipeline(model_name: str, tagger_path: Path = TAGGER_PATH) -> Language:
    """The tagger's pipeline with the configured model's general recognizer in front of it."""
    nlp = load_tagger(tagger_path, model_name)
    unused = [pipe for pipe in _pipes_of(model_name) if pipe != "ner"]
    general = spacy.load(model_name, exclude=unused)
    nlp.add_pipe("ner", name="general_ner", source=general, first=True)
    nlp.add_pipe("clearpost_general_entities", name="general_entities", after="general_ner")
    return nlp


def _pipes_of(model_name: str) -> list[str]:
    """The pipes a spaCy model (package name or folder) would load, read from its meta.json."""
    folder = Path(model_name) if Path(model_name).exists() else get_package_path(model_name)
    return list(get_model_meta(folder)["pipeline"])


class TaggerNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, running the patient tagger trained from the configured model."""

    def __init__(self, model_name: str, tagger_path: Path = TAGGER_PATH) -> None:
        super().__init__(models=[{"lang_code": "en", "model_name": model_name}])
        self.model_name = model_name
        self.tagger_path = tagger_path

    def load(self) -> None:
        """Load the shipped tagger and the model's recognizer from disk; never downloads."""
        self.nlp = {"en": load_pipeline(self.model_name, self.tagger_path)}  # type: ignore[assignment]

    def artifacts(self, doc: Doc) -> NlpArtifacts:
        """What Presidio's recognizers read from one processed draft."""
        return self._doc_to_nlp_artifact(doc, "en")

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        # Both recognizers' entities are read from the doc by their own Presidio recognizers,
        # with their labels; Presidio's mapping of spaCy labels has nothing to do here.
        return NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[token.lower_ for token in doc],
            nlp_engine=self,
            language=language,
            scores=[],
        )
