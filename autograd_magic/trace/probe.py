"""The cell as a function of its inputs, for --jacobian, --hessian, --check and the slope pictures.

``Probe(source, user_ns, inputs)`` re-runs the cell on a *copy* of the namespace with chosen tensors in place of
its inputs (the leaves named in the table), printing into a buffer. Inside such a re-run ``Tensor.backward``
keeps the graph (``retain_graph=True``) and accumulates only into the chosen tensors, so nothing outside the
re-run changes and the outputs can be differentiated again. What the re-run gives back is the list of
``(output, gradient given to backward)`` pairs; from those:

- ``objective(outs)``: sum over the backward calls of <gradient, output>: the scalar whose gradient is what the
  leaves' ``.grad`` received in the cell (what central differences differentiate);
- ``jacobian()``: ``torch.autograd.functional.jacobian`` of the output backward ran from (with gradient= v, the
  output v was given for) with respect to each input;
- ``hessian()``: ``torch.autograd.functional.hessian`` of a scalar output;
- ``check()``: each input's gradient (in float64) beside central differences of the objective in float64.

A cell that may change things outside itself (files, input(), objects of earlier cells changed in place ...) is
not re-run: ``Probe.refusal`` says why, in words. Re-runs are bounded in count and time.
"""
import ast
import contextlib
import io
import time
import warnings
from dataclasses import dataclass

import numpy as np

from .. import torch as engine_torch
from ..engine import inspect as ei
from ..torch.autograd import functional
from . import rng
from .runner import run_cell

MAX_CHECK_ELEMENTS = 64     # central differences for at most this many input elements
TIME_BUDGET = 8.0           # seconds of re-runs per computation at most (a quiet machine needs ~0.5 s for a
                            # 17 x 17 grid of a seed cell; the margin is for a loaded one)
SLOW_RUN = 0.25             # a cell whose one re-run takes longer is called slow: no grid

_EFFECT_CALLS = {"open", "input", "exec", "eval", "__import__", "breakpoint", "get_ipython", "display", "exit",
                 "quit"}
_EFFECT_METHODS = {"write", "writelines", "save", "savefig", "system", "popen", "remove", "unlink", "rmdir",
                   "mkdir", "makedirs", "rename", "step", "zero_grad", "load_state_dict", "send", "post", "get",
                   "urlopen", "sleep", "seed", "manual_seed", "append", "extend", "update", "pop", "clear",
                   "setdefault", "insert"}
_QUIET_MODULES = {"torch", "math", "numpy", "np", "torch.nn", "torch.nn.functional", "torch.optim"}


def side_effects(source):
    """Why re-running this cell could change something outside the re-run (in words), or None.

    Conservative, by reading the code: calls that touch files, the network, the terminal or the shell, imports of
    other modules, global statements, and changes to objects the cell did not create (``w.grad = None``,
    ``w.data -= ...``, ``w.add_(1)``, ``opt.step()`` on an earlier cell's optimizer ...).
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return "the cell is not plain Python (IPython syntax)"
    made = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.With, ast.comprehension)):
            targets = getattr(node, "targets", None) or [getattr(node, "target", None)]
            for item in getattr(node, "items", ()):
                targets.append(item.optional_vars)
            for t in targets:
                for sub in ast.walk(t) if t is not None else ():
                    if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                        made.add(sub.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            made.add(node.name)
    for node in ast.walk(tree):
        reason = _effect_of(node, made)
        if reason:
            return reason
    return None


def _root_name(node):
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _effect_of(node, made):
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return "it declares global names"
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
        other = [n for n in names if n not in _QUIET_MODULES and n.split(".")[0] not in ("torch", "numpy", "math")]
        return f"it imports {other[0]}" if other else None
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in _EFFECT_CALLS:
            return f"it calls {func.id}()"
        if isinstance(func, ast.Attribute):
            root = _root_name(func.value)
            changes = func.attr in _EFFECT_METHODS or (func.attr.endswith("_") and not func.attr.startswith("_"))
            if changes and root is not None and root not in made and func.attr != "requires_grad_":
                return f"it calls {root}...{func.attr}() on an object of an earlier cell"
    targets = []
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        targets = getattr(node, "targets", None) or [node.target]
    if isinstance(node, ast.Delete):
        targets = node.targets
    for t in targets:
        root = _root_name(t)
        if isinstance(t, (ast.Attribute, ast.Subscript)) and root not in made:
            return f"it changes {root}, an object of an earlier cell"
        if isinstance(node, ast.AugAssign) and isinstance(t, ast.Name) and t.id not in made:
            return f"it changes {t.id} in place"
    return None


@dataclass
class CheckRow:
    """One input of --check: its gradient by autograd (float64 re-run) and by central differences."""
    name: str
    autograd: np.ndarray
    numeric: np.ndarray
    rel_error: float


class ProbeError(Exception):
    """The cell cannot be re-run as a function of its inputs; the message says why, in words."""


class Probe:
    """The cell as a function of the named inputs (see the module's docstring).

    inputs: [(name, current values as a numpy array)], in the table's order.
    """

    def __init__(self, source, user_ns, inputs, filename="<%%grad probe>"):
        self.source = source
        self.user_ns = user_ns
        self.inputs = [(name, np.array(arr)) for name, arr in inputs]
        self.filename = filename
        self.runs = 0
        self.refusal = side_effects(source)
        if not self.inputs and self.refusal is None:
            self.refusal = "no input that requires grad is named in this cell or the namespace"

    # ---------------------------------------------------------------- one re-run

    def run(self, tensors, float64=False):
        """Re-run the cell with tensors (one per input) in place of the inputs; [(output, seed array or None)].

        float64: float32 tensors without a grad_fn that the cell makes (constants, other leaves) are replaced by
        float64 copies as the cell names or computes them, so that central differences see no float32 rounding
        (a float32 vector times a float64 0-d tensor stays float32). The originals are not changed.
        """
        if self.refusal:
            raise ProbeError(self.refusal)
        ns = dict(self.user_ns)
        before = {id(v) for v in ns.values() if ei.is_tensor(v)}
        overrides = {}
        for (name, _), t in zip(self.inputs, tensors):
            ns[name] = t
            overrides[name] = t
        calls = []
        self.runs += 1
        with _recording_backward(calls, list(tensors)), contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                rng.replay()   # the numbers the cell drew, not the next ones of the notebook's stream
                run_cell(self.source, ns, filename=self.filename, overrides=overrides,
                         transform=_to_float64 if float64 else None, record=False)
            except Exception as exc:  # noqa: BLE001 - the re-run's error becomes a note
                raise ProbeError(f"a re-run failed with {type(exc).__name__}: {exc}") from None
        if not calls:
            raise ProbeError("the cell calls no backward() (torch.autograd.grad is not re-run)")
        for out, _ in calls:
            if id(out) in before:
                raise ProbeError("backward() ran from a tensor built in an earlier cell: re-run that cell's "
                                 "graph, or put the forward pass in this cell")
        return calls

    def leaves(self, dtype=None):
        """Fresh leaf tensors holding the inputs' current values (cast to dtype if given)."""
        return [engine_torch.tensor(np.array(arr, dtype=dtype or arr.dtype), requires_grad=True)
                for _, arr in self.inputs]

    @staticmethod
    def objective(calls):
        """sum over the backward calls of <gradient given, output> as a float64 number."""
        total = 0.0
        for out, seed in calls:
            data = np.asarray(out.detach().numpy(), dtype=np.float64)
            weights = np.ones_like(data) if seed is None else np.broadcast_to(np.asarray(seed, np.float64), data.shape)
            total += float(np.sum(weights * data))
        return total

    def value_at(self, values):
        """The objective with the inputs set to values (arrays), computed in float64."""
        tensors = [engine_torch.tensor(np.array(v, dtype=np.float64), requires_grad=True) for v in values]
        return self.objective(self.run(tensors, float64=True))

    # ---------------------------------------------------------------- derivatives

    def target(self, calls):
        """(output, v): the backward call a Jacobian describes: the first one given a gradient=, else the last."""
        for out, seed in calls:
            if seed is not None:
                return out, seed
        return calls[-1]

    def jacobian(self):
        """({input name: array of shape (output elements, input elements)}, v or None)."""
        seen = {}

        def func(*xs):
            calls = self.run(xs)
            out, seed = self.target(calls)
            seen["v"] = seed
            return out

        jac = _computed("the Jacobian", lambda: functional.jacobian(func, tuple(self.leaves())))
        out_size = None
        result = {}
        for (name, arr), j in zip(self.inputs, jac):
            data = np.asarray(j.numpy())
            out_size = data.size // max(arr.size, 1)
            result[name] = data.reshape(out_size, arr.size)
        v = seen.get("v")
        return result, (None if v is None else np.asarray(v).reshape(-1))

    def hessian(self):
        """{(name_i, name_j): array (elements of i, elements of j)} of the scalar objective's second derivatives."""
        def func(*xs):
            calls = self.run(xs, float64=True)
            out, _ = calls[-1]
            if out.numel() != 1:
                raise ProbeError("--hessian needs a scalar output (one element)")
            return out.reshape(())

        hess = _computed("the Hessian", lambda: functional.hessian(func, tuple(self.leaves(np.float64))))
        if not isinstance(hess, tuple):   # (a tuple of inputs gives a tuple of tuples, one input too)
            hess = ((hess,),)
        result = {}
        for (ni, ai), row in zip(self.inputs, hess):
            for (nj, aj), block in zip(self.inputs, row):
                result[(ni, nj)] = np.asarray(block.numpy()).reshape(ai.size, aj.size)
        return result

    def autograd64(self):
        """Each input's gradient of the objective, from a re-run in float64."""
        leaves = self.leaves(np.float64)
        self.run(leaves, float64=True)
        return [np.zeros(arr.shape) if t.grad is None else np.array(t.grad.numpy(), dtype=np.float64)
                for t, (_, arr) in zip(leaves, self.inputs)]

    def check(self, eps=1e-6):
        """[CheckRow] per input: autograd (float64) beside central differences (float64) and the relative error."""
        total = sum(arr.size for _, arr in self.inputs)
        if total > MAX_CHECK_ELEMENTS:
            raise ProbeError(f"the inputs have {total} elements; --check nudges at most {MAX_CHECK_ELEMENTS}")
        start = time.perf_counter()
        grads = self.autograd64()
        one = time.perf_counter() - start
        if 2 * total * one > TIME_BUDGET:   # known after one re-run: do not start what the budget would stop
            raise ProbeError(f"central differences need {2 * total} re-runs of about {one:.2g} s each, more than "
                             f"{TIME_BUDGET:g} s")
        base = [np.array(arr, dtype=np.float64) for _, arr in self.inputs]
        start = time.perf_counter()
        rows = []
        for k, (name, arr) in enumerate(self.inputs):
            numeric = np.zeros(arr.shape)
            for index in np.ndindex(arr.shape):
                if time.perf_counter() - start > TIME_BUDGET:
                    raise ProbeError(f"the re-runs took more than {TIME_BUDGET:g} s: central differences stopped")
                h = eps * max(1.0, abs(float(base[k][index])))
                plus = [b.copy() for b in base]
                minus = [b.copy() for b in base]
                plus[k][index] += h
                minus[k][index] -= h
                numeric[index] = (self.value_at(plus) - self.value_at(minus)) / (2 * h)
            rows.append(CheckRow(name, grads[k], numeric, rel_error(grads[k], numeric)))
        return rows

    # ---------------------------------------------------------------- grids for the slope pictures

    def grid(self, axes, max_seconds=None):
        """The objective over a grid: axes = [(input index, element index or None, values)] (one or two axes).

        Returns an array of shape (len(values) per axis); raises ProbeError when the cell is slow.
        """
        max_seconds = TIME_BUDGET if max_seconds is None else max_seconds  # read at call time (tests raise it)
        base = [np.array(arr, dtype=np.float64) for _, arr in self.inputs]
        shape = tuple(len(a[2]) for a in axes)
        out = np.full(shape, np.nan)
        start = time.perf_counter()
        for pos in np.ndindex(shape):
            values = [b.copy() for b in base]
            for (k, index, ticks), p in zip(axes, pos):
                if index is None:
                    values[k][...] = ticks[p]
                else:
                    values[k][index] = ticks[p]
            try:
                out[pos] = self.value_at(values)
            except ProbeError:
                out[pos] = np.nan
            now = time.perf_counter()
            done = int(np.ravel_multi_index(pos, shape)) + 1
            if done >= 3 and (now - start) / done > SLOW_RUN:   # an average: one hiccup of a busy machine is not slow
                raise ProbeError(f"a re-run takes {1000 * (now - start) / done:.0f} ms: too slow to draw over a grid")
            if now - start > max_seconds:
                raise ProbeError(f"drawing over a grid took more than {max_seconds:g} s: stopped")
        return out


def rel_error(a, b):
    """max |a - b| / max(|a|, |b|, tiny) over the elements (0 when both are zero)."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    scale = max(float(np.max(np.abs(a), initial=0.0)), float(np.max(np.abs(b), initial=0.0)))
    if scale == 0.0:
        return 0.0
    return float(np.max(np.abs(a - b), initial=0.0)) / scale


def _to_float64(value):
    """A float64 copy of a float32 tensor that no op made (a constant or a leaf), else the value itself."""
    if ei.is_tensor(value) and value.grad_fn is None and value.dtype == engine_torch.float32:
        copy = value.detach().double()
        return copy.requires_grad_(True) if value.requires_grad else copy
    return value


@contextlib.contextmanager
def _recording_backward(calls, leaves):
    """Inside a probe re-run: backward() records its output and gradient, keeps the graph, and accumulates only
    into the probe's own leaves (leaves of earlier cells keep their .grad)."""
    Tensor = engine_torch.Tensor
    original = Tensor.backward

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        seed = None if gradient is None else np.array(gradient.numpy() if ei.is_tensor(gradient) else gradient)
        calls.append((self, seed))
        mine = [t for t in leaves if t.requires_grad]
        if mine:
            original(self, gradient, retain_graph=True, create_graph=create_graph, inputs=mine)

    Tensor.backward = backward
    try:
        yield
    finally:
        Tensor.backward = original


def _computed(what, compute):
    """compute(), its error a ProbeError that says what could not be computed: autograd through the re-run can
    fail where the cell's own backward() failed too (a tensor changed in place, a graph freed), and the cell
    may have caught that error itself. Its backward passes run the hooks the re-run registered (a tensor hook that
    prints): what they print or warn belongs to the re-run, not to the cell, and is dropped like the re-run's."""
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
                warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return compute()
    except ProbeError:
        raise
    except Exception as exc:  # noqa: BLE001 - becomes a note (asked for) or nothing (shown unasked)
        raise ProbeError(f"{what} could not be computed ({type(exc).__name__}: {exc})") from None
