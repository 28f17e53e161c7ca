"""Password hashing with Argon2id (argon2-cffi, RFC 9106 parameters) and generated passwords."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from archive.messages import Message

MIN_LENGTH = 12
_hasher = PasswordHasher()  # argon2id, 64 MiB, 3 passes: ~0.1 s a check here, expensive to guess offline
# Checked against when the user does not exist, so that a wrong name costs as long as a wrong password.
_DUMMY = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise ValueError(Message("a password needs at least %(n)s characters", n=MIN_LENGTH))
    return _hasher.hash(password)


def check_password(stored: str | None, password: str) -> bool:
    """True when `password` matches the stored hash; a missing hash takes as long and fails."""
    try:
        return _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """True when the hash was made with weaker parameters than today's (rehash at the next login)."""
    return _hasher.check_needs_rehash(stored)


def generate_password() -> str:
    """20 URL-safe characters (120 bits): printed once by `archive users add`."""
    return secrets.token_urlsafe(15)
