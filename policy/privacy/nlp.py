"""The spaCy side of the engine: the configured model's named-entity pipe and the patient tagger.

The privacy engine reads nothing but spaCy's PERSON entities, and in spaCy's English pipelines
the entity recognizer carries its own token encoder, so the tagger, parser, lemmatizer and
shared encoder are left out: loading is faster and each draft costs a fraction of the full
pipeline. Presidio's context check compares words with lemmas; without a lemmatizer the
lower-cased word stands in for its lemma. The patient tagger (``tagger``) runs last and leaves
its findings in ``doc.spans``.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc

from policy.privacy.tagger import PIPE_NAME, TAGGER_PATH, add_patient_tagger

# The configured model's pipes the engine needs; everything else is excluded at load time.
PIPES_USED = ("ner",)
# The pipes the engine runs, in order: the model's own, then the patient tagger.
PIPELINE = (*PIPES_USED, PIPE_NAME)
# The score of a spaCy entity: above the PERSON threshold, below the cue-based recognizers, so
# that where both find the same words Presidio keeps theirs, with the pattern that found them.
ENTITY_SCORE = 0.65
# spaCy's other entity labels (OntoNotes): dropped at once, and not logged as unmapped per draft.
_OTHER_LABELS = [
    *("CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP"),
    *("ORDINAL", "ORG", "PERCENT", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART", "MISC"),
]


class EntityOnlySpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading only the entity recognizer of the configured model."""

    def __init__(self, model_name: str, tagger_path: Path = TAGGER_PATH) -> None:
        super().__init__(
            models=[{"lang_code": "en", "model_name": model_name}],
            ner_model_configuration=NerModelConfiguration(
                default_score=ENTITY_SCORE,
                model_to_presidio_entity_mapping={"PERSON": "PERSON", "PER": "PERSON"},
                labels_to_ignore=_OTHER_LABELS,
            ),
        )
        self.model_name = model_name
        self.tagger_path = tagger_path

    def load(self) -> None:
        """Load the model from the installed package or path; never downloads (Presidio would)."""
        nlp = spacy.load(self.model_name, exclude=pipes_not_needed(self.model_name))
        add_patient_tagger(nlp, self.tagger_path)
        self.nlp = {"en": nlp}  # type: ignore[assignment]

    def artifacts(self, doc: Doc) -> NlpArtifacts:
        """What Presidio's recognizers read from one processed draft."""
        return self._doc_to_nlp_artifact(doc, "en")

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[token.lower_ for token in doc],
            nlp_engine=self,
            language=language,
            scores=scores,
        )


def pipes_not_needed(model_name: str) -> list[str]:
    """The model's pipes that the entity recognizer does not listen to."""
    path = Path(model_name)
    if not path.exists():
        path = spacy.util.get_package_path(model_name)
        path = next((child for child in path.iterdir() if (child / "config.cfg").exists()), path)
    config = spacy.util.load_config(path / "config.cfg")
    pipes: list[str] = list(config["nlp"]["pipeline"])
    encoder = config["components"].get("ner", {}).get("model", {}).get("tok2vec", {})
    # A listener means the recognizer reads another pipe's encoding (shared tok2vec, transformer).
    upstream = (
        encoder.get("upstream", "") if "Listener" in encoder.get("@architectures", "") else ""
    )
    needed = {*PIPES_USED, *(pipe for pipe in pipes if upstream in ("*", pipe))}
    return [pipe for pipe in pipes if pipe not in needed]
