"""One error tree: every error carries its exit code and HTTP status, the server's included."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import seminargraph
from seminargraph import errors
from seminargraph.errors import QueryParameterError, SeminargraphError

PACKAGE = Path(seminargraph.__file__).parent


def _all_modules() -> list[str]:
    return [
        m.name for m in pkgutil.walk_packages([str(PACKAGE)], "seminargraph.") if "__main__" not in m.name
    ]


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def test_every_error_has_an_exit_code_and_a_status() -> None:
    for name in _all_modules():
        importlib.import_module(name)  # so that every subclass, wherever defined, is seen
    classes = _subclasses(SeminargraphError) | {SeminargraphError}
    assert len(classes) > 15
    for cls in classes:
        assert cls.exit_code in (1, 2, 3), cls
        assert 400 <= cls.status < 600, cls


@pytest.mark.parametrize(
    ("name", "code", "status"),
    [
        ("SourceError", 1, 400),
        ("UnknownQueryError", 1, 404),
        ("QueryParameterError", 1, 400),
        ("OptionError", 2, 400),
        ("StoreError", 1, 502),
        ("DiskFull", 1, 507),
        ("Busy", 1, 503),
        ("ValidationFailed", 3, 422),
    ],
)
def test_the_codes_the_front_ends_show(name: str, code: int, status: int) -> None:
    cls = getattr(errors, name)
    assert (cls.exit_code, cls.status) == (code, status)


def test_nothing_under_server_defines_an_exception_outside_the_tree() -> None:
    for path in sorted((PACKAGE / "server").glob("*.py")):
        module = importlib.import_module(
            f"seminargraph.server.{path.stem}" if path.stem != "__init__" else "seminargraph.server"
        )
        defined = {
            node.name
            for node in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(node, ast.ClassDef)
        }
        for name in defined:
            cls = getattr(module, name, None)
            if inspect.isclass(cls) and issubclass(cls, BaseException):
                assert issubclass(cls, SeminargraphError), f"{path.name}: {name} is outside the tree"


def test_a_parameter_is_named_for_the_front_end_that_shows_it() -> None:
    exc = QueryParameterError("{param}: no person with the id 'x'", parameter="person")
    assert str(exc) == "the parameter person: no person with the id 'x'"
    assert exc.worded(lambda name: f"--param {name}") == "--param person: no person with the id 'x'"
