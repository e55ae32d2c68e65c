"""Shared check for the loaders' tests (no tests here): an error points at file, line and field."""

from __future__ import annotations

from pathlib import Path

from model.data.errors import DataFormatError


def assert_points_at(
    error: DataFormatError, path: Path, line: int, field: str | None, fragment: str
) -> None:
    """Check the error's attributes, its "path:line: field 'f':" prefix and part of the problem."""
    assert (error.path, error.line, error.field) == (path, line, field)
    assert str(error).startswith(
        f"{path}:{line}:" + ("" if field is None else f" field '{field}':")
    )
    assert fragment in str(error)
