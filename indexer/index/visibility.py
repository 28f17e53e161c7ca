"""Which documents a reader may see: classification at or below their clearance, and no compartment
they do not hold. Applied inside every search as a document mask, so hidden records never reach
results, totals, facets, snippets, suggestions or "more like this"."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer.core.vocabulary import CLASSIFICATIONS


@dataclass(frozen=True)
class Clearance:
    level: str = "unclassified"  # one of CLASSIFICATIONS
    compartments: frozenset[str] = frozenset()  # lower case

    @property
    def key(self) -> tuple:
        return ("clearance", self.level, tuple(sorted(self.compartments)))

    def allows(self, level: str | None, compartments=()) -> bool:
        """The rule, for one record: its level at or below this clearance (an unreadable level is hidden)
        and no compartment the reader lacks. The index applies it as a mask, the catalog record by record."""
        if level not in CLASSIFICATIONS:
            return False
        within = CLASSIFICATIONS.index(level) <= CLASSIFICATIONS.index(self.level)
        return within and set(compartments) <= self.compartments


def visible_mask(evaluator, clearance: Clearance) -> np.ndarray:
    """Live documents this clearance may see; a record without a readable classification is hidden."""
    table = evaluator.table
    codes, labels = table.facets["classification"]
    allowed = [code for code, label in enumerate(labels) if clearance.allows(label)]
    mask = np.isin(codes, allowed) & table.live
    for term in evaluator.reader.lexicon("compartments"):
        name = term.decode("utf-8")
        if name not in clearance.compartments:
            docs, _ = evaluator.postings("compartments", name)
            mask[docs] = False
    return mask
