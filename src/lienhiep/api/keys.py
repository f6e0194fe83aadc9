"""The installation's Ed25519 key: made on first use, kept in the database, signs year packages."""

import base64
import hashlib

from django.db import transaction

from .models import SigningKey


def _load(raw):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(bytes(raw))


@transaction.atomic
def private_key():
    """The installation's key, generated and stored the first time it is asked for."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    stored = SigningKey.objects.select_for_update().first()
    if stored is None:
        raw = Ed25519PrivateKey.generate().private_bytes(
            Encoding.Raw, PrivateFormat.Raw, NoEncryption()
        )
        stored = SigningKey.objects.create(private_key=raw)
    return _load(stored.private_key)


def public_key_text(key=None) -> str:
    """The public key of ``key`` (the installation's by default), base64 of its 32 bytes."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = key or private_key()
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def fingerprint(public_text: str) -> str:
    """SHA-256 of the raw public key, in hex: what operators compare by telephone."""
    return hashlib.sha256(base64.b64decode(public_text)).hexdigest()


def sign(data: bytes) -> str:
    return base64.b64encode(private_key().sign(data)).decode()


def verify(public_text: str, signature: str, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_text))
        key.verify(base64.b64decode(signature), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def _fernet():
    """A Fernet key derived from the installation's ``SECRET_KEY``: what seals stored secrets."""
    from cryptography.fernet import Fernet
    from django.conf import settings

    digest = hashlib.sha256(b"lienhiep.federation-token:" + settings.SECRET_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(text: str) -> str:
    """``text`` encrypted for the database (a token this installation sends elsewhere)."""
    return _fernet().encrypt(text.encode()).decode()


def unseal(sealed: str) -> str:
    return _fernet().decrypt(sealed.encode()).decode()
