"""Namespaces, prefixes and the terms of the seminargraph vocabulary, in one place."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

#: The vocabulary (ontology) namespace. A placeholder until a permanent one is registered.
SG = Namespace("https://seminargraph.example/ns#")
#: The default base under which data IRIs are minted; configurable per build.
DEFAULT_BASE = "https://seminargraph.example/id/"

# We use http://schema.org/ (not https): the two are different IRIs and most data uses http.
SCHEMA = Namespace("http://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
CONF = Namespace("https://w3id.org/scholarlydata/ontology/conference-ontology.owl#")

#: Prefixes bound on every graph we write, in the order they appear in output.
PREFIXES: dict[str, Namespace] = {
    "sg": SG,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "foaf": Namespace(str(FOAF)),
    "schema": SCHEMA,
    "org": ORG,
    "oa": OA,
    "conf": CONF,
    "sh": Namespace(str(SH)),
}

#: Authored role names and the concepts they stand for.
ROLES = {
    "participant": SG.ParticipantRole,
    "panelist": SG.PanelistRole,
    "speaker": SG.SpeakerRole,
    "moderator": SG.ModeratorRole,
    "organiser": SG.OrganiserRole,
    "contact": SG.ContactRole,
}

#: Authored statuses of a fact and their concepts.
STATUSES = {
    "stated": SG.Stated,
    "inferred": SG.Inferred,
    "ambiguous": SG.Ambiguous,
}

#: Authored event types and their classes.
EVENT_TYPES = {
    "festival": SG.Festival,
    "theme-day": SG.ThemeDay,
    "seminar": SG.Seminar,
    "event": SG.Event,
}

#: Authored organisation kinds and their classes.
ORGANISATION_KINDS = {
    "organisation": SG.Organisation,
    "company": SG.Company,
    "public-authority": SG.PublicAuthority,
    "municipality": SG.Municipality,
    "university": SG.University,
    "unit": SG.OrganisationalUnit,
    "collaboration": SG.Collaboration,
}

#: Authored relations between organisations and the (convenience) properties they stand for.
ORGANISATION_RELATIONS = {
    "unit-of": SG.unitOf,
    "member-of": SG.memberOf,
    "sub-organisation-of": SG.subOrganisationOf,
}

__all__ = [
    "CONF",
    "DEFAULT_BASE",
    "EVENT_TYPES",
    "OA",
    "ORG",
    "ORGANISATION_KINDS",
    "ORGANISATION_RELATIONS",
    "PREFIXES",
    "ROLES",
    "SCHEMA",
    "SG",
    "STATUSES",
]
