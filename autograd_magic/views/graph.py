"""The backward graph as a diagram (DOT source) and as a plain-text outline.

Reads a :class:`~autograd_magic.trace.model.GraphSpec`; never runs anything. Every string a user can influence
(names, expressions, op labels, dtypes) goes through :func:`_html_text` or :func:`_plain` before it is placed
in DOT, so it cannot close a label, add a node or smuggle markup into the SVG.

>>> import numpy as np
>>> value_text(np.array([4.0, 16 / 3, 20 / 3]), 4)
'[4.0000, 5.3333, 6.6667]'
>>> value_text(np.array(7.0), 4)
'7.'
"""
from __future__ import annotations

import functools
import html
import math
import re
import textwrap

import graphviz
import numpy as np

from ..trace.model import INTERMEDIATE, LEAF, OUTPUT, GraphEdge, GraphNode, GraphSpec
from .format import MAX_ITEMS, value_glance, value_text  # the one number formatter (format.py); stepper and calculus import it here
from .i18n import text
from .style import KIND_COLOURS, KIND_TITLES, NOTE_COLOUR, OP_COLOUR

FAILED_COLOUR = "#b00020"

MAX_LABEL = 48         # characters of a name or expression kept in a diagram box
RANKDIRS = ("TB", "BT", "LR", "RL")

NO_GRADIENTS = "drawn before backward(): no gradients yet"
ARROWS = "arrows: the way gradients flow in backward()"
OUTLINE_TITLE = "backward graph, from the output down (each line passes its gradient to the lines indented under it)"

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_DTYPE_JUNK = re.compile(r"[^\w.]")


# ---------------------------------------------------------------- escaping

def _strings_remembered(fn):
    """fn(text, ...) kept for the texts it was given lately (a graph drawn again escapes the same labels, values
    and tooltips: ~60 texts a graph); arguments that are not strings are not remembered."""
    kept = functools.lru_cache(maxsize=4096)(fn)

    @functools.wraps(fn)
    def escaped(text, *args):
        return kept(text, *args) if text.__class__ is str else fn(text, *args)
    return escaped


@_strings_remembered
def _plain(text, limit: int | None = None) -> str:
    """One clean line: control characters and lone surrogates replaced, whitespace runs made single spaces."""
    text = _CONTROL.sub("\ufffd", " ".join(str(text).split()))
    if limit is not None and len(text) > limit:
        text = text[:limit - 1] + "\u2026"
    return text


@_strings_remembered
def _html_text(text, limit: int | None = MAX_LABEL) -> str:
    """Text for an HTML-like label: entities for markup characters, and backslashes doubled because graphviz
    expands escapes such as ``\\N`` inside HTML text too (after decoding entities)."""
    return html.escape(_plain(text, limit), quote=True).replace("\\", "\\\\")


@_strings_remembered
def _attr(text) -> str:
    """Text for a quoted attribute (tooltip). Graphviz expands backslash escapes in tooltips more than once,
    so tooltips carry only our own words, numbers and dtypes, and the backslash is refused here outright."""
    return graphviz.escape(_plain(text, 300).replace("\\", "\ufffd"))


# ---------------------------------------------------------------- what each node says

def _tensor_lines(node, has_gradients: bool, precision: int, lang: str = "en", snapshots=None) -> list:
    """The value and gradient lines of a tensor box (plain text, not escaped)."""
    t = node.tensor
    if t is None:
        return []
    dtype = _dtype(t)
    then = (snapshots or {}).get(t.node_id) if t.node_id is not None else None
    if then is not None and then.shape == t.value.shape and then.size <= MAX_ITEMS \
            and not np.array_equal(then, t.value):
        # the leaf changed after backward (optimizer.step()): the gradient belongs to the value it had then (a
        # big tensor's box shows its shape and dtype, which did not change: "then shape (10, 2), now shape (10, 2)"
        # would only widen the box and the picture)
        lines = [text("value_then_now", lang, then=value_text(then, precision, dtype=dtype),
                      now=value_text(t.value, precision, dtype=dtype))]
    elif np.size(t.value) == 0 and any(t.shape) and all(t.shape):
        # values not kept (a big temporary that is gone): its shape and dtype, not an empty "[]"
        lines = [f"shape {tuple(int(n) for n in t.shape)}, {dtype}"]
    else:
        lines = [value_text(t.value, precision, dtype=dtype)]
        if np.size(t.value) > MAX_ITEMS:   # a big tensor: a glance at its numbers under its shape
            lines.append(value_glance(t.value, precision, dtype=dtype))
    if not has_gradients:
        lines.append(text("no_gradient_yet", lang))
    elif t.grad is None:
        lines.append(text("grad_line", lang, g="None"))
    else:   # "grad: ..." in English, "기울기: ..." in Korean, as the table's header and the stepper's boxes say it
        lines.append(text("grad_line", lang, g=value_text(t.grad, precision, dtype=dtype)))
        if np.size(t.grad) > MAX_ITEMS:
            lines.append(text("grad_glance", lang, g=value_glance(t.grad, precision, dtype=dtype)))
    return lines


def _dtype(t) -> str:
    return _plain(t.dtype, 32)


def _tensor_label(node, has_gradients: bool, precision: int, lang: str = "en", snapshots=None) -> str:
    title = f"<B>{_html_text(node.label or (node.tensor and node.tensor.label) or node.id)}</B>"
    rest = [f'<FONT POINT-SIZE="10">{_html_text(line, None)}</FONT>'
            for line in _tensor_lines(node, has_gradients, precision, lang, snapshots)]
    return "<" + "<BR/>".join([title] + rest) + ">"


def _tensor_tooltip(node) -> str:
    t = node.tensor
    if t is None:
        return _attr("tensor")
    kind = t.kind if t.kind in KIND_TITLES else "a"
    return _attr(f"{kind} tensor, shape {tuple(int(n) for n in t.shape)}, {_DTYPE_JUNK.sub('?', _dtype(t))}")


def _op_tooltip(node, has_gradients: bool, precision: int):
    if not has_gradients:
        return None
    if node.grad is None:
        return _attr("no gradient reached this op")
    return _attr("gradient arriving: " + value_text(node.grad, precision))


# ---------------------------------------------------------------- DOT

def to_dot(spec, *, rankdir: str = "TB", precision: int = 4, max_nodes: int = 60, marks=None,
           depth: int | None = None, lang: str = "en", failed=(), snapshots=None, ordered: bool = False) -> str:
    """DOT source for the backward graph: op boxes (PyTorch's names) and coloured tensor boxes with value and grad.

    Edges follow ``spec.edges`` (gradient flows src -> dst), so with ``rankdir="TB"`` the output is at the top.
    At most ``max_nodes`` nodes are drawn (the first ones in the spec's order); a notice counts the rest.
    ``marks`` (a :class:`StepMarks`, from the stepper) highlights one moment of the backward pass: node states,
    extra lines in boxes, labels on edges and a caption. The ops an ``nn.Module`` made are drawn inside a box
    labelled with the module (``model.0: Linear(3 → 5)``); modules nested deeper than ``depth`` are drawn as one box
    each (default: all open while the graph has at most AUTO_OPEN op nodes, else depth 1). ``ordered`` places each
    node's inputs in the spec's order (Graphviz ``ordering=out``): the cell's graph and the stepper's pictures (wider
    boxes, labelled edges) then share one arrangement instead of coming out mirrored.

    >>> from autograd_magic.trace.model import GraphSpec, GraphNode
    >>> print(to_dot(GraphSpec(nodes=[GraphNode("a", "op", "SumBackward0")])).splitlines()[0])
    digraph "computation graph" {
    """
    if rankdir not in RANKDIRS:
        raise ValueError(f"rankdir must be one of {', '.join(RANKDIRS)}, not {rankdir!r}")
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    spec = fold_modules(spec, depth)
    nodes = _unique(spec.nodes)
    omitted = spec.omitted + max(0, len(nodes) - max_nodes)
    nodes = nodes[:max_nodes]
    ids = {node.id: f"n{i}" for i, node in enumerate(nodes)}
    dot = _digraph(rankdir)
    if ordered:
        dot.attr(ordering="out")
    if spec.scopes and any(node.scope for node in nodes):
        # module boxes (clusters): without newrank, dot ranks each cluster on its own and the legend's edges from
        # the leaves inside them came out flat, so the legend sat beside the graph and widened it (demo 03's XOR
        # MLP: 928 pt wide instead of 826 pt)
        dot.attr(newrank="true")
    _add_nodes_in_boxes(dot, nodes, ids, spec, precision, marks, (lang, frozenset(failed), snapshots or {}))
    boundary = _add_edges(dot, spec.edges, ids, marks, _staggered(nodes, spec.edges, ids))
    caption = list(marks.caption) if marks is not None and marks.caption else []
    if spec.repeats > 1 and not caption:
        caption = [text("repeats", lang, n=spec.repeats, which=text("drawn_" + spec.drawn, lang))]
    if caption:
        dot.attr(label="<" + "".join(_html_text(line, 160) + '<BR ALIGN="LEFT"/>' for line in caption) + ">",
                 labelloc="t", labeljust="l", fontsize="12")
    _add_legend(dot, spec.has_gradients, lang, across=rankdir in ("TB", "BT"))
    _legend_below(dot, spec.edges, ids)
    if omitted:
        _add_notice(dot, omitted, boundary)
    return dot.source


AUTO_OPEN = 40        # graphs with more op nodes show their modules closed below the first level
MODULE_COLOUR = "#e8e0f5"


def fold_modules(spec, depth=None):
    """The spec with the ops of modules nested deeper than depth replaced by one box per module (edges kept
    between what remains). depth None: open up to AUTO_OPEN op nodes, else 1."""
    if not spec.scopes:
        return spec
    spec = fold_repeats(spec)
    if depth is None:
        ops = sum(1 for n in spec.nodes if n.kind == "op")
        depth = 10 ** 6 if ops <= AUTO_OPEN else 1
    if all(len(n.scope) <= depth for n in spec.nodes):
        return spec
    nodes, where, added = [], {}, set()
    for n in spec.nodes:
        if len(n.scope) <= depth:
            nodes.append(n)
            where[n.id] = n.id
            continue
        key = n.scope[depth]
        box_id = f"module{key}"
        where[n.id] = box_id
        if box_id not in added:
            added.add(box_id)
            nodes.append(GraphNode(id=box_id, kind="module", label=spec.scopes.get(key, "module"),
                                   scope=n.scope[:depth]))
    return _merged(spec, nodes, where)


def _natural(text):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def _kind(label):
    """'model.3: Linear(3 → 3)' -> 'Linear(3 → 3)': what a module is, without its name."""
    return label.split(": ", 1)[1] if ": " in label else label


def fold_repeats(spec):
    """The spec with runs of repeated sibling modules (consecutive blocks of the same kinds and shapes: 8 ×
    [Linear(3 → 3), Tanh] in a Sequential, a ModuleList of identical blocks) folded: the first block stays,
    the repeats become one box "× 7 more: Linear(3 → 3), Tanh" (edges kept)."""
    children = {}
    for n in spec.nodes:
        for k in range(len(n.scope)):
            children.setdefault(tuple(n.scope[:k]), set()).add(n.scope[k])
    folded = {}   # module key -> (box id, box label, parent chain)
    for parent, keys in children.items():
        order = sorted(keys, key=lambda k: _natural(spec.scopes.get(k, "")))
        kinds = [_kind(spec.scopes.get(k, "module")) for k in order]
        best = None   # (children folded, start, period, repeats)
        for period in range(1, len(kinds) // 2 + 1):
            for start in range(len(kinds) - 2 * period + 1):
                block = kinds[start:start + period]
                reps = 1
                while kinds[start + reps * period:start + (reps + 1) * period] == block:
                    reps += 1
                if reps > 1 and (best is None or (reps - 1) * period > best[0]):
                    best = ((reps - 1) * period, start, period, reps)
        if best is None:
            continue
        _, start, period, reps = best
        block = kinds[start:start + period]
        rest = order[start + period:start + reps * period]
        box = f"repeat{rest[0]}"
        label = f"\u00d7 {reps - 1} more: " + ", ".join(block)
        for k in rest:
            folded[k] = (box, label, parent)
    if not folded:
        return spec
    nodes, where, added = [], {}, set()
    for n in spec.nodes:
        hit = next(((i, folded[k]) for i, k in enumerate(n.scope) if k in folded), None)
        if hit is None:
            nodes.append(n)
            where[n.id] = n.id
            continue
        box, label, parent = hit[1]
        where[n.id] = box
        if box not in added:
            added.add(box)
            nodes.append(GraphNode(id=box, kind="module", label=label, scope=parent))
    return _merged(spec, nodes, where)


def _merged(spec, nodes, where):
    """spec with the given nodes; each edge rerouted through where (node id -> the box that now stands for it),
    once, and none from a box to itself."""
    edges, seen = [], set()
    for e in spec.edges:
        a, b = where.get(e.src, e.src), where.get(e.dst, e.dst)
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            edges.append(GraphEdge(a, b))
    return GraphSpec(nodes=nodes, edges=edges, has_gradients=spec.has_gradients, omitted=spec.omitted,
                     scopes=spec.scopes, repeats=spec.repeats, drawn=spec.drawn)


def _add_nodes_in_boxes(dot, nodes, ids, spec, precision, marks, lang=("en", frozenset(), {})):
    """Nodes without a module go straight into the graph; the others into nested clusters, one per module."""
    children = {}
    for node in nodes:
        chain = tuple(node.scope) if spec.scopes else ()
        children.setdefault(chain, []).append(node)
    prefixes = {}   # chain -> {the chains one module deeper: None}, in the order the nodes first reach them
    for chain in children:
        for k in range(len(chain)):
            prefixes.setdefault(chain[:k], {})[chain[:k + 1]] = None
    counter = iter(range(10 ** 6))

    def emit(container, chain):
        for node in children.get(chain, ()):
            if node.kind == "module":
                _dot_node(container, ids[node.id], "<" + _html_text(node.label) + ">", shape="box3d",
                          style="filled", fillcolor=MODULE_COLOUR,
                          tooltip=_attr(f"{node.label}: its ops are drawn as one box (--depth to open it)"))
            else:
                _add_node(container, ids[node.id], node, spec.has_gradients, precision, marks, lang)
        # (in the nodes' order, which the backward pass fixes: module keys are id()s, and an order by them drew
        # the same cell's boxes in a different arrangement from one run to the next)
        for sub in prefixes.get(chain, ()):
            with container.subgraph(name=f"cluster_{next(counter)}") as box:
                box.attr(label="<" + _html_text(spec.scopes.get(sub[-1], "module")) + ">", labeljust="l",
                         style="rounded,dashed", color="#8e7cc3", fontsize="10", fontcolor="#5b4a8a")
                emit(box, sub)

    try:
        emit(dot, ())
    finally:
        emit = None   # a recursive closure refers to itself: without this, a cycle holding the graph's values


def _unique(nodes) -> list:
    """The nodes with each id once (the first wins), in the spec's order."""
    seen, kept = set(), []
    for node in nodes:
        if node.id not in seen:
            seen.add(node.id)
            kept.append(node)
    return kept


def _digraph(rankdir: str):
    return graphviz.Digraph(
        "computation graph",
        graph_attr={"rankdir": rankdir, "nodesep": "0.25", "ranksep": "0.35", "bgcolor": "white"},
        node_attr={"fontsize": "11", "margin": "0.1,0.05"},
        edge_attr={"color": "#555555", "arrowsize": "0.7"},
    )


def _add_node(dot, nid: str, node, has_gradients: bool, precision: int, marks=None, lang=("en", frozenset(), {})):
    lang, failed, snapshots = lang if isinstance(lang, tuple) else (lang, frozenset(), {})
    mark = marks.nodes.get(node.id) if marks is not None else None
    extra = {}
    if mark is not None:
        extra = dict(STEP_STYLES.get(mark.state, {}))
        extra["class"] = "step-" + mark.state  # the SVG <g> gets it: tests and the browser find the running node
    if node.kind == "tensor":
        kind = node.tensor.kind if node.tensor is not None else INTERMEDIATE
        label = _tensor_label(node, has_gradients, precision, lang, snapshots) if mark is None or mark.lines is None \
            else _lines_label(node.label or (node.tensor and node.tensor.label) or node.id, mark.lines)
        attrs = dict(shape="box", style="filled", fillcolor=KIND_COLOURS.get(kind, KIND_COLOURS[INTERMEDIATE]),
                     penwidth="1.6" if kind == OUTPUT else "1", tooltip=_tensor_tooltip(node))
    else:
        text_label = _html_text(node.label)
        if node.node_id is not None and node.node_id in failed:  # the node where the cell's backward() raised
            text_label += (f'<BR/><FONT POINT-SIZE="9" COLOR="{FAILED_COLOUR}">'
                           f'{_html_text(text("failed_here", lang))}</FONT>')
            extra = {"color": FAILED_COLOUR, "penwidth": "2.5", "class": "failed", **extra}
        label = "<" + text_label + ">" if mark is None or not mark.lines \
            else _lines_label(node.label, mark.lines)
        attrs = dict(shape="box", style="rounded,filled", fillcolor=OP_COLOUR, fontsize="10", height="0.3",
                     tooltip=_op_tooltip(node, has_gradients, precision))
    attrs.update(extra)
    _dot_node(dot, nid, label, **{k: v for k, v in attrs.items() if v is not None})


# The DOT lines graphviz wrote lately, by what they were written from: a graph drawn again (a cell run again, a
# slider move) writes mostly the same boxes, and graphviz's quoting costs ~10 us a node. The line is graphviz's
# own, so the source is the same as calling it.
_LINES = {}


def _dot_node(dot, name, label, **attrs):
    _memo_line(dot, ("node", name, label, tuple(attrs.items())), dot.node, (name, label), attrs)


def _dot_edge(dot, src, dst, **attrs):
    _memo_line(dot, ("edge", src, dst, tuple(attrs.items())), dot.edge, (src, dst), attrs)


def _memo_line(dot, key, write, args, attrs):
    """dot's line for key from the memo, or write(*args, **attrs) (graphviz) and keep the line it added."""
    line = _LINES.get(key)
    if line is not None:
        dot.body.append(line)
        return
    n = len(dot.body)
    write(*args, **attrs)
    if len(dot.body) == n + 1:
        if len(_LINES) >= 4096:
            _LINES.clear()
        _LINES[key] = dot.body[n]


def _lines_label(title, lines) -> str:
    rest = [f'<FONT POINT-SIZE="10">{_html_text(line, 120)}</FONT>' for line in lines]
    return "<" + "<BR/>".join([f"<B>{_html_text(title)}</B>"] + rest) + ">"


# How the stepper draws the moment of the backward pass (see StepMarks).
STEP_STYLES = {
    "running": {"color": "#d62728", "penwidth": "3", "fillcolor": "#ffd8a8"},
    "done": {},
    "waiting": {"fontcolor": "#888888", "color": "#bbbbbb"},
}


class StepMarks:
    """One moment of the backward pass drawn over the graph: per node id a NodeMark, per (src, dst) edge a
    label (plain text, escaped here), and caption lines above the graph."""

    def __init__(self, nodes=None, edges=None, caption=(), tips=None):
        self.nodes = nodes or {}
        self.edges = edges or {}
        self.caption = list(caption)
        self.tips = tips or {}   # (src, dst) -> hover text of an edge (full values of big tensors)


class NodeMark:
    """state: "running", "done" or "waiting"; lines: text lines under the box's title (None: the usual ones)."""

    def __init__(self, state, lines=None):
        self.state, self.lines = state, lines


STAGGER_FROM = 4   # an op with this many parameters or more (an LSTM layer's 4) puts them on several rows


def _staggered(nodes, edges, ids) -> dict:
    """{(src, dst): minlen} for the edges from an op to the AccumulateGrad of each of its many parameters: they
    take turns on ceil(sqrt(k)) rows instead of one (an LSTM layer's 4 parameter boxes side by side made its
    graph 1344 px wide, two LSTM layers' 8 twice that): every edge on the first row keeps the default."""
    accumulate = {n.id for n in nodes if n.kind == "op" and n.label == "AccumulateGrad"}
    children = {}
    for edge in edges:
        if edge.dst in accumulate and edge.src in ids:
            children.setdefault(edge.src, []).append(edge.dst)
    out = {}
    for src, dsts in children.items():
        if len(dsts) >= STAGGER_FROM:
            rows = math.isqrt(len(dsts) - 1) + 1
            for i, dst in enumerate(dsts):
                if i % rows:
                    out[(src, dst)] = str(1 + i % rows)
    return out


def _add_edges(dot, edges, ids, marks=None, minlen=None) -> list:
    """Draw the edges between drawn nodes; return the drawn nodes that lead to nodes left out. minlen: the
    ranks some edges span (_staggered)."""
    boundary = []
    minlen = minlen or {}
    for edge in edges:
        src, dst = ids.get(edge.src), ids.get(edge.dst)
        text = marks.edges.get((edge.src, edge.dst)) if marks is not None else None
        if src and dst and text:
            tip = marks.tips.get((edge.src, edge.dst))
            extra = {"tooltip": _attr(tip)} if tip else {}
            _dot_edge(dot, src, dst, label="<" + "<BR/>".join(_html_text(t, 120) for t in text.split("\n")) + ">",
                      fontsize="10", fontcolor="#d62728", color="#d62728", penwidth="2", **extra)
        elif src and dst:
            span = minlen.get((edge.src, edge.dst))
            if span:
                _dot_edge(dot, src, dst, minlen=span)
            else:
                _dot_edge(dot, src, dst)
        elif src and src not in boundary:
            boundary.append(src)
    return boundary


def _add_legend(dot, has_gradients: bool, lang: str = "en", across: bool = True):
    """The key to the colours, after the graph's last rank: a row under a top-down graph; a column beside a
    left-to-right one (a row there added its whole width to the picture's, and shrank --rankdir LR graphs)."""
    _dot_node(dot, "legend", _legend_label(lang, across), shape="plaintext", fontsize="9")
    if not has_gradients:
        dot.node("note_no_gradients", text("no_gradients", lang), shape="note", style="filled", fillcolor=NOTE_COLOUR)
        dot.edge("legend", "note_no_gradients", style="invis")  # keeps the note under the legend


@functools.lru_cache(maxsize=8)
def _legend_label(lang, across):
    """The legend's HTML-like label (the same for every graph in one language and direction)."""
    cells = [f'<TD BGCOLOR="{KIND_COLOURS[k]}">{html.escape(text("legend_" + k, lang))}</TD>'
             for k in (LEAF, INTERMEDIATE, OUTPUT)]
    cells.append(f'<TD BGCOLOR="{OP_COLOUR}" STYLE="rounded">{html.escape(text("legend_op", lang))}</TD>')
    if across:
        arrows = html.escape(text("arrows", lang))
        rows = f'<TR>{"".join(cells)}</TR><TR><TD COLSPAN="4" BORDER="0">{arrows}</TD></TR>'
    else:
        arrows = text("arrows", lang)   # lines no wider than the widest entry (Hangul is twice as wide)
        lines = textwrap.wrap(arrows, 24 if arrows.isascii() else 16)
        rows = "".join(f"<TR>{c}</TR>" for c in cells) + \
            f'<TR><TD BORDER="0">{"<BR/>".join(html.escape(line) for line in lines)}</TD></TR>'
    table = f'<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="3" CELLPADDING="3">{rows}</TABLE>'
    return f"<{table}>"


def _legend_below(dot, edges, ids):
    """Put the legend under the graph (invisible edges from every node nothing flows on from), not beside it: a
    wide graph keeps its width, and at 1024 px it is drawn larger."""
    has_out = {ids[e.src] for e in edges if e.src in ids and e.dst in ids}
    for nid in dict.fromkeys(ids.values()):
        if nid not in has_out:
            _dot_edge(dot, nid, "legend", style="invis", weight="0")


def _add_notice(dot, omitted: int, boundary: list):
    dot.node("omitted_notice", f"... {omitted} more nodes not drawn (--max-nodes)",
             shape="note", style="filled", fillcolor=NOTE_COLOUR)
    for nid in boundary:
        dot.edge(nid, "omitted_notice", style="dashed", color="#999999")


# ---------------------------------------------------------------- text outline

def outline(spec, precision: int = 4, *, max_lines: int = 200) -> str:
    """The same graph as an indented tree from the outputs, one line per node (for when no diagram can be drawn).

    A tensor box that only points at the op that made it is written on that op's line (``MulBackward0: z ...``).
    A node reached a second time (a tensor used twice) is listed again as ``(again, see above)``.
    """
    nodes = {node.id: node for node in reversed(spec.nodes)}
    children, made_by = _outline_links(spec, nodes)
    made = {op: tid for tid, op in made_by.items()}
    has_parent = {c for kids in children.values() for c in kids}
    roots = [n.id for n in _unique(spec.nodes) if n.id not in has_parent and n.id not in made_by]
    walk = _walk(roots, children)
    lines = [OUTLINE_TITLE] + ([] if spec.has_gradients else [NO_GRADIENTS])
    for nid, depth, again in walk[:max_lines]:
        indent = "  " * min(depth, 30) + (f"[depth {depth}] " if depth > 30 else "")
        lines.append(indent + _outline_line(nodes, nid, made.get(nid), again, spec.has_gradients, precision))
    if len(walk) > max_lines:
        lines.append(f"... {len(walk) - max_lines} more lines")
    if spec.omitted:
        lines.append(f"... {spec.omitted} more nodes not drawn (--max-nodes)")
    return "\n".join(lines)


def _outline_links(spec, nodes):
    """Children of each node, and the tensor boxes whose only edge points at the op that made them."""
    children = {nid: [] for nid in nodes}
    incoming = {nid: 0 for nid in nodes}
    for edge in spec.edges:
        if edge.src in nodes and edge.dst in nodes:
            children[edge.src].append(edge.dst)
            incoming[edge.dst] += 1
    made_by, makers = {}, set()
    for nid, node in nodes.items():
        kids = children[nid]
        if node.kind == "tensor" and not incoming[nid] and len(kids) == 1 and nodes[kids[0]].kind == "op" \
                and kids[0] not in makers:
            made_by[nid] = kids[0]
            makers.add(kids[0])
            children[nid] = []
    return children, made_by


def _walk(roots, children) -> list:
    """(node id, depth, seen before) depth-first, iteratively (deep graphs must not hit the recursion limit)."""
    order, expanded = [], set()
    stack = [(nid, 0) for nid in reversed(roots)]
    while stack:
        nid, depth = stack.pop()
        again = nid in expanded
        order.append((nid, depth, again))
        if not again:
            expanded.add(nid)
            stack.extend((child, depth + 1) for child in reversed(children[nid]))
    return order


def _outline_line(nodes, nid, tid, again, has_gradients: bool, precision: int) -> str:
    """One node's line; an op that made a named tensor is written ``Op: tensor ...``; a repeat is short."""
    node = nodes[nid]
    head = _plain(node.label, MAX_LABEL)
    if tid is not None:
        head += ": " + _plain(nodes[tid].label, MAX_LABEL)
        node = nodes[tid]
    if again:
        return head + "  (again, see above)"
    if node.kind != "tensor":
        return head
    kind = node.tensor.kind if node.tensor is not None else INTERMEDIATE
    rest = _tensor_lines(node, has_gradients, precision)
    return "  ".join([f"{head} [{kind}]"] + (["= " + rest[0]] + rest[1:] if rest else []))
