"""Namespaces, prefixes and the terms of the seminargraph vocabulary, in one place."""

from __future__ import annotations

import re

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

#: Authored relations between organisations and the (convenience) properties they stand for.
ORGANISATION_RELATIONS = {
    "unit-of": SG.unitOf,
    "member-of": SG.memberOf,
    "sub-organisation-of": SG.subOrganisationOf,
}

#: The label language when none is asked for.
DEFAULT_LANG = "sv"
#: A language tag as authored data, queries and pages accept it (``sv``, ``en``, ``en-GB``).
LANG_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")

#: The kinds of thing a query parameter or a look-up can name: the class it must have, and the
#: plural a message uses. ``agent`` is a person or an organisation; ``text`` names nothing.
KINDS = {
    "event": "https://seminargraph.example/ns#Event",
    "person": "https://seminargraph.example/ns#Person",
    "organisation": "https://seminargraph.example/ns#Organisation",
    "agent": "https://seminargraph.example/ns#Agent",
    "text": "",
}
PLURALS = {
    "event": "events",
    "person": "people",
    "organisation": "organisations",
    "agent": "people and organisations",
}

__all__ = [
    "CONF",
    "DEFAULT_BASE",
    "DEFAULT_LANG",
    "KINDS",
    "LANG_PATTERN",
    "OA",
    "ORG",
    "ORGANISATION_RELATIONS",
    "PLURALS",
    "PREFIXES",
    "SCHEMA",
    "SG",
]
