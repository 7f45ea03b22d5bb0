"""The one exception type for bad input, with a message a person can act on."""

from __future__ import annotations

__all__ = ["InputError"]


class InputError(ValueError):
    """Bad input: the message is one sentence naming file, column, row, value and what to do.

    The CLI prints ``str(err)`` on one line and exits with status 2. Never put personal data in
    the message: name a column and a row number, and show a value only when it cannot identify
    anyone (a number, a code, a header name). Pass ``file`` as a bare file name, never a path.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        column: str | None = None,
        row: int | None = None,
        value: object = None,
        fix: str | None = None,
    ) -> None:
        self.file, self.column, self.row, self.value, self.fix = file, column, row, value, fix
        where = []
        if file:
            where.append(f"{file}")
        if row is not None:
            where.append(f"row {row}")
        if column:
            where.append(f"column '{column}'")
        text = (": ".join([", ".join(where), problem]) if where else problem).rstrip(".")
        if value is not None:
            if hasattr(value, "item"):  # numpy scalar -> plain Python for a readable repr
                value = value.item()
            text += f" (value: {value!r})"
        if fix:
            text += f"; {fix.rstrip('.')}"
        super().__init__(text + ".")
