"""Messages for people: they live in indexer/core (the bottom layer, which both use); this name stays."""

from indexer.core.messages import (
    Message,
    Term,
    message_of,
    reread,
)

__all__ = [
    "Message",
    "Term",
    "message_of",
    "reread",
]
