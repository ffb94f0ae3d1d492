"""The stepper: the backward pass one node at a time, in the order the engine ran the nodes.

At step k the node being run is highlighted; its incoming gradient is written in its box; each edge out of it is
labelled ``upstream x local = contribution`` (``upstream -> contribution`` where the op is not elementwise); a node
that got gradients from two places shows both and their sum; leaves show their ``.grad`` filling up. The last step
shows the gradients of the table.

Reads the trace model only: the graph (``GraphSpec``) and the steps (each with ``.node``, ``.node_id``,
``.grad_in`` and ``.inputs``, each input with ``.target``, ``.target_id``, ``.local``, ``.contribution``).
"""
import base64
import html

import numpy as np

from .graph import NodeMark, StepMarks, to_dot, value_text
from .diagram import GRAPH_CSS, img_css

LABELS = {
    "en": {
        "before": "before backward(): {n} steps to go",
        "step": "step {k} of {n}",
        "runs": "{node} runs",
        "grad_in": "grad in: {g}",
        "sum_in": "in: {parts} = {total}",
        "grad": "grad: {g}",
        "grad_none": "grad: None",
        "not_yet": "grad: not yet",
        "accumulate": "{leaf}.grad += {g}",
        "accumulated": "{leaf}.grad = {g}",
        "no_local": "{up} → {c}",
        "times": "{up} × {local} = {c}",
        "summary": "shape {shape}, mean {mean}",
        "title": "backward, step by step ({n} nodes, in the order the engine ran them)",
        "pass": "backward pass {p}",
        "undrawn": "(not drawn: --max-nodes)",
        "hint": "Step with the slider or the buttons (arrow keys on the focused slider); play runs through.",
        "play": "play",
        "slider": "step",
        "prev": "back",
        "next": "next",
        "none": "no backward() ran in this cell: nothing to step through",
        "static": "the last step (what the table shows); every step below",
        "more": "... {n} more steps (the stepper goes through all of them)",
    },
    "ko": {
        "before": "backward() 전: {n}단계 남음",
        "step": "{n}단계 중 {k}단계",
        "runs": "{node} 실행",
        "grad_in": "들어온 기울기: {g}",
        "sum_in": "들어온 값: {parts} = {total}",
        "grad": "기울기: {g}",
        "grad_none": "기울기: None",
        "not_yet": "기울기: 아직 없음",
        "accumulate": "{leaf}.grad += {g}",
        "accumulated": "{leaf}.grad = {g}",
        "no_local": "{up} → {c}",
        "times": "{up} × {local} = {c}",
        "summary": "모양 {shape}, 평균 {mean}",
        "title": "단계별 역전파 (노드 {n}개, 엔진이 실행한 순서)",
        "pass": "역전파 {p}번째",
        "undrawn": "(그림에 없음: --max-nodes)",
        "hint": "슬라이더나 버튼으로 한 단계씩 (슬라이더에 초점을 두고 화살표 키); 재생은 끝까지 진행합니다.",
        "play": "재생",
        "slider": "단계",
        "prev": "이전",
        "next": "다음",
        "none": "이 셀에서 backward()가 실행되지 않아 단계가 없습니다",
        "static": "마지막 단계 (표와 같은 값); 아래는 모든 단계",
        "more": "... {n}단계 더 (스테퍼로 모두 볼 수 있습니다)",
    },
}
# JupyterLab's own style for an output's <pre> breaks lines anywhere ("[2.0000, 2.6" / "667, 3.3333]"): wrapped
# lines break between elements and words instead
STEPS_PRE_STYLE = "white-space:pre-wrap;word-break:normal;overflow-wrap:normal"
MAX_LISTED = 60   # steps listed as text in the static view and in a terminal
SMALL = 4   # arrays of up to this many elements are written out on edges; bigger ones are summarised


def short(arr, precision):
    """An array for an edge label: its values when small, else shape and mean ("..." when not recorded)."""
    if arr is None:
        return "..."
    a = np.asarray(arr)
    if a.size <= SMALL:
        return value_text(a, precision)
    mean = value_text(np.asarray(a.mean(), dtype=np.float64), precision)
    return f"shape {tuple(int(n) for n in a.shape)}, mean {mean}"




class Stepper:
    """The steps of a cell's backward passes over its graph; one picture (DOT / SVG) and one text per step.

    ``len(stepper)`` steps; step 0 is "before backward", step k (1..n) is the k-th node the engine ran.
    """

    def __init__(self, graph, steps, *, passes=(), rankdir="TB", precision=4, max_nodes=60, lang="en"):
        self.graph, self.steps, self.passes = graph, list(steps), list(passes)
        # the trace names engine nodes by number; the drawing names its boxes: one map between them
        self._gid = {n.node_id: n.id for n in graph.nodes if n.kind == "op" and getattr(n, "node_id", None) is not None}
        self.rankdir, self.precision, self.max_nodes = rankdir, precision, max_nodes
        self.words = LABELS.get(lang, LABELS["en"])
        self.lang = lang
        self._nodes = {n.id: n for n in graph.nodes}
        self._boxes = self._tensor_boxes()
        self._svgs = {}

    def _step_fields(self, step):
        """(node name, graph id, grad_in, [(target, graph id, local, contribution)]) of one step."""
        gid = self._gid
        inputs = [(i.target, gid.get(i.target_id, i.target_id), i.local, i.contribution) for i in step.inputs]
        return step.node, gid.get(step.node_id, step.node_id), step.grad_in, inputs

    def __len__(self):
        return len(self.steps)

    def _t(self, key, **kw):
        return self.words[key].format(**kw)

    def _tensor_boxes(self):
        """op id -> the tensor box drawn beside it (a named output, or a leaf under its AccumulateGrad)."""
        boxes = {}
        for e in self.graph.edges:
            src, dst = self._nodes.get(e.src), self._nodes.get(e.dst)
            if src is None or dst is None:
                continue
            if src.kind == "tensor" and dst.kind == "op":
                boxes.setdefault(dst.id, src)
            elif src.kind == "op" and dst.kind == "tensor":
                boxes.setdefault(src.id, dst)
        return boxes

    # ---------------------------------------------------------------- the state at step k

    def _leaf_base(self, box_id, box, accum_id):
        """A leaf's .grad before this cell's first backward: what the trace saw before the first pass that reached
        it, else the table's final value minus what the steps added."""
        for p in self.passes:
            for leaf in p.leaves:
                if self._gid.get(leaf.node_id, leaf.node_id) == accum_id:
                    return leaf.before
        final = None if box.tensor is None else box.tensor.grad
        if final is None:
            return None
        added = sum((np.asarray(s.grad_in, np.float64) for s in self.steps
                     if self._gid.get(s.node_id, s.node_id) == accum_id and s.grad_in is not None),
                    np.zeros(np.shape(final)))
        base = np.asarray(final, np.float64) - added
        return None if np.allclose(base, 0.0, atol=1e-12) else base

    def marks(self, k):
        """StepMarks for step k (0: before backward; len(self): the last step)."""
        n = len(self.steps)
        k = max(0, min(k, n))
        p = self.precision
        running = self._step_fields(self.steps[k - 1]) if k else None
        ran = {}       # node id -> summed grad_in over steps 1..k
        received = {}  # (node id, output slot) -> [contributions] that arrived at steps 1..k
        for step in self.steps[:k]:
            _, nid, g, inputs = self._step_fields(step)
            ran[nid] = g if ran.get(nid) is None else (ran[nid] if g is None else ran[nid] + g)
            for i, (_, tid, _, c) in zip(step.inputs, inputs):
                if tid is not None and c is not None:
                    received.setdefault(tid, {}).setdefault(i.slot, []).append(c)
        later = {self._gid.get(s.node_id, s.node_id) for s in self.steps[k:]}
        nodes, edges, tips = {}, {}, {}
        for nid, node in self._nodes.items():
            if node.kind != "op":
                continue
            if running is not None and nid == running[1]:
                state = "running"
            elif nid in ran:
                state = "done"
            elif nid in later:
                state = "waiting"
            else:
                continue
            lines = []
            for parts in received.get(nid, {}).values():   # (several outputs: each output's own sum)
                if len(parts) >= 2:
                    lines.append(self._t("sum_in", parts=" + ".join(short(c, p) for c in parts),
                                         total=short(sum(parts[1:], parts[0]), p)))
            if state == "running":
                lines.append(self._t("grad_in", g=short(running[2], p)))
            nodes[nid] = NodeMark(state, lines)
            box = self._boxes.get(nid)
            if box is not None:
                nodes[box.id] = NodeMark(state if state != "running" else "done",
                                         self._box_lines(box, nid, ran, k))
        if running is not None:
            name, nid, g, inputs = running
            for target, tid, local, c in inputs:
                if tid is None or c is None:
                    continue
                up = short(g, p)
                text = self._t("no_local", up=up, c=short(c, p)) if local is None else \
                    self._t("times", up=up, local=short(local, p), c=short(c, p))
                edges[(nid, tid)] = text
                if c is not None and np.size(c) > SMALL:
                    tips[(nid, tid)] = "contribution: " + value_text(np.asarray(c), p, max_items=64)
            box = self._boxes.get(nid)
            if name == "AccumulateGrad" and box is not None:
                edges[(nid, box.id)] = self._t("accumulate", leaf=box.label, g=short(g, p))
        return StepMarks(nodes, edges, self.caption(k), tips)

    def _box_lines(self, box, op_id, ran, k):
        t = box.tensor
        value = [] if t is None else [value_text(t.value, self.precision, dtype=t.dtype)]
        if t is not None and t.kind == "leaf":
            base = self._leaf_base(box.id, box, op_id)
            got = ran.get(op_id)
            total = base if got is None else (got if base is None else base + got)
            return value + [self._t("grad_none") if total is None else self._t("grad", g=short(total, self.precision))]
        if op_id in ran:
            return value + [self._t("grad", g=short(ran[op_id], self.precision))]
        return value + [self._t("not_yet")]

    def caption(self, k):
        n = len(self.steps)
        if k == 0:
            return [self._t("before", n=n)]
        name, nid, g, inputs = self._step_fields(self.steps[k - 1])
        head = self._t("step", k=k, n=n) + ": " + self._t("runs", node=self._node_title(name, nid, self.steps[k - 1]))
        if nid not in self._nodes:
            head += " " + self._t("undrawn")
        return [head, self._t("grad_in", g=short(g, self.precision))]

    def _node_title(self, name, nid, step=None):
        box = self._boxes.get(nid)
        label = box.label if box is not None else getattr(step, "tensor", None)   # the source's name for it
        return name if not label else f"{name} ({label})"

    # ---------------------------------------------------------------- pictures and words

    def dot(self, k):
        return to_dot(self.graph, rankdir=self.rankdir, precision=self.precision, max_nodes=self.max_nodes,
                      marks=self.marks(k), lang=self.lang, ordered=True)   # the cell's graph is ordered too

    def svg(self, k):
        """The SVG of step k (rendered once), or None when no renderer could draw it."""
        if k not in self._svgs:
            from .render import render
            self._svgs[k] = render(self.dot(k), "svg", 5.0).data
        return self._svgs[k]

    def step_text(self, k):
        """Step k in one or a few lines of plain text."""
        name, nid, g, inputs = self._step_fields(self.steps[k - 1])
        p = self.precision
        lines = [f"{k:>3}. {self._node_title(name, nid, self.steps[k - 1])}  " + self._t("grad_in", g=short(g, p))]
        for target, _, local, c in inputs:
            if c is None:
                continue
            up = short(g, p)
            text = self._t("no_local", up=up, c=short(c, p)) if local is None else \
                self._t("times", up=up, local=short(local, p), c=short(c, p))
            lines.append(f"       -> {target}: {text}")
        box = self._boxes.get(nid)
        if name == "AccumulateGrad" and box is not None:
            lines.append("       " + self._t("accumulate", leaf=box.label, g=short(g, p)))
        return "\n".join(lines)

    def __repr__(self):
        if not self.steps:
            return self._t("none")
        return self._t("title", n=len(self.steps)) + "\n" + self._all_steps_text()

    def _all_steps_text(self):
        """Every step as text; past MAX_LISTED steps the rest are counted (a long loop stays readable)."""
        n = len(self.steps)
        lines = [self.step_text(k) for k in range(1, min(n, MAX_LISTED) + 1)]
        if n > MAX_LISTED:
            lines.append(self._t("more", n=n - MAX_LISTED))
        return "\n".join(lines)

    def _repr_html_(self):
        """The static view (untrusted notebooks, nbconvert, viewers): the last step as an image, then every step
        as text."""
        if not self.steps:
            return f"<p><em>{html.escape(self._t('none'))}</em></p>"
        parts = [f"<div class='autograd-magic-stepper'><p><b>{html.escape(self._t('title', n=len(self.steps)))}"
                 f"</b></p><p><small>{html.escape(self._t('static'))}</small></p>"]
        svg = self.svg(len(self.steps))
        if svg:
            parts.append(svg_img(svg))
        parts.append(f"<pre style='{STEPS_PRE_STYLE}'>" + html.escape(self._all_steps_text()) + "</pre></div>")
        return "".join(parts)

    def widget(self):
        """Play, back/next buttons and a step slider over the picture of the current step (ipywidgets)."""
        return StepperWidget(self)


def svg_img(svg):
    """An <img> holding the SVG as a data URI: survives the sanitiser of untrusted notebooks, unlike inline SVG."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"<div style='{GRAPH_CSS}'><img style='{img_css(svg)}' src='data:image/svg+xml;base64,{data}'/></div>"


class StepperWidget:
    """The live stepper: ``.slider`` is the step (0..n), ``.picture`` the SVG of that step."""

    def __init__(self, stepper):
        import ipywidgets as w
        self.stepper = stepper
        n = len(stepper)
        words = stepper.words
        self.slider = w.IntSlider(value=0, min=0, max=n, step=1, description=words["slider"],
                                  continuous_update=True, layout=w.Layout(width="360px"))
        self.slider.add_class("autograd-magic-step-slider")
        self.play = w.Play(value=0, min=0, max=n, step=1, interval=1200, description=words["play"])
        self.prev = w.Button(description=words["prev"], icon="step-backward", layout=w.Layout(width="80px"))
        self.next = w.Button(description=words["next"], icon="step-forward", layout=w.Layout(width="80px"))
        w.jslink((self.play, "value"), (self.slider, "value"))
        self.picture = w.HTML(value=self._html(0))
        self.picture.add_class("autograd-magic-step-picture")
        hint = w.HTML(value=f"<small>{html.escape(words['hint'])}</small>")
        self.picture.layout.width = "100%"
        self.widget = w.VBox([w.HBox([self.play, self.prev, self.slider, self.next]), hint, self.picture],
                             layout=w.Layout(width="100%"))
        self.widget.add_class("autograd-magic-stepper")
        self.slider.observe(self._moved, names="value")
        self.prev.on_click(lambda _b: self._go(-1))
        self.next.on_click(lambda _b: self._go(+1))

    def show(self, stepper):
        """Step through another run's backward pass (after a slider move), from its first step."""
        n = len(stepper)
        self.stepper = stepper
        self.slider.unobserve(self._moved, names="value")
        self.slider.value = 0
        self.slider.max = self.play.max = n
        self.slider.observe(self._moved, names="value")
        self.picture.value = self._html(0)

    def _go(self, delta):
        self.slider.value = max(0, min(self.slider.max, self.slider.value + delta))

    def _moved(self, change):
        self.picture.value = self._html(change["new"])

    def _html(self, k):
        s = self.stepper
        svg = s.svg(k)
        if svg:   # the picture carries the caption; it shrinks to the notebook's width rather than scroll
            body = svg.replace("<svg ", f"<svg style='{img_css(svg)}' ", 1)
        else:
            body = f"<pre style='{STEPS_PRE_STYLE}'>{html.escape(chr(10).join(s.caption(k)) + (chr(10) + s.step_text(k) if k else ''))}</pre>"
        return f"<div data-step='{k}' style='overflow:auto'>{body}</div>"
