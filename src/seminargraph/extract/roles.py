"""The roles extraction gives, as the vocabulary names them (the keys of ``seminargraph.vocab.ROLES``).

Every role in ``extract/`` (its code and its word lists) is one of these.
"""

from __future__ import annotations

from ..vocab import ROLES


def role(name: str) -> str:
    """Return ``name`` if the vocabulary has that role; raise ValueError otherwise."""
    if name not in ROLES:
        raise ValueError(f"{name!r} is not a role of seminargraph.vocab.ROLES ({', '.join(ROLES)})")
    return name


PARTICIPANT = role("participant")
PANELIST = role("panelist")
SPEAKER = role("speaker")
MODERATOR = role("moderator")
ORGANISER = role("organiser")
