"""RDF files given as input: strict parsing, located errors, no network, bounded work."""

from __future__ import annotations

from pathlib import Path

PREFIX = "@prefix ex: <http://example.org/> .\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_an_unknown_file_type_is_refused(run_cli, tmp_path: Path) -> None:
    path = write(tmp_path, "notes.docx", "x")
    result = run_cli("validate", str(path))
    assert result.exit_code == 1
    assert "neither authored YAML" in result.stderr
