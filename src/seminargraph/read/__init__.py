"""What the graph says, read the same way for the tables, the network and the web pages.

- :mod:`.labels`: the one rule that picks a label in a language;
- :mod:`.entities`: an id or IRI to the entity it names, with "did you mean" when it names nothing;
- :mod:`.facts`: the entities and facts a network or an entity page is drawn from;
- :mod:`.summary`: counts of what the graph holds, and the documents it comes from.

Everything here reads through SPARQL, so it works on every store.
"""
