"""The app's own passphrase for shared PCs, kept only as a strong hash (scrypt, from the
standard library): "scrypt$n$r$p$salt$hash", all but the numbers in hex."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from pledge_desktop.domain.errors import ValidationError

MIN_LENGTH = 8
N, R, P = 2**14, 8, 1  # about 50 ms here: slow for a guesser, quick for a nurse
_MEMORY = 64 * 1024 * 1024


def check_new(passphrase: str, again: str) -> str:
    if len(passphrase) < MIN_LENGTH:
        raise ValidationError(
            {"passphrase": f"Use a passphrase of at least {MIN_LENGTH} characters."}
        )
    if passphrase != again:
        raise ValidationError({"again": "The two passphrases are not the same."})
    return passphrase


def hash_passphrase(passphrase: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=N, r=R, p=P, maxmem=_MEMORY, dklen=32
    )
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify(passphrase: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        found = hashlib.scrypt(
            passphrase.encode("utf-8"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=_MEMORY,
            dklen=len(bytes.fromhex(digest)),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found.hex(), digest)
