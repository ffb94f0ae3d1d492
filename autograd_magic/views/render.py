"""DOT source -> SVG or PNG with the graphviz-pure binary (no system Graphviz needed), time-limited.

The binary is found without PATH (a Jupyter kernel often lacks the venv's ``bin``): through the installed
``graphviz-pure`` distribution's file list, then next to ``sys.executable``, then ``dot`` on PATH.
``AUTOGRAD_MAGIC_DOT`` overrides the search: a path to a renderer, or ``none`` to act as if there were none.

Renderer processes get their own process group, and on a timeout the whole group is killed and reaped,
so nothing the renderer started outlives :func:`render`.
"""
from __future__ import annotations

import collections
import concurrent.futures
import dataclasses
import functools
import importlib.metadata
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import unicodedata

ENV_OVERRIDE = "AUTOGRAD_MAGIC_DOT"
TEXT_FORMATS = ("svg",)
BINARY_FORMATS = ("png",)
NO_RENDERER = ("no graph renderer found (pip install graphviz-pure, or install Graphviz); "
               "showing the outline instead")


@dataclasses.dataclass(frozen=True)
class RenderResult:
    """What a render gave: ``data`` (str for svg, bytes for png) or None with ``error`` saying why."""

    data: str | bytes | None
    error: str | None = None
    fmt: str = "svg"
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.data is not None


def find_renderer() -> list[str] | None:
    """The command that runs graphviz-pure (or ``dot``), or None when there is none.

    >>> cmd = find_renderer()
    >>> cmd is None or isinstance(cmd[0], str)
    True
    """
    override = os.environ.get(ENV_OVERRIDE)
    if override is not None and override.strip():
        return None if override.strip().lower() == "none" else [override]
    return _discover()


@functools.lru_cache(maxsize=1)
def _discover() -> list[str] | None:
    for candidate in (_from_distribution(), _next_to_python(), shutil.which("dot")):
        if candidate and _runnable(candidate):
            return [str(candidate)]
    return None


def _from_distribution():
    try:
        files = importlib.metadata.distribution("graphviz-pure").files or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for entry in files:
        if pathlib.PurePath(str(entry)).stem == "graphviz-pure":
            return pathlib.Path(entry.locate()).resolve()
    return None


def _next_to_python():
    scripts = pathlib.Path(sys.executable).parent
    for name in ("graphviz-pure", "graphviz-pure.exe"):
        if (scripts / name).exists():
            return scripts / name
    return None


def _runnable(path) -> bool:
    path = pathlib.Path(path)
    return path.is_file() and os.access(path, os.X_OK)


CACHED = 16   # renderings kept: a re-run cell, or a slider back at a value it had, draws the same DOT source
UNCLAIMED = 1.0   # seconds a rendering waits for its result() to be asked before a worker thread collects it


def render(dot_source: str, fmt: str = "svg", timeout: float = 5.0) -> RenderResult:
    """Render DOT source; never raises for renderer trouble (missing, failing, too slow): ``error`` says it.

    SVG comes back without its XML prolog and DOCTYPE, ready to inline in HTML. The last CACHED successful
    renderings are reused for the same source, format and renderer (the layout is a pure function of them).
    """
    pending = begin(dot_source, fmt, timeout)
    return pending if isinstance(pending, RenderResult) else pending.result()


_UNSET = object()


def begin(dot_source: str, fmt: str = "svg", timeout: float = 5.0):
    """Start rendering at once and return what collects it: the kept RenderResult, or a :class:`Rendering`
    whose ``result()`` waits for the renderer (never longer than timeout from now).

    The renderer is a separate process: it lays the graph out while the caller formats the other views. Its
    input is written from the calling thread (a thread pool's worker would wait for the interpreter lock until
    the caller blocks), all of it when the pipe takes it without blocking, the rest by whoever collects the
    output (``Rendering.result()``, or its worker when nobody asks).
    """
    if fmt not in TEXT_FORMATS + BINARY_FORMATS:
        raise ValueError(f"fmt must be 'svg' or 'png', not {fmt!r}")
    command = find_renderer()
    hit = cached(dot_source, fmt, command)
    if hit is not None:
        return hit
    if command is None:
        return RenderResult(None, NO_RENDERER, fmt)
    return Rendering(dot_source, fmt, timeout, command)


class Rendering:
    """A render under way (see :func:`begin`); ``result()`` waits for its RenderResult (in the calling thread:
    a worker would wait for the interpreter lock to read the output).

    If nobody asks within UNCLAIMED seconds (a terminal never draws the graph), a worker thread reads the output
    and reaps the renderer: no renderer process is left waiting on a full pipe.
    """

    def __init__(self, dot_source, fmt, timeout, command):
        self._key = (dot_source, fmt, tuple(command))
        self.fmt, self._command, self._timeout = fmt, command, timeout
        self._start = time.perf_counter()
        self._lock, self._claimed = threading.Lock(), threading.Event()
        self._result = None
        self._stand_ins = {}
        if fmt in TEXT_FORMATS:   # a PNG cannot be given its characters back (and its rasteriser has no CJK glyphs)
            dot_source, self._stand_ins = measured_as_drawn(dot_source)
        data = dot_source.encode("utf-8", "replace")
        try:
            self._proc = _spawn(command + ["-T" + fmt])
        except OSError as exc:
            self._result = RenderResult(None, f"could not start the graph renderer {command[0]}: {exc}", fmt)
            return
        self._rest = _write_what_fits(self._proc, data)
        _POOL.submit(self._unless_claimed)

    def result(self) -> RenderResult:
        self._claimed.set()
        return self._once()

    def _unless_claimed(self):
        if not self._claimed.wait(UNCLAIMED):
            self._once()

    def _once(self):
        with self._lock:
            if self._result is None:
                try:
                    self._result = self._collect(self._proc, self._rest)
                except BaseException:  # KeyboardInterrupt while waiting: the renderer is gone (see _collect)
                    self._result = RenderResult(None, "the graph renderer was interrupted; showing the outline "
                                                      "instead", self.fmt)
                    raise
                if self._result.ok:
                    _keep(self._key, self._result)
            return self._result

    def _collect(self, proc, rest):
        fmt = self.fmt
        try:
            with proc:
                try:
                    out, err = proc.communicate(rest or None, timeout=max(self._start + self._timeout
                                                                          - time.perf_counter(), 0))
                except BaseException:  # timeout, or KeyboardInterrupt while waiting: leave nothing behind
                    _kill(proc)
                    raise
        except subprocess.TimeoutExpired:
            return RenderResult(None, f"the graph renderer took longer than {self._timeout:g} s; "
                                      "showing the outline instead", fmt, time.perf_counter() - self._start)
        seconds = time.perf_counter() - self._start
        if proc.returncode != 0 or not out:
            return RenderResult(None, _failure(self._command[0], fmt, proc.returncode, err), fmt, seconds)
        if fmt in TEXT_FORMATS:
            return RenderResult(_inline_svg(_give_back(out.decode("utf-8", "replace"), self._stand_ins)), None, fmt,
                                seconds)
        return RenderResult(out, None, fmt, seconds)


def _keep(key, result):
    with _CACHE_LOCK:
        _CACHE[key] = result
        while len(_CACHE) > CACHED:
            _CACHE.popitem(last=False)


def cached(dot_source: str, fmt: str = "svg", command=_UNSET) -> RenderResult | None:
    """The kept rendering of this source and format, or None (a re-run cell draws the same graph: no renderer
    process, no thread hop)."""
    if command is _UNSET:
        command = find_renderer()
    key = (dot_source, fmt, None if command is None else tuple(command))
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
        return hit


_CACHE = collections.OrderedDict()
_CACHE_LOCK = threading.Lock()   # an unclaimed rendering is collected on a worker thread (Rendering)
_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="autograd-magic-render")


# Graphviz (graphviz-pure copies it) lays text out with Times metrics for ASCII and counts any other character as
# one space (0.25 em) per UTF-8 byte: Hangul, kana and CJK ideographs (3 bytes: 0.75 em) are drawn 0.94-1 em wide,
# so their boxes and legend cells came out too narrow and the text was clipped. Such characters (East Asian width
# W or F, and the few symbols our labels use that fonts draw 1 em wide) are swapped for private-use characters of
# plane 15, which take 4 bytes and so are measured as 1 em, and swapped back in the SVG.
EM_WIDE_SYMBOLS = frozenset("\u2190\u2191\u2192\u2193\u2194\u2026\u2014\u22ef")
_PLANE_15 = range(0xF0000, 0xFFFFE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def em_wide(char: str) -> bool:
    """True for a character drawn about 1 em wide that Graphviz measures narrower (Hangul, CJK, kana, →, …).

    >>> [em_wide(c) for c in "가中アx→é"]
    [True, True, True, False, True, False]
    """
    return char in EM_WIDE_SYMBOLS or (ord(char) > 0x7F and unicodedata.east_asian_width(char) in "WF")


def measured_as_drawn(dot_source: str) -> tuple[str, dict]:
    """The DOT source with each em-wide character replaced by a stand-in Graphviz measures 1 em wide, and the
    stand-ins {stand-in: character} to give back in the SVG (stand-ins already in the source are not used)."""
    wide = sorted({c for c in _NON_ASCII.findall(dot_source) if em_wide(c)})
    if not wide:
        return dot_source, {}
    present = {ord(c) for c in _NON_ASCII.findall(dot_source) if ord(c) >= _PLANE_15.start}
    free = (chr(cp) for cp in _PLANE_15 if cp not in present)
    swap = dict(zip(wide, free))
    return _swapped(dot_source, swap), {s: c for c, s in swap.items()}


def _give_back(svg: str, stand_ins: dict) -> str:
    return _swapped(svg, stand_ins)


def _swapped(text: str, swap: dict) -> str:
    """text with each key of swap (one character) replaced by its value. A few: one str.replace each (C speed;
    str.translate looks every character of a 20 KB SVG up in a dict, ~1 ms); many (Korean labels): translate."""
    if len(swap) > 16:
        return text.translate({ord(c): s for c, s in swap.items()})
    for c, s in swap.items():
        text = text.replace(c, s)
    return text


def _spawn(command: list):
    """The renderer process, in its own process group (a timeout kills the whole group), pipes on all three.
    (``process_group``, not ``start_new_session``: Python 3.11 starts the latter with fork(), which copies the
    kernel's page tables, ~4 ms more than vfork() with numpy and PyTorch loaded.)"""
    group = {} if os.name != "posix" else \
        {"process_group": 0} if sys.version_info >= (3, 11) else {"start_new_session": True}
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **group)


def _write_what_fits(proc, data: bytes) -> bytes:
    """Write to the renderer's input what its pipe takes without waiting, closing the input when all of it went;
    the rest (for Popen.communicate, which writes it within the timeout)."""
    if os.name != "posix":
        return data
    fd = proc.stdin.fileno()
    os.set_blocking(fd, False)
    written = 0
    try:
        while written < len(data):
            written += os.write(fd, data[written:])
    except BlockingIOError:
        return data[written:]
    except BrokenPipeError:   # the renderer has already exited: communicate() reads why
        written = len(data)
    proc.stdin.close()
    proc.stdin = None
    return b""


def _kill(proc):
    if os.name == "posix":
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    proc.kill()
    proc.wait()  # reap it; Popen.__exit__ then closes the pipes


def _failure(binary: str, fmt: str, code: int, err: bytes) -> str:
    message = " ".join(err.decode("utf-8", "replace").split())[-300:]
    name = pathlib.Path(binary).name
    if "not recognized" in message:
        return f"the graph renderer ({name}) cannot write {fmt.upper()}: {message}"
    return f"the graph renderer ({name}) failed with exit code {code}: {message or 'no output'}"


_TEXT_ATTRS = ' xml:space="preserve"', ' font-family="Times,serif"'


def _inline_svg(svg: str) -> str:
    """Drop what precedes ``<svg`` (XML declaration, DOCTYPE, generator comment) so it can sit inside HTML, and
    say once on the root what the renderer repeats on every text element (whitespace kept, the default font):
    the same picture, a tenth smaller (a cell's output has a size budget, issue 14)."""
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    if not svg.startswith("<svg") or "<style" in svg or not any(attr in svg for attr in _TEXT_ATTRS):
        return svg
    for attr in _TEXT_ATTRS:
        svg = svg.replace(attr, "")
    head, close, rest = svg.partition(">")
    return (head + ' xml:space="preserve"' + close + "<style>text{font-family:Times,serif}</style>" + rest
            if close else svg)
