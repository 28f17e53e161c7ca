"""The archive's vocabulary: it lives in indexer/core (the bottom layer, which both use); this name stays."""

from indexer.core.vocabulary import (
    CLASSIFICATIONS,
    DIRECTIONS,
    DOC_TYPES,
    METADATA_FIELDS,
    PROVENANCES,
    URGENCIES,
    doc_type_code,
)

__all__ = [
    "CLASSIFICATIONS",
    "DIRECTIONS",
    "DOC_TYPES",
    "METADATA_FIELDS",
    "PROVENANCES",
    "URGENCIES",
    "doc_type_code",
]
