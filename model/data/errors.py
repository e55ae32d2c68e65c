"""The error every loader raises for bad input: it names the file, the line and the field.

Example:
    >>> str(DataFormatError("data/x.jsonl", 17, "messages[3].text", "should be a string, got int"))
    "data/x.jsonl:17: field 'messages[3].text': should be a string, got int"
"""

from __future__ import annotations

from pathlib import Path

_JSON_TYPE_NAMES = {
    type(None): "null",
    bool: "bool",
    int: "int",
    float: "float",
    str: "string",
    list: "list",
    dict: "object",
}


class DataFormatError(ValueError):
    """Bad input data: `path`, 1-based `line` (or None) and `field` (or None) say where."""

    def __init__(self, path: Path | str, line: int | None, field: str | None, problem: str):
        self.path = Path(path)
        self.line = line
        self.field = field
        self.problem = problem
        location = str(path) if line is None else f"{path}:{line}"
        where = "" if field is None else f" field '{field}':"
        super().__init__(f"{location}:{where} {problem}")


def type_name(value: object) -> str:
    """Name the JSON type of a decoded value, for messages such as "got int".

    Example:
        >>> type_name(None), type_name([1]), type_name({"a": 1})
        ('null', 'list', 'object')
    """
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)
