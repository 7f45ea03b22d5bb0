"""The channel view: per alumni group, the platforms ranked by reach, ties said as ties.

The question a strategist asks of every platform the survey publishes is not "how many on
Facebook" but "where are our alumni, group by group": the youngest cohorts may be reached best on
Instagram or Snapchat, the working on LinkedIn. The ranking rests on each platform's estimate and
interval (:func:`socialreach.estimate_reach`, usually its weekly measure: active reach), and it
never claims more order than the intervals allow: a platform's rank is one plus the number of
platforms whose interval lies wholly above its own. Platforms with the same rank are tied (for
example, two whose intervals overlap and that no third platform separates). The order within a
tie is the point estimate's, for reading only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.segments import as_categorical

__all__ = ["CHANNEL_COLUMNS", "rank_channels"]

#: Columns of :func:`rank_channels`.
CHANNEL_COLUMNS = (
    "dimension",
    "segment",
    "platform",
    "n_alumni",
    "share",
    "ci_low",
    "ci_high",
    "rank",
    "tied",
)


def rank_channels(estimates: pd.DataFrame) -> pd.DataFrame:
    """Rank the platforms within each alumni group by reach, with ties where intervals allow.

    Parameters
    ----------
    estimates
        Rows of the estimates schema (:func:`socialreach.estimate_reach`): ``platform``,
        ``dimension``, ``segment``, ``n_alumni``, ``share``, ``ci_low``, ``ci_high`` (shares 0-1
        of the group's alumni, all of them: internet users or not). Groups are
        ``(dimension, segment)``; the ``total`` row is one group.

    Returns
    -------
    pandas.DataFrame
        :data:`CHANNEL_COLUMNS`: one row per group and platform, the groups in their input
        order and the platforms by rank, then share. ``rank`` is 1 + the number of platforms of
        the group whose ``ci_low`` is above this platform's ``ci_high``; ``tied`` is true when
        another platform of the group has the same rank.

    Examples
    --------
    >>> est = pd.DataFrame({"platform": ["facebook", "linkedin", "instagram"],
    ...     "dimension": "total", "segment": "all", "n_alumni": 100,
    ...     "share": [0.60, 0.40, 0.58], "ci_low": [0.55, 0.35, 0.52],
    ...     "ci_high": [0.65, 0.45, 0.63]})
    >>> rank_channels(est)[["platform", "rank", "tied"]].to_numpy().tolist()
    [['facebook', 1, True], ['instagram', 1, True], ['linkedin', 3, False]]
    """
    missing = [c for c in CHANNEL_COLUMNS[:7] if c not in estimates.columns]
    if missing:
        raise ValueError(f"rank_channels needs the columns {', '.join(missing)}")
    rows = estimates.loc[:, list(CHANNEL_COLUMNS[:7])].reset_index(drop=True)
    group = rows.groupby(["dimension", "segment"], sort=False, observed=True).ngroup()
    rank = np.empty(len(rows), dtype=int)
    for _, at in rows.groupby(group, sort=False).indices.items():
        low = rows["ci_low"].to_numpy()[at]
        high = rows["ci_high"].to_numpy()[at]
        # platforms clearly above: their whole interval lies above this one's
        rank[at] = 1 + (low[None, :] > high[:, None]).sum(axis=1)
    out = rows.assign(rank=rank, _group=group)
    out["tied"] = out.duplicated(["_group", "rank"], keep=False)
    out["_platform"] = as_categorical(out["platform"].astype(str), "platform").cat.codes
    out = out.sort_values(
        ["_group", "rank", "share", "_platform"],
        ascending=[True, True, False, True],
        kind="stable",
    )
    return out.drop(columns=["_group", "_platform"]).reset_index(drop=True)
