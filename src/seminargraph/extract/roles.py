"""The roles extraction gives, as the ontology names them (the skos:notation of each sg:Role).

Every role in ``extract/`` (its code and its word lists) is one of these.
"""

from __future__ import annotations

from ..ontology import terms


def role(name: str) -> str:
    """Return ``name`` if the vocabulary has that role; raise ValueError otherwise."""
    roles = terms().roles
    if name not in roles:
        raise ValueError(f"{name!r} is not a role of the ontology ({', '.join(roles)})")
    return name


PARTICIPANT = role("participant")
PANELIST = role("panelist")
SPEAKER = role("speaker")
MODERATOR = role("moderator")
ORGANISER = role("organiser")
