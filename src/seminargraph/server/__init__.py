"""``seminargraph serve``: the graph on a local web address.

A SPARQL 1.1 Protocol endpoint (``/sparql``), the Graph Store Protocol (``/store``), HTML pages
(landing, query page, one page per person, organisation and event, the network page) and stable
``.csv``/``.json`` URLs of the named queries. Queries run in worker processes (``workers``) under a
hard time limit and a row limit. ``run`` starts it; ``config`` holds its settings and imports no
web framework, so the command line can read the defaults without the ``serve`` extra.
"""
