"""The recorder: listens to the engine's backward events while a cell runs and writes them down as model Passes.

It keeps arrays only within the caps (model.Caps): the first ``caps.steps`` steps of a pass (the nodes nearest
its outputs, which are the ones a graph can draw), arrays of at most ``caps.elements`` elements, and the step
arrays of the first pass and the ``caps.passes - 1`` latest ones. A failure while recording never reaches the
user's code: it becomes a note, and recording stops for the rest of the cell.
"""
import traceback

import numpy as np

from ..engine import events
from ..engine import inspect as ei
from .loops import LeafHistory, Outputs, summary
from .model import Caps, LeafGrad, Pass

node_name, node_id, is_accumulate = ei.node_name, ei.node_id, ei.is_accumulate


class Recorder:
    """Subscribe with ``with recorder.listening(): ...``; afterwards read ``passes``, ``outputs``, ``node_grads``."""

    def __init__(self, names, caps=None):
        self.names = names
        self.caps = caps or Caps()
        self.passes = []
        self.outputs = Outputs()  # one entry per output name: the last tensor, pass count, history
        self.leaf_history = LeafHistory()
        self.node_grads = {}     # node -> gradient that flowed into it, summed over passes (within the caps)
        self.notes = []          # short texts: what went wrong while recording
        self.details = []        # the tracebacks behind the notes
        self._pass = None
        self._leaves = []        # [(leaf tensor, LeafGrad)] of the current pass
        self._broken = False

    def listening(self):
        return events.subscribe(self)

    def __call__(self, event):
        if self._broken:
            return
        try:
            kind = event.__class__
            if kind is events.NodeRun:
                self._node(event)
            elif kind is events.Accumulate:
                self._accumulate(event)
            elif kind is events.BackwardBegin:
                self._begin(event)
            elif kind is events.BackwardEnd:
                self._end(event)
        except Exception as exc:  # noqa: BLE001 - recording must never change what the cell does
            self._broken = True
            self.notes.append(f"recording the backward pass failed ({type(exc).__name__}: {exc}); "
                              "the views show what was recorded before")
            self.details.append(traceback.format_exc())

    # ------------------------------------------------------------ events

    def _begin(self, event):
        roots, grads = event.roots, event.grads
        gradient = []
        for t, g in zip(roots, grads):
            implicit = g is None or (g.size == 1 and float(g.reshape(())) == 1.0)
            seed = None if implicit else np.array(g)
            gradient.append(seed)
            if event.call == "backward":
                self.outputs.add(t, seed, self.names.tensor_name(t),
                                 summary(ei.value(t)) if ei.size(t) <= self.caps.elements else None)
        p = Pass(index=len(self.passes), call=event.call,
                 roots=[self.names.tensor_name(t) for t in roots],
                 root_ids=[ei.node_id(ei.graph_node(t)) if ei.requires_grad(t) else None for t in roots],
                 gradient=gradient, create_graph=event.create_graph, retain_graph=event.retain_graph)
        self.passes.append(p)
        self._pass = p
        self._leaves = []
        self._forget_old_arrays()

    def _node(self, event):
        p = self._pass
        node = event.node
        caps = self.caps
        names = self.names
        grad = event.grad_in
        keep = event.step < caps.steps and grad.size <= caps.elements
        limit = caps.elements if keep else -1
        inputs = []
        for flow in event.inputs:
            target = flow.target
            c = flow.contribution
            local = flow.local if keep else None
            inputs.append((flow.index, names.node_text(target) or node_name(target), node_id(target),
                           None if local is None else np.array(local),
                           np.array(c) if c.size <= limit else None))
        value = None
        if keep:
            if is_accumulate(node):
                value = ei.value(ei.node_tensor(node), copy=True)
            else:
                label = names.label(node)
                current = label.current_value() if label is not None else None
                value = None if current is None else np.array(current)
        else:
            p.omitted_arrays += 1
        p.raw_steps.append((node_name(node), node_id(node), names.node_text(node),
                            np.array(grad) if keep else None, value, tuple(inputs)))
        if keep or (event.step < caps.steps and self._named(node)):
            arr = np.array(grad, dtype=float if grad.ndim == 0 else None)
            prev = self.node_grads.get(node)
            self.node_grads[node] = arr if prev is None else prev + arr

    def _accumulate(self, event):
        leaf = event.leaf
        small = event.grad.size <= self.caps.elements
        record = LeafGrad(name=self.names.tensor_name(leaf), node_id=ei.node_id(ei.leaf_node(leaf)),
                          before=_copy(event.before) if small else None, added=_copy(event.grad) if small else None,
                          after=None, value=ei.value(leaf, copy=True) if small else None)
        self._pass.leaves.append(record)
        self._leaves.append((leaf, record))
        if small:
            self.leaf_history.add(record.node_id, summary(record.value), summary(record.added))

    def _end(self, event):
        p = self._pass
        if p is None:
            return
        for leaf, record in self._leaves:
            g = ei.grad(leaf)
            if g is not None and g.size <= self.caps.elements:
                record.after = np.array(g)
        if event.error is not None:
            p.error = f"{type(event.error).__name__}: {event.error}"
        self._pass = None
        self._leaves = []

    # ------------------------------------------------------------ caps

    def _named(self, node):
        label = self.names.label(node)
        return label is not None and label.name is not None

    def _forget_old_arrays(self):
        """Keep step arrays for the first pass and the latest caps.passes - 1: strip the one that fell out."""
        k = len(self.passes) - self.caps.passes
        if k >= 1:
            old = self.passes[k]
            stripped = []
            for name, nid, tensor, grad, _, inputs in old.raw_steps:
                if grad is not None:
                    old.omitted_arrays += 1
                stripped.append((name, nid, tensor, None, None, tuple(i[:3] + (None, None) for i in inputs)))
            old.raw_steps[:] = stripped
            for leaf in old.leaves:
                leaf.value = None


def _copy(a):
    return None if a is None else np.array(a)
