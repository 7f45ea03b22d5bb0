"""Charts of survey figures, alumni profiles and reach estimates, in Swedish or English.

Every ``plot_*`` function returns a plotly figure for exploring in JupyterLab (the report's
charts are also :class:`Chart` values, plain data built without plotly's object model: the
``chart_*`` functions, whose ``figure()`` is what the ``plot_*`` function returns); its
``plot_*_static`` twin draws the same chart with seaborn on a matplotlib Axes for slides (the
function interface: ``seaborn.objects`` warns under pandas 3, and ``filterwarnings = error``
would turn that into failures). They take the tidy frames of the engine (one estimates schema)
data first, never mutate them, never show or save, and change no global style: seaborn's theme
is applied only inside a ``with`` block around the figures they create. Shares stay
proportions 0-1 in the data and become percent here, for people, with the interval of every
estimate drawn as an error bar or a range.

The charts live in private parts, by idea; import them from here:

- ``_base``: colours, the template, :class:`Chart`, layouts and the shared axis helpers
- ``_reach``: reach in total, per segment, on either platform, compared, and as a trend
- ``_channels``: the channel view: every platform's weekly reach per alumni group
- ``_survey``: the survey's own figures, one edition and over the editions
- ``_profile``: the alumni profile and reach by two dimensions (heatmap)
- ``_integration``: the LinkedIn integration's sensitivity
- ``_static``: the seaborn twins (matplotlib and seaborn load only when one draws)
"""

from __future__ import annotations

from ._base import COMBINED_COLOURS, PLATFORM_COLOURS, Chart
from ._base import TEMPLATE as TEMPLATE
from ._channels import chart_channels, plot_channels
from ._integration import plot_integration_sensitivity
from ._profile import plot_profile, plot_reach_heatmap
from ._reach import (
    chart_combined_reach,
    chart_comparison,
    chart_reach,
    chart_reach_by_segment,
    chart_reach_trend,
    plot_combined_reach,
    plot_comparison,
    plot_reach,
    plot_reach_by_segment,
    plot_reach_trend,
)
from ._static import STATIC_STYLE as STATIC_STYLE
from ._static import (
    plot_channels_static,
    plot_combined_reach_static,
    plot_comparison_static,
    plot_integration_sensitivity_static,
    plot_profile_static,
    plot_reach_by_segment_static,
    plot_reach_heatmap_static,
    plot_reach_static,
    plot_survey_static,
)
from ._survey import chart_survey_trend, plot_survey, plot_survey_trend

__all__ = [
    "COMBINED_COLOURS",
    "PLATFORM_COLOURS",
    "Chart",
    "chart_channels",
    "chart_combined_reach",
    "chart_comparison",
    "chart_reach",
    "chart_reach_by_segment",
    "chart_reach_trend",
    "chart_survey_trend",
    "plot_channels",
    "plot_channels_static",
    "plot_combined_reach",
    "plot_combined_reach_static",
    "plot_comparison",
    "plot_comparison_static",
    "plot_integration_sensitivity",
    "plot_integration_sensitivity_static",
    "plot_profile",
    "plot_profile_static",
    "plot_reach",
    "plot_reach_by_segment",
    "plot_reach_by_segment_static",
    "plot_reach_heatmap",
    "plot_reach_heatmap_static",
    "plot_reach_static",
    "plot_reach_trend",
    "plot_survey",
    "plot_survey_static",
    "plot_survey_trend",
]
