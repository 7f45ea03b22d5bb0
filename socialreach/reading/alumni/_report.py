"""The validation report's bookkeeping: why a row is excluded, notes, alumni per status.

Every excluded row keeps one reason (the first that applies); every text of the report is a
stable code, its values and its English sentence (:data:`socialreach.core.text.VALIDATE`).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

import numpy as np

from ...core.text import VALIDATE, say
from ._columns import _looks_personal


def unmapped_label(kind: str, n: int, k: int, lang: str = "en") -> str:
    """The line that stands for ``n`` unmapped values of one ``kind`` (``"rare"``: each shared
    by fewer than ``k`` alumni; ``"personal"``: like a name, e-mail or number), in ``lang``;
    its English is the report's key."""
    return say(VALIDATE, f"unmapped.{kind}.{'1' if n == 1 else 'n'}", lang, n=n, k=k)


def _weighted_counts(codes: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(codes[codes >= 0], weights=weights[codes >= 0], minlength=size)


def _said(kind: str, code: str, **values: object) -> dict[str, Any]:
    """A text of the validation report (``kind``: ``excluded`` or ``note``) as a stable code,
    its values and its English text (:data:`socialreach.core.text.VALIDATE`), so that the CLI can
    say it in either language and ``--json`` keeps the English and gains the code."""
    clean = {k: _json_value(v) for k, v in values.items()}
    english = {k: _english_value(k, v) for k, v in clean.items()}
    return {"code": code, "values": clean, "text": say(VALIDATE, f"{kind}.{code}", "en", **english)}


def _json_value(value: object) -> object:
    if isinstance(value, str):
        return value
    value = float(value)
    return int(value) if value.is_integer() else value


def _english_value(key: str, value: object) -> str:
    """A value as the English texts have always written it (the stable text of ``--json``)."""
    if isinstance(value, str):
        return value
    if key == "share":
        return f"{value:.0%}"
    if key.endswith("year"):
        return f"{value:.0f}"
    return f"{value:g}"


@dataclass
class _Exclusions:
    """Why each row is excluded: an index into ``reasons`` per row (-1 = used); first wins."""

    reason_id: np.ndarray
    reasons: list[dict[str, Any]] = dc_field(default_factory=list)  # see _said

    def add(self, rows: np.ndarray, code: str, **values: object) -> None:
        """Exclude ``rows`` (boolean mask) for one reason."""
        self.reasons.append(_said("excluded", code, **values))
        self.reason_id[rows & (self.reason_id < 0)] = len(self.reasons) - 1

    def add_per_value(self, rows: np.ndarray, codes: np.ndarray, said: list[dict]) -> None:
        """Exclude ``rows``, each for the reason of its distinct value (``said[code]``)."""
        new = rows & (self.reason_id < 0)
        self.reason_id[new] = len(self.reasons) + codes[new]
        self.reasons.extend(said)


def _excluded_row(row: int, said: dict[str, Any]) -> dict[str, Any]:
    """One excluded row of the report: its number, the English reason, its code and values."""
    return {"row": row, "reason": said["text"], "code": said["code"], "values": said["values"]}


def _sums(codes: np.ndarray, labels: tuple[str, ...], weights: np.ndarray) -> dict[str, float]:
    totals = np.bincount(codes, weights=weights, minlength=len(labels))
    return {label: float(t) for label, t in zip(labels, totals, strict=True)}


def _count_status(
    mapping: dict,
    unmapped: dict,
    field: str,
    codes: np.ndarray,
    uniques: list[object],
    status: np.ndarray,
    weights: np.ndarray,
    min_value_count: int,
) -> None:
    """Alumni per mapping status, and unmapped values shared by at least ``min_value_count``."""
    w = weights
    per_value = _weighted_counts(codes, w, len(uniques))
    status = np.asarray(status, dtype=object)
    counts: dict[str, float] = {}
    extra = sorted(set(status.tolist()) - {"mapped", "ambiguous", "unmapped", "missing"})
    for s in ("mapped", "ambiguous", "unmapped", "missing", *extra):
        total = float(per_value[status == s].sum()) if len(status) else 0.0
        if s == "missing":
            total += float(w[codes < 0].sum())
        if total or s in ("mapped", "unmapped", "missing"):
            counts[s] = total
    mapping[field] = counts
    shown: dict[str, int] = {}
    rare_values, rare_total = 0, 0.0
    personal_values, personal_total = 0, 0.0
    for i in np.flatnonzero(status == "unmapped"):
        if per_value[i] <= 0:
            continue
        if per_value[i] < min_value_count:
            rare_values += 1
            rare_total += per_value[i]
        elif _looks_personal(str(uniques[i])):
            # a name, e-mail or number many rows share (a duplicated person, or a count on a
            # row with a name in the wrong column) is still a person's: never shown
            personal_values += 1
            personal_total += per_value[i]
        else:
            shown[str(uniques[i]).strip()] = round(float(per_value[i]))
    for kind, n, total in (("rare", rare_values, rare_total),
                           ("personal", personal_values, personal_total)):  # fmt: skip
        if n:
            shown[unmapped_label(kind, n, min_value_count)] = round(total)
    if shown:
        unmapped[field] = dict(sorted(shown.items(), key=lambda kv: -kv[1]))
