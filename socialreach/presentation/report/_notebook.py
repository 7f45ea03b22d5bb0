"""Rendering: the packaged report notebook run in a fresh kernel and exported by nbconvert,
with plotly.js inlined once."""

from __future__ import annotations

import asyncio
import functools
import importlib.resources
import math
import os
import re
import secrets
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any

from ...core.errors import InputError
from ...core.outfile import check_input_file, check_out_path, write_text_atomic
from ..notes import render_markdown
from ._compose import (
    _FIGURE_CLASS,
    _HELD_MARK,
    _HELD_TYPES,
    _PARAMETERS_TAGS,
    _PLOTLY_MIME,
    _PLOTLYJS_MARK,
    HIDDEN_TAG,
    ReportContent,
    _figure_div,
)
from ._offline import _check_report, plotlyjs_html

# --------------------------------------------------------------------------- rendering


def _packaged_notebook_text() -> str:
    source = importlib.resources.files("socialreach") / "notebooks" / "report.ipynb"
    return source.read_text(encoding="utf-8")


def _packaged_notebook() -> Any:
    import nbformat

    return nbformat.reads(_packaged_notebook_text(), as_version=4)


def init_report_notebook(path: str | Path) -> Path:
    """Write a copy of the packaged report notebook to start a custom report from.

    Add Markdown cells (exported, sanitised) and code cells whose plotly figures or HTML are
    displayed between the standard sections; code is never exported, and cells tagged
    :data:`HIDDEN_TAG` stay out of the report. Run it with
    ``socialreach report FILE --out R.html --notebook PATH``.

    Raises
    ------
    InputError
        The file exists already (it is never overwritten) or its folder does not exist.
    """
    path = Path(path)
    if path.suffix != ".ipynb":
        raise InputError("the notebook's name must end in .ipynb", file=path.name)
    check_out_path(path, overwrite=False, option="--init-notebook")
    return write_text_atomic(path, _packaged_notebook_text())


def read_report_notebook(path: str | Path) -> Any:
    """Read a custom report notebook (a copy made by :func:`init_report_notebook`).

    Raises
    ------
    InputError
        Missing or unreadable file, not a notebook, or no ``parameters`` cell to inject into.
    """
    import nbformat
    from nbformat.warnings import DuplicateCellId, MissingIDFieldWarning

    path = Path(path)
    if path.exists():  # /dev/zero would be read for ever
        check_input_file(path, what="notebook", max_mb=20)
    try:
        # cells without an id (a notebook edited by hand or by an older tool) or with the same
        # id twice are given new ones by validate: nbformat's warning about it is not the user's
        # one sentence on stderr
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MissingIDFieldWarning)
            warnings.simplefilter("ignore", DuplicateCellId)
            nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
            nbformat.validate(nb)
    except FileNotFoundError:
        raise InputError("the notebook does not exist", file=path.name) from None
    # a JSON list, a number where a list belongs or nesting deeper than Python's stack is a
    # damaged file too: nbformat raises AttributeError, TypeError or RecursionError for them
    except (
        OSError,
        UnicodeDecodeError,
        ValueError,
        AttributeError,
        TypeError,
        KeyError,
        RecursionError,
        nbformat.ValidationError,
    ):
        raise InputError(
            "the file is not a readable Jupyter notebook",
            file=path.name,
            fix="start from socialreach report --init-notebook NEW.ipynb",
        ) from None
    if not any("parameters" in c.metadata.get("tags", []) for c in nb.cells):
        raise InputError(
            "the notebook has no cell tagged 'parameters'",
            file=path.name,
            fix="keep the parameters cell of the copy made by --init-notebook",
        )
    return nb


def _inject_parameters(nb: Any, parameters: dict[str, object]) -> Any:
    """Copy of ``nb`` with a cell of assignments after the ``parameters`` cell (papermill style)."""
    import copy

    import nbformat

    nb = copy.deepcopy(nb)
    code = "\n".join(f"{key} = {value!r}" for key, value in parameters.items())
    cell = nbformat.v4.new_code_cell(code, metadata={"tags": ["injected-parameters"]})
    tagged = [
        i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])
    ]
    nb.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    return nb


def _markdown_cell(source: str) -> Any:
    """A Markdown cell of the strategist's, as a code cell showing its sanitised HTML."""
    import nbformat

    rendered = f'<div class="sr-own-markdown">{render_markdown(source, headings="section")}</div>'
    output = nbformat.v4.new_output("display_data", data={"text/html": rendered})
    return nbformat.v4.new_code_cell("", outputs=[output])


def _plotly_output(output: Any, number: int, lang: str) -> Any:
    """A plotly figure of a notebook cell as a report figure (drawn by the page's plotly.js)."""
    div = _figure_div(output["data"][_PLOTLY_MIME], f"sr-own-figure-{number}", lang=lang)
    output["data"] = {"text/html": f'<figure class="{_FIGURE_CLASS}">{div}</figure>'}
    output["metadata"] = {}
    return output


def _for_export(nb: Any, lang: str = "en") -> tuple[Any, int, dict[str, str]]:
    """Only what a reader should see, the number of plotly figures from the cells, and the HTML
    outputs held back from the exporter (placeholder -> HTML; :func:`_export_html` puts them
    back).

    Kept: display outputs of code cells (a plotly figure becomes a report figure) and Markdown
    cells (sanitised). Dropped: code, stream output (warnings, prints could carry paths or
    values), the parameters cells and every cell tagged :data:`HIDDEN_TAG`.
    """
    import copy

    nb = copy.deepcopy(nb)
    kept = []
    figures = 0
    for cell in nb.cells:
        if (_PARAMETERS_TAGS | {HIDDEN_TAG}) & set(cell.metadata.get("tags", [])):
            continue
        if cell.cell_type == "markdown" and cell.source.strip():
            kept.append(_markdown_cell(cell.source))
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            if output.get("output_type") not in ("display_data", "execute_result"):
                continue
            if _PLOTLY_MIME in output.get("data", {}):
                figures += 1
                output = _plotly_output(output, figures, lang)
            outputs.append(output)
        cell.outputs = outputs
        if outputs:
            kept.append(cell)
    nb.cells = kept
    # nbconvert parses and writes the whole page again after its template (to give images alt
    # text and outputs a tab stop): on the report's tables, most of the export's time. The HTML
    # outputs wait outside, each a placeholder inside its output's <div>, and join the page after
    # (an output that also offers a richer type, such as JavaScript, is left to nbconvert,
    # which may show that one instead)
    held: dict[str, str] = {}
    token = secrets.token_hex(8)
    for cell in kept:
        for output in cell.outputs:
            if "text/html" in output.get("data", {}) and set(output["data"]) <= _HELD_TYPES:
                slot = f"<!-- {_HELD_MARK} {token}-{len(held)} -->"
                held[slot] = output["data"]["text/html"]
                output["data"]["text/html"] = slot
    return nb, figures, held


#: Seconds the cells of a report notebook may run together. The packaged notebook only displays
#: the composed sections (a second or two); a custom notebook's own analyses get minutes on a
#: slow, shared machine, and its endless loop, sleep or ``input()`` is stopped here, not after
#: as many five-minute waits as it has cells.
CELLS_TIMEOUT = 300


class _NotebookFailed(RuntimeError):
    """A cell of the report notebook raised, ran out of time or took its kernel down; only the
    exception's type is kept (no values). ``why`` ends "a cell of the notebook …"."""

    def __init__(self, ename: str, why: str | None = None) -> None:
        self.ename = ename
        self.why = why or f"failed ({ename})"
        super().__init__(f"the report notebook: a cell {self.why}")


class _Renderer:
    """A notebook run in a kernel that is started on construction, so it boots while we work.

    The kernel process is started here; a thread then waits for it to answer (its boot and the
    client's connection, most of a second that any notebook pays) and runs the notebook as soon
    as :meth:`run` says the bundle is written (:attr:`bundle`). The caller reads and estimates
    meanwhile, and touches the notebook only once its cells have run: it exports while the
    kernel shuts down (:meth:`close` waits for that).
    """

    def __init__(self, nb: Any, *, workdir: Path, lang: str, timeout: int | None = None):
        from jupyter_client.kernelspec import KernelSpecManager
        from nbclient import NotebookClient

        self.workdir = workdir
        #: Where the composed report is written before :meth:`run` (the notebook reads it).
        self.bundle = workdir / "content.json"
        self.lang = lang
        self.timeout = timeout = timeout or CELLS_TIMEOUT
        self.client = NotebookClient(
            nb,
            kernel_name="python3",
            timeout=timeout,
            resources={"metadata": {"path": str(workdir)}},
            shutdown_kernel="immediate",  # the output is complete; don't wait for a goodbye
        )
        self.client.km = self.client.create_kernel_manager()
        # the kernel is this interpreter's own ipykernel, never whatever 'python3' kernelspec
        # the Jupyter path holds (another Python's, without socialreach's packages): with no
        # kernel folders, jupyter_client builds the native spec from sys.executable
        self.client.km.kernel_spec_manager = KernelSpecManager(kernel_dirs=[])
        self.client.km.connection_file = str(workdir / "kernel.json")
        if os.name == "posix":
            # unix sockets in workdir, not TCP on localhost (and the kernel stays quiet about it);
            # Windows has no ipc transport and keeps TCP
            self.client.km.transport = "ipc"
            self.client.km.ip = str(workdir / "kernel-ipc")
        # figures of a custom notebook come out as plotly JSON, turned into report figures by
        # _for_export: no renderer may embed plotly.js a second time
        env = {**os.environ, "PLOTLY_RENDERER": "plotly_mimetype"}
        self.client.start_new_kernel(cwd=str(workdir), env=env)
        self._written = False
        self._go = threading.Event()
        self._executed = threading.Event()  # the cells have run (or failed): the notebook is done
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="socialreach-kernel", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        try:
            # the thread's own event loop, closed when the session ends
            asyncio.run(self._session())
        except BaseException as err:  # handed to the caller's thread by run()
            if not self._executed.is_set():  # a failure while stopping the kernel: close()'s
                self._error = err
        finally:
            self._executed.set()

    async def _session(self) -> None:
        from jupyter_core.utils import ensure_async

        client = self.client
        await client.async_start_new_kernel_client()  # waits until the kernel answers
        client.reset_execution_trackers()
        async with client.async_setup_kernel():
            # the kernel's language in the notebook's metadata, as nbclient's execute sets it
            reply = await client.async_wait_for_reply(await ensure_async(client.kc.kernel_info()))
            if reply is not None and "language_info" in reply["content"]:
                client.nb.metadata["language_info"] = reply["content"]["language_info"]
            await asyncio.get_running_loop().run_in_executor(None, self._go.wait)
            if not self._written:  # closed without running
                return
            parameters = {"bundle_path": str(self.bundle), "lang": self.lang}
            client.nb = _inject_parameters(client.nb, parameters)
            # one budget for all cells: each may run for what the cells before it left
            deadline = time.monotonic() + self.timeout
            client.timeout_func = lambda cell: max(1, math.ceil(deadline - time.monotonic()))
            for index, cell in enumerate(client.nb.cells):
                await client.async_execute_cell(
                    cell, index, execution_count=client.code_cells_executed + 1
                )
            client.set_widgets_metadata()
            # the caller exports now, while the kernel shuts down (up to a tenth of a second)
            self._executed.set()

    def run(self) -> Any:
        """Run the notebook on the bundle written to :attr:`bundle`; the executed notebook."""
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        self._written = True
        self._go.set()
        self._executed.wait()  # not the kernel's shutdown: close() waits for that
        error, self._error = self._error, None
        if isinstance(error, CellExecutionError):
            # the traceback may quote values; name only the exception type
            raise _NotebookFailed(error.ename) from None
        if isinstance(error, CellTimeoutError):
            raise _NotebookFailed(
                "CellTimeoutError", f"ran past the {self.timeout} s its cells may take together"
            ) from None
        if isinstance(error, DeadKernelError):  # os._exit, a crash, the memory running out
            raise _NotebookFailed("DeadKernelError", "stopped its Python kernel") from None
        if error is not None:
            raise error
        return self.client.nb

    def close(self) -> None:
        """Wait until the kernel has stopped (:meth:`run` returns while it stops), or stop it
        if the notebook never ran."""
        from jupyter_core.utils import run_sync

        self._go.set()  # a thread still waiting for the bundle ends without running
        self._thread.join()
        kc = self.client.kc
        if kc is not None and kc.channels_running:
            kc.stop_channels()
        km = self.client.km
        if km is not None and km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)


@functools.cache
def _exporter() -> Any:
    # one per process: building an exporter compiles its Jinja templates (a third of a second)
    from nbconvert import HTMLExporter

    templates = importlib.resources.files("socialreach") / "templates"
    return HTMLExporter(
        template_name="socialreach_report",
        extra_template_basedirs=[str(templates)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_markdown=True,
        exclude_raw=True,
        embed_images=True,
    )


def _export_html(
    nb: Any, *, lang: str, title: str, n_figures: int, plotlyjs: str
) -> tuple[str, int]:
    """The notebook as HTML, and the number of figures in it (composed ones and the cells').

    ``plotlyjs`` is what the template puts in ``<head>`` when there are figures: the
    placeholder that :func:`_render` replaces by plotly.js after its checks.
    """
    nb, own_figures, held = _for_export(nb, lang)
    n_figures += own_figures
    nb.metadata["title"] = title
    resources = {
        "language_code": lang,
        # inlined by the template in <head>, before any chart; never passed through the kernel
        "socialreach_plotlyjs": plotlyjs if n_figures else "",
    }
    exporter = _exporter()
    exporter.language_code = lang  # <html lang=…>: screen readers and hyphenation
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    if held:
        pattern = "|".join(re.escape(slot) for slot in held)
        body, n = re.subn(pattern, lambda m: held[m.group(0)], body)
        if n != len(held):  # an output the template dropped would be a section lost unseen
            raise RuntimeError(f"the export kept {n} of {len(held)} outputs")
    return body, n_figures


def render_report(
    content: ReportContent,
    *,
    notebook: Any = None,
    timeout: int | None = None,
) -> str:
    """Execute the report notebook on ``content`` and export it as one offline HTML document.

    Parameters
    ----------
    content
        The composed report (:func:`build_report_content`).
    notebook
        A notebook to run instead of the packaged ``report.ipynb`` (same parameters).
    timeout
        Seconds the notebook's cells may run together (default :data:`CELLS_TIMEOUT`).

    Returns
    -------
    str
        The HTML document: no code, plotly.js once, no external reference.
    """
    with tempfile.TemporaryDirectory(prefix="socialreach-report-") as tmp:
        renderer = _Renderer(
            notebook if notebook is not None else _packaged_notebook(),
            workdir=Path(tmp),
            lang=content.lang,
            timeout=timeout,
        )
        try:
            return _render(renderer, content)
        finally:
            renderer.close()


def _render(renderer: _Renderer, content: ReportContent) -> str:
    if content.lang != renderer.lang:
        raise ValueError(f"a {renderer.lang!r} notebook cannot render a {content.lang!r} report")
    renderer.bundle.write_text(content.to_json(), encoding="utf-8")
    nb = renderer.run()
    # plotly.js (4.6 MB, checked once per process) joins the page after the page's own checks:
    # exporting, stripping and checking it again on every report took a quarter of a second
    slot = f"<!-- {_PLOTLYJS_MARK} {secrets.token_hex(16)} -->"
    exported, n_figures = _export_html(
        nb, lang=content.lang, title=content.title, n_figures=content.n_figures, plotlyjs=slot
    )
    document = _check_report(exported, n_figures, slot=slot)
    return document.replace(slot, plotlyjs_html(), 1)
