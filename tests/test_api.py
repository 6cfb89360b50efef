"""The public API is exactly ``seminargraph.__all__``: nothing more is promised, nothing is missing."""

from __future__ import annotations

import types

import seminargraph


def test_all_is_exactly_the_public_names() -> None:
    # dir(): the names loaded so far and those loaded on first use (seminargraph._LAZY).
    public = sorted(
        name
        for name in dir(seminargraph)
        # Submodules become attributes of the package when imported; they are not names it offers.
        if (not name.startswith("_") or name == "__version__")
        and not isinstance(getattr(seminargraph, name), types.ModuleType)
    )
    assert sorted(seminargraph.__all__) == public


def test_every_public_name_says_what_it_is() -> None:
    for name in seminargraph.__all__:
        value = getattr(seminargraph, name)
        if callable(value):
            assert (value.__doc__ or "").strip(), f"seminargraph.{name} has no docstring"
