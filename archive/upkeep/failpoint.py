"""Kill points for crash tests: they live in indexer/core (the bottom layer, so the index room has them too);
this name stays."""

from indexer.core.failpoint import VARIABLE, hooked, reach

__all__ = ["VARIABLE", "hooked", "reach"]
