"""Random autograd programs run on real PyTorch and on autograd_magic must behave the same.

Hypothesis writes small programs over the engine's op surface (arithmetic with tensors and scalars, unary math,
reductions, views, indexing, joins, matmul, softmax, ``no_grad`` blocks), runs each as a notebook cell on both,
then reduces to a scalar and calls ``backward`` (or ``backward(gradient=...)``, a retained second backward that
accumulates, a second-order ``torch.autograd.grad(..., create_graph=True)``, or an SGD step under ``no_grad``),
printing every value and every leaf's ``.grad``.

Comparison:
* if either side raises, both must raise the same exception type with the same message, and print the same
  text before it;
* otherwise the printed output is judged by the parity policy (tests/parity.py): text outside numbers identical,
  numbers within ``parity.ULPS`` units in the last place per statement of the program (program_ulps), in
  float64 ulps only for programs whose leaves are all float64. Every printed tensor is followed by an ``@`` line
  with its dtype, shape and ``tolist()`` (all digits), so its values are checked beyond the printed 4 decimals.

One relaxation: in the random programs, the ``grad_fn`` name of a gradient computed with ``create_graph=True``
(PyTorch's internal double-backward node, e.g. ``ScatterBackward0``) is masked; its values are compared as above.
The double-backward names that lessons meet (tanh, sigmoid, relu, softmax, mean, indexing) are compared exactly
in the FOUND table below.

The number of examples is ``AUTOGRAD_MAGIC_FUZZ_EXAMPLES`` (default 300); generation is derandomized, so every
run checks the same programs. Two hand-written tables follow: misuse cases, which must give PyTorch's exact
exception type and message (and the same UserWarnings), and minimal programs the fuzzer found, kept as
regression tests; both compare output, exception and warnings with the parity policy (default budget).
"""
import itertools
import math
import os
import re
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from autograd_magic import torch as ours
import parity
from helpers import require, run_cells, run_ours

EXAMPLES = int(os.environ.get("AUTOGRAD_MAGIC_FUZZ_EXAMPLES", "300"))


def program_ulps(code):
    """A program's budget: parity.ULPS for each statement it runs (each op rounds, and its error carries on)."""
    return parity.ULPS * len(code.splitlines())

NICE = [k / 4 for k in range(-12, 13)]  # multiples of 0.25 in [-3, 3]
NONZERO = [v for v in NICE if v]
FAMILIES = [((), (3,), (1, 3), (2, 3)), ((), (2,), (3, 1)), ((), (3,), (3, 1))]  # shapes that broadcast together

PRELUDE = '''\
def show(name, t):
    print(name, t)
    if isinstance(t, torch.Tensor):
        print("@", t.dtype, tuple(t.shape), "|", t.clone().tolist())
'''

# ---------------------------------------------------------------- comparing printed output


def _mask_double_backward(text):
    """Mask grad_fn names in the blocks that show create_graph gradients (g0, g1 ... up to their @ line)."""
    out, inside = [], False
    for line in text.split("\n"):
        inside = bool(re.match(r"g\d+ ", line)) or (inside and not line.startswith("@ "))
        out.append(re.sub(r"grad_fn=<\w+>", "grad_fn=<...>", line) if inside else line)
    return "\n".join(out)


def run_both(code, real):
    """Run code as one cell on real torch and on ours; returns (ours, torch) as (output, error, warnings)."""
    results = []
    for mod in (ours, real):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", append=True)
            ns = {"torch": mod, "np": np}
            (out, err), = run_ours([code], ns) if mod is ours else run_cells([code], mod, ns)
        results.append((out, err, [(w.category.__name__, str(w.message)) for w in caught
                                   if not issubclass(w.category, DeprecationWarning)]))
    return results


def check_program(code, real, compare_warnings=False):
    (gout, gerr, gwarn), (wout, werr, wwarn) = run_both(code, real)
    where = f"\n--- program ---\n{code}"
    assert gerr == werr, f"exception: ours {gerr}, torch {werr}{where}\n--- torch printed ---\n{wout}"
    # a float32 leaf anywhere makes every number only float32-accurate (a 0-d float64 tensor does not
    # promote a dimensioned float32 one), so float64 ulps apply only when every leaf is float64
    leaves = [line for line in code.splitlines() if re.match(r"x\d = torch.tensor", line)]
    eps = parity.EPS64 if all("torch.float64" in line for line in leaves) else parity.EPS32
    if "create_graph=True" in code:
        gout, wout = _mask_double_backward(gout), _mask_double_backward(wout)
    v = parity.check("fuzz", "random program", wout, gout, ulps=program_ulps(code), eps=eps)
    assert v.kind != parity.DIFFERENT, v.detail + where
    if compare_warnings:
        assert gwarn == wwarn, f"warnings: ours {gwarn}, torch {wwarn}{where}"


# ---------------------------------------------------------------- generating programs


def _c(v):
    return f"({v!r})" if v < 0 else repr(v)


def _literal(shape, draw):
    n = math.prod(shape)
    vals = draw(st.lists(st.sampled_from(NICE), min_size=n, max_size=n))
    arr = np.array(vals, dtype=float).reshape(shape)
    return repr(arr.tolist()) if shape else repr(float(arr))


def _reduce_shape(shape, dim, keepdim):
    if not shape:
        return ()
    d = dim % len(shape)
    return shape[:d] + (1,) + shape[d + 1:] if keepdim else shape[:d] + shape[d + 1:]


def _dims(shape, extra=0):
    n = max(len(shape) + extra, 1)
    return list(range(-n, n))


def _reshapes(n):
    out = []
    for k in range(4):
        for dims in itertools.product([d for d in range(1, n + 1) if n % d == 0], repeat=k):
            if math.prod(dims) == n and len(out) < 40:
                out.append(dims)
    return out


def _broadcast(a, b):
    try:
        return tuple(np.broadcast_shapes(a, b))
    except ValueError:
        return None


def _matmul_shape(a, b):
    if len(a) == 1 and len(b) == 1:
        return () if a == b else None
    if len(a) == 2 and len(b) == 1:
        return (a[0],) if a[1] == b[0] else None
    if len(a) == 1 and len(b) == 2:
        return (b[1],) if a[0] == b[0] else None
    if len(a) == 2 and len(b) == 2:
        return (a[0], b[1]) if a[1] == b[0] else None
    return None


class ProgramBuilder:
    """Draws one program; tracks each variable's static shape (None: data-dependent, from a bool mask)."""

    def __init__(self, draw):
        self.draw = draw
        self.lines = [PRELUDE]
        self.pool = []  # (name, shape)
        self.leaves = []

    def pick(self, items):
        return self.draw(st.sampled_from(items))

    def add_leaves(self):
        family = self.pick(FAMILIES)
        for i in range(self.draw(st.integers(1, 3))):
            shape = self.pick(family)
            dtype = self.pick(["", ", dtype=torch.float32", ", dtype=torch.float64"] + [""] * 3)
            name = f"x{i}"
            self.lines.append(f"{name} = torch.tensor({_literal(shape, self.draw)}{dtype}, requires_grad=True)")
            self.pool.append((name, shape))
            self.leaves.append(name)

    def operand(self):
        # prefer recent values, so programs form chains rather than many independent branches
        return self.pool[-1] if self.draw(st.booleans()) else self.pick(self.pool)

    def step(self, i, last):
        a, s = self.operand()
        kinds = ["unary", "scalar", "binary"]
        if s is not None:
            kinds += ["reduce", "shape", "index", "join", "matmul", "softmax"]
        kind = self.pick(kinds)
        expr, shape = getattr(self, kind)(a, s)
        name = f"v{i}"
        if not last and self.draw(st.integers(0, 9)) == 0:
            self.lines.append(f"with torch.no_grad():\n    {name} = {expr}")
        else:
            self.lines.append(f"{name} = {expr}")
        self.lines.append(f"show({name!r}, {name})")
        self.pool.append((name, shape))

    def unary(self, a, s):
        lo = self.pick(NICE)
        hi = lo + self.pick([0.25, 0.5, 1.0, 2.0])
        forms = [f"-{a}", f"{a}.abs()", f"torch.abs({a})", f"abs({a})", f"{a}.exp()", f"torch.exp({a})",
                 f"torch.log({a}.abs() + 0.5)", f"({a}.abs() + 0.5).log()", f"({a}.abs() + 0.5).sqrt()",
                 f"torch.sqrt(torch.abs({a}) + 0.5)", f"{a}.sin()", f"torch.cos({a})", f"{a}.tanh()",
                 f"torch.tanh({a})", f"{a}.sigmoid()", f"torch.sigmoid({a})", f"{a}.relu()", f"torch.relu({a})",
                 f"{a}.clamp({_c(lo)}, {_c(hi)})", f"{a}.clamp(min={_c(lo)})", f"torch.clamp({a}, max={_c(hi)})",
                 f"{a} ** 2", f"{a} ** 3", f"({a}.abs() + 0.5) ** 0.5", f"({a}.abs() + 0.5) ** (-1.5)",
                 f"({a}.abs() + 0.5) ** 2.5", f"torch.pow({a}, 2)", f"2 ** {a}.clamp(-3, 3)"]
        return self.pick(forms), s

    def scalar(self, a, s):
        c = _c(self.pick(NONZERO))
        forms = [f"{a} + {c}", f"{c} + {a}", f"{a} - {c}", f"{c} - {a}", f"{a} * {c}", f"{c} * {a}",
                 f"{a} / {c}", f"{c} / ({a}.abs() + 0.5)", f"torch.add({a}, {c})", f"torch.mul({a}, {c})"]
        return self.pick(forms), s

    def binary(self, a, s):
        partners = [(n, t) for n, t in self.pool if t == s or t == () or
                    s is not None and t is not None and _broadcast(s, t) is not None]
        if self.draw(st.integers(0, 19)) == 0:
            partners = self.pool  # now and then any value: a shape mismatch must raise PyTorch's error
        b, t = self.pick(partners or [(a, s)])
        shape = None if s is None or t is None else _broadcast(s, t)
        forms = [f"{a} + {b}", f"{a} - {b}", f"{a} * {b}", f"{a} / ({b}.abs() + 0.5)", f"torch.maximum({a}, {b})",
                 f"torch.minimum({a}, {b})", f"torch.where({a} > {b}, {a}, {b})",
                 f"torch.where({b} > 0, {a}, {b} * 2)", f"({a}.abs() + 0.5) ** {b}.clamp(-2, 2)",
                 f"torch.add({a}, {b}, alpha=2)", f"torch.sub({a}, {b})", f"torch.div({a}, {b}.abs() + 1)"]
        return self.pick(forms), shape

    def reduce(self, a, s):
        d = self.pick(_dims(s))
        kd = self.pick([False, True])
        fn = self.pick(["sum", "mean", "max", "min", "prod", "var", "std", "norm"])
        whole = [f"{a}.{fn}()", f"torch.{fn}({a})"]
        if fn == "sum" and len(s) >= 2 and self.draw(st.booleans()):
            return f"{a}.sum((0, 1), keepdim={kd})", (1, 1) + s[2:] if kd else s[2:]
        if self.draw(st.booleans()):
            return self.pick(whole), ()
        if fn in ("max", "min"):
            return self.pick([f"{a}.{fn}({d}, keepdim={kd}).values", f"torch.{fn}({a}, {d})[0]"
                              if not kd else f"torch.{fn}({a}, dim={d}, keepdim=True).values"]), _reduce_shape(s, d, kd)
        if fn == "norm":
            return f"{a}.norm(dim={d}, keepdim={kd})", _reduce_shape(s, d, kd)
        if fn in ("var", "std"):
            extra = self.pick(["", ", unbiased=False", ", correction=0"])
            return f"{a}.{fn}({d}{extra}, keepdim={kd})", _reduce_shape(s, d, kd)
        return f"{a}.{fn}({d}, keepdim={kd})", _reduce_shape(s, d, kd)

    def shape(self, a, s):
        n = math.prod(s)
        nd = len(s)
        target = self.pick(_reshapes(n))
        shown = list(target)
        if target and self.draw(st.booleans()):
            shown[self.draw(st.integers(0, len(target) - 1))] = -1
        forms = [(f"{a}.reshape({tuple(shown)})", target), (f"torch.reshape({a}, {tuple(shown)})", target),
                 (f"{a}.view({', '.join(map(str, shown))})" if shown else f"{a}.view(())", target),
                 (f"{a}.flatten()", (n,)), (f"torch.flatten({a})", (n,)),
                 (f"{a}.squeeze()", tuple(k for k in s if k != 1))]
        d = self.pick(_dims(s))
        forms.append((f"{a}.squeeze({d})", s[:d % nd] + s[d % nd + 1:] if nd and s[d % nd] == 1 else s))
        u = self.pick(_dims(s, 1))
        u_pos = u % (nd + 1)
        forms.append((f"{a}.unsqueeze({u})", s[:u_pos] + (1,) + s[u_pos:]))
        if nd >= 1:
            d0, d1 = self.pick(_dims(s)), self.pick(_dims(s))
            t = list(s)
            t[d0 % nd], t[d1 % nd] = t[d1 % nd], t[d0 % nd]
            forms.append((f"{a}.transpose({d0}, {d1})", tuple(t)))
            perm = self.draw(st.permutations(range(nd)))
            forms.append((f"{a}.permute({', '.join(map(str, perm))})", tuple(s[p] for p in perm)))
        if nd <= 2:
            forms.append((f"{a}.t()", s[::-1]))
        grow = tuple(self.pick([k, 2, 3]) if k == 1 else k for k in s)
        lead = self.pick([(), (2,)])
        spec = [self.pick([k, -1]) if k == g else g for k, g in zip(s, grow)]
        forms.append((f"{a}.expand({', '.join(map(str, list(lead) + spec))})" if lead or spec else f"{a}.expand(())",
                      lead + grow))
        return self.pick(forms)

    def index(self, a, s):
        nd = len(s)
        if nd == 0:
            return f"{a}[{a} > 0]", None
        i = self.draw(st.integers(-s[0], s[0] - 1))
        start = self.draw(st.integers(0, s[0] - 1))
        stop = self.draw(st.integers(start + 1, s[0]))
        j = self.draw(st.integers(-s[-1], s[-1] - 1))
        forms = [(f"{a}[{i}]", s[1:]), (f"{a}[{start}:{stop}]", (stop - start,) + s[1:]),
                 (f"{a}[..., {j}]", s[:-1]), (f"{a}[{a} > {_c(self.pick(NICE))}]", None),
                 (f"{a}[{a}.abs() < 1]", None)]
        if nd >= 2:
            k = self.draw(st.integers(-s[1], s[1] - 1))
            forms.append((f"{a}[:, {k}]", (s[0],) + s[2:]))
        return self.pick(forms)

    def join(self, a, s):
        other = self.pick([f"{a} * 2", f"{a}.exp()", f"{a}.sin()", a])
        same = [n for n, t in self.pool if t == s]
        other = self.pick([other, self.pick(same)])
        if len(s) == 0 or self.draw(st.booleans()):
            d = self.pick(_dims(s, 1))
            dp = d % (len(s) + 1)
            return f"torch.stack([{a}, {other}], dim={d})", s[:dp] + (2,) + s[dp:]
        d = self.pick(_dims(s))
        return f"torch.cat([{a}, {other}], dim={d})", s[:d % len(s)] + (2 * s[d % len(s)],) + s[d % len(s) + 1:]

    def matmul(self, a, s):
        found = [(n, t) for n, t in self.pool if t is not None and _matmul_shape(s, t) is not None]
        if found and self.draw(st.booleans()):
            b, t = self.pick(found)
            return self.pick([f"{a} @ {b}", f"torch.matmul({a}, {b})"]), _matmul_shape(s, t)
        if len(s) == 1:
            return self.pick([f"{a} @ {a}", f"torch.matmul({a}, {a}.sin())"]), ()
        if len(s) == 2:
            return self.pick([(f"{a} @ {a}.t()", (s[0], s[0])), (f"{a}.t() @ {a}", (s[1], s[1])),
                              (f"torch.mm({a}, {a}.transpose(0, 1))", (s[0], s[0]))])
        return f"{a} * 2", s

    def softmax(self, a, s):
        d = self.pick(_dims(s))
        fn = self.pick(["softmax", "log_softmax"])
        return f"torch.nn.functional.{fn}({a}, dim={d})", s

    def ending(self):
        out, shape = self.pool[-1]
        mode = self.pick(["sum", "sum", "gradient", "twice", "grad2", "step"])
        leaves = ", ".join(self.leaves)
        if mode == "gradient" and shape is not None:
            g = _literal(shape, self.draw)
            self.lines.append(f"{out}.backward(gradient=torch.tensor({g}, dtype={out}.dtype))")
        elif mode == "twice":
            again = self.pick(["r.backward()", f"({out} * {out}).sum().backward()"])
            self.lines.append(f"r = {out}.sum()\nshow('r', r)\nr.backward(retain_graph=True)\n{again}")
        elif mode == "grad2":
            self.lines.append(
                f"r = {out}.sum()\ngs = torch.autograd.grad(r, [{leaves}], create_graph=True, allow_unused=True)\n"
                "for i, g in enumerate(gs):\n    show(f'g{i}', g)\n"
                "s = sum((g * g).sum() for g in gs if g is not None)\nshow('s', s)\n"
                "if torch.is_tensor(s) and s.requires_grad:\n    s.backward()")
        else:
            self.lines.append(f"r = {out}.sum()\nshow('r', r)\nr.backward()")
        for leaf in self.leaves:
            self.lines.append(f"show('{leaf}.grad', {leaf}.grad)")
        if mode == "step":
            for leaf in self.leaves:
                self.lines.append(f"with torch.no_grad():\n    if {leaf}.grad is not None:\n"
                                  f"        {leaf} -= 0.5 * {leaf}.grad\n        {leaf}.grad.zero_()\n"
                                  f"show('{leaf}', {leaf})\nshow('{leaf}.grad', {leaf}.grad)")


@st.composite
def programs(draw):
    b = ProgramBuilder(draw)
    b.add_leaves()
    n = draw(st.integers(1, 6))
    for i in range(n):
        b.step(i, i == n - 1)
    b.ending()
    return "\n".join(b.lines)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(code=programs())
def test_random_programs_match_pytorch(code):
    check_program(code, require("torch"))


# ---------------------------------------------------------------- hand-written tables

X = "x = torch.tensor([1.0, 2.0], requires_grad=True)\n"
MISUSE = {
    "non_scalar_backward": X + "(x * 2).backward()",
    "non_scalar_autograd_grad": X + "torch.autograd.grad(x * 2, x)",
    "second_backward_freed_graph": X + "y = (x * x).sum()\ny.backward()\ny.backward()",
    "second_backward_freed_exp": X + "y = x.exp().sum()\ny.backward()\ny.backward()",
    "second_backward_nothing_saved": X + "y = (x + 1).sum()\ny.backward()\ny.backward()\nprint(x.grad)",
    "second_backward_scalar_mul_saves_scalar": X + "y = (x * 2).sum()\ny.backward()\ny.backward()",
    "second_backward_retained": X + "y = (x * x).sum()\ny.backward(retain_graph=True)\ny.backward()\nx.grad",
    "freed_graph_autograd_grad": X + "y = (x * x).sum()\ntorch.autograd.grad(y, x)\ntorch.autograd.grad(y, x)",
    "backward_without_grad_fn": "torch.tensor(1.0).backward()",
    "backward_without_grad_fn_sum": "torch.tensor([1.0, 2.0]).sum().backward()",
    "backward_of_no_grad_result": X + "with torch.no_grad():\n    y = (x * 2).sum()\ny.backward()",
    "backward_after_detach": X + "(x * 2).sum().detach().backward()",
    "gradient_shape_mismatch": X + "(x * 2).backward(gradient=torch.ones(3))",
    "gradient_shape_mismatch_scalar": X + "(x * 2).sum().backward(gradient=torch.ones(2))",
    "gradient_broadcastable_shape": X + "(x * 2).backward(gradient=torch.ones(1))",
    "requires_grad_int_tensor": "torch.tensor([1, 2], requires_grad=True)",
    "requires_grad_bool_tensor": "torch.tensor([True], requires_grad=True)",
    "requires_grad_int_method": "torch.tensor([1, 2]).requires_grad_()",
    "requires_grad_int_attribute": "t = torch.tensor([1, 2])\nt.requires_grad = True",
    "requires_grad_false_on_non_leaf": X + "y = x * 2\ny.requires_grad_(False)",
    "inplace_leaf_add_": X + "x.add_(1)",
    "inplace_leaf_iadd": X + "x += 1",
    "inplace_leaf_zero_": X + "x.zero_()",
    "inplace_leaf_setitem": X + "x[0] = 5.0",
    "inplace_leaf_under_no_grad": X + "with torch.no_grad():\n    x.mul_(2)\nx",
    "inplace_saved_input": X + "y = x * 1\nz = y * y\ny.add_(1)\nz.sum().backward()",
    "inplace_saved_output_exp": X + "y = x.exp()\ny.add_(1)\ny.sum().backward()",
    "inplace_saved_output_sigmoid": X + "y = torch.sigmoid(x)\ny.mul_(2)\ny.sum().backward()",
    "inplace_unsaved_is_fine": X + "y = x + 1\nz = y * 2\ny.add_(1)\nz.sum().backward()\nx.grad",
    "inplace_version_counter": X + "y = x * 1\nprint(y._version)\ny.add_(1)\ny.mul_(2)\ny._version",
    "numpy_requires_grad": X + "x.numpy()",
    "numpy_non_leaf": X + "(x * 2).numpy()",
    "numpy_after_detach": X + "x.detach().numpy()",
    "np_asarray_requires_grad": X + "np.asarray(x)",
    "np_array_non_leaf": X + "np.array(x * 2)",
    "item_several_elements": X + "x.item()",
    "item_empty": "torch.tensor([]).item()",
    "float_several_elements": X + "float(x)",
    "bool_several_elements": X + "bool(x > 0)",
    "autograd_grad_unused_input": X + "w = torch.tensor(3.0, requires_grad=True)\n"
                                      "torch.autograd.grad((x * 2).sum(), [x, w])",
    "autograd_grad_allow_unused": X + "w = torch.tensor(3.0, requires_grad=True)\n"
                                      "torch.autograd.grad((x * 2).sum(), [x, w], allow_unused=True)",
    "autograd_grad_input_without_grad": "w = torch.tensor(3.0)\ntorch.autograd.grad(w * 2, w)",
    "autograd_grad_output_without_grad": X + "torch.autograd.grad(torch.tensor(1.0), x)",
    "grad_of_non_leaf_warns": X + "y = x * 2\ny.sum().backward()\nprint(y.grad)",
    "grad_of_non_leaf_retain_grad": X + "y = x * 2\ny.retain_grad()\ny.sum().backward()\ny.grad",
    "grad_of_leaf_before_backward": X + "print(x.grad)",
    "add_shape_mismatch": "torch.ones(2) + torch.ones(3)",
    "add_shape_mismatch_2d": "torch.ones(2, 3) + torch.ones(3, 2)",
    "mul_shape_mismatch_requires_grad": X + "x * torch.ones(3, requires_grad=True)",
    "matmul_shape_mismatch": "torch.ones(2, 3) @ torch.ones(2, 3)",
    "matmul_vector_mismatch": "torch.ones(2) @ torch.ones(3)",
    "matmul_matrix_vector_mismatch": "torch.ones(2, 3) @ torch.ones(2)",
    "matmul_vector_matrix_mismatch": "torch.ones(2) @ torch.ones(3, 2)",
    "matmul_0d": "torch.ones(2) @ torch.tensor(2.0)",
    "mm_of_vector": "torch.mm(torch.ones(2), torch.ones(2, 2))",
    "matmul_dtype_mismatch_matrices": "torch.ones(2, 2) @ torch.ones(2, 2, dtype=torch.float64)",
    "matmul_dtype_mismatch_vectors": "torch.ones(2) @ torch.ones(2, dtype=torch.float64)",
    "view_shape_mismatch": "torch.ones(2, 3).view(4)",
    "view_two_minus_ones": "torch.ones(2, 3).view(-1, -1)",
    "view_non_contiguous": "torch.ones(2, 3).t().view(6)",
    "reshape_shape_mismatch": "torch.ones(2, 3).reshape(5)",
    "expand_mismatch": "torch.ones(2, 3).expand(3, 3)",
    "expand_fewer_dims": "torch.ones(2, 3).expand(3)",
    "cat_shape_mismatch": "torch.cat([torch.ones(2, 3), torch.ones(2, 2)])",
    "cat_dim_count_mismatch": "torch.cat([torch.ones(2, 3), torch.ones(3)])",
    "cat_0d": "torch.cat([torch.tensor(1.0), torch.tensor(2.0)])",
    "cat_empty_list": "torch.cat([])",
    "stack_shape_mismatch": "torch.stack([torch.ones(2), torch.ones(3)])",
    "where_shape_mismatch": "torch.where(torch.ones(3) > 0, torch.ones(2), torch.ones(3))",
    "index_out_of_range": "torch.ones(3)[5]",
    "index_out_of_range_negative": "torch.ones(3)[-4]",
    "index_out_of_range_dim1": "torch.ones(2, 3)[:, 3]",
    "index_too_many": "torch.ones(3)[0, 0]",
    "index_0d": "torch.tensor(1.0)[0]",
    "index_bool_mask_shape": "torch.ones(3)[torch.tensor([True, False])]",
    "dim_out_of_range_sum": "torch.ones(2, 3).sum(2)",
    "dim_out_of_range_softmax": "torch.nn.functional.softmax(torch.ones(3), dim=1)",
    "transpose_dim_out_of_range": "torch.ones(2, 3).transpose(0, 2)",
    "permute_wrong_count": "torch.ones(2, 3).permute(0)",
    "t_of_3d": "torch.ones(2, 3, 4).t()",
    "squeeze_dim_out_of_range": "torch.ones(2, 1).squeeze(2)",
    "max_of_empty": "torch.tensor([]).max()",
    "ragged_list": "torch.tensor([[1.0, 2.0], [3.0]])",
    "ragged_list_longer_row": "torch.tensor([[1.0], [2.0, 3.0]])",
    "ragged_number_then_list": "torch.tensor([1.0, [2.0]])",
    "tensor_of_string": "torch.tensor('a')",
}

# Minimal programs the fuzzer found (and neighbours of them), kept as regression tests.
FOUND = {
    # a view made under no_grad of a tensor that requires grad still requires grad (a leaf, no grad_fn)
    "no_grad_view_keeps_requires_grad": "x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)\n"
                                        "with torch.no_grad():\n    v = x[0]\n"
                                        "print(v, v.requires_grad, v.is_leaf, v.grad_fn)",
    "no_grad_view_of_non_leaf": X + "y = x * 2\nwith torch.no_grad():\n    v = y.view(2, 1)\n    w = y.t()\n"
                                    "print(v, w)",
    "no_grad_reshape_view_but_not_mul": X + "with torch.no_grad():\n    v = x * 1\n    w = x.reshape(2, 1)\n"
                                            "print(v, w)",
    "no_grad_view_then_backward": X + "with torch.no_grad():\n    v = x[:1]\n(v * 3).sum().backward()\n"
                                      "print(x.grad, v.grad)",
    # var/std with no degrees of freedom warn; max/min over dim 0 of a 0-d tensor
    "var_of_0d_warns": "x = torch.tensor(0.75, requires_grad=True)\nprint(x.var(), x.std())",
    "var_dim_of_0d_warns": "x = torch.tensor(0.75, requires_grad=True)\nprint(x.var(0), x.std(0, correction=0))",
    "max_dim_of_0d_backward": "x = torch.tensor(0.75, requires_grad=True)\nm = x.max(0)\nprint(m)\n"
                              "m.values.backward()\nx.grad",
    "min_dim_keepdim_of_0d": "x = torch.tensor(0.75, requires_grad=True)\ntorch.min(x, dim=-1, keepdim=True)",
    "prod_dim_of_0d_backward": "x = torch.tensor(0.75, requires_grad=True)\nx.prod(0).backward()\n"
                               "x.prod(0, keepdim=True).backward()\nx.grad",
    "var_of_0d_backward": "x = torch.tensor(-2.75, requires_grad=True)\nx.var().backward()\nx.grad",
    # matrix @ vector with mixed dtypes is addmv in PyTorch
    "mv_dtype_mismatch": "torch.ones(2, 1, dtype=torch.float64) @ torch.ones(1)",
    "mv_dtype_mismatch_float_matrix": "torch.ones(2, 1) @ torch.ones(1, dtype=torch.float64)",
    # the gradient of a whole max/min whose result is nan goes evenly to the nan elements
    "min_backward_with_nan": "x = torch.tensor([1.0, float('nan'), float('nan')], requires_grad=True)\n"
                             "x.min().backward()\nx.grad",
    # std backward is 0, not nan, where the std is 0
    "std_backward_at_zero_std": "x = torch.tensor([1.5, 1.5], requires_grad=True)\nx.std().backward()\nx.grad",
    "std_dim_backward_at_zero_std": "x = torch.tensor([[1.0], [2.0]], requires_grad=True)\n"
                                    "x.std(1, correction=0).sum().backward()\nx.grad",
    "std_create_graph_at_zero_std": "x = torch.tensor([1.5, 1.5], requires_grad=True)\n"
                                    "g, = torch.autograd.grad(x.std(), x, create_graph=True)\ng",
    # one gradient array handed to two leaves must not be shared between their .grad
    "add_grads_accumulate_twice": "a = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                                  "b = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                                  "r = (a + b).sum()\nr.backward(retain_graph=True)\nr.backward()\n"
                                  "print(a.grad, b.grad)",
    "add_grads_zero_one": "a = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                          "b = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                          "(a + b).sum().backward()\na.grad.zero_()\nprint(a.grad, b.grad)",
    # PyTorch's AccumulateGrad steals the incoming gradient: the 0-d gradients that unbind (stack's backward)
    # makes from one expanded gradient share storage, so the second backward adds into both leaves twice
    # create_graph=True: the gradient's grad_fn is PyTorch's backward-of-backward node
    "create_graph_abs": X + "g, = torch.autograd.grad((x - 1.5).abs().sum(), x, create_graph=True)\ng",
    "create_graph_neg_abs": X + "g, = torch.autograd.grad((-x).abs().sum(), x, create_graph=True)\ng",
    "create_graph_relu": X + "g, = torch.autograd.grad((x - 1.5).relu().sum(), x, create_graph=True)\ng",
    "create_graph_softmax": "x = torch.tensor([1.0, 2.0, 0.5], requires_grad=True)\n"
                            "g, = torch.autograd.grad(torch.nn.functional.softmax(x, 0)[0], x, create_graph=True)\n"
                            "g",
    "create_graph_log_softmax": "x = torch.tensor([1.0, 2.0, 0.5], requires_grad=True)\n"
                                "g, = torch.autograd.grad(torch.nn.functional.log_softmax(x, 0)[0], x, "
                                "create_graph=True)\ng",
    "create_graph_sigmoid": X + "g, = torch.autograd.grad(x.sigmoid().sum(), x, create_graph=True)\ng",
    "create_graph_tanh": X + "g, = torch.autograd.grad(x.tanh().sum(), x, create_graph=True)\ng",
    "create_graph_norm": X + "g, = torch.autograd.grad(x.norm(), x, create_graph=True)\ng",
    "create_graph_index_put": "x = torch.tensor([[1.0, 2.0]], requires_grad=True)\n"
                              "g, = torch.autograd.grad(x[0].prod(), x, create_graph=True)\ng",
    "create_graph_bool_mask": "x = torch.tensor([-2.0, 0.5], requires_grad=True)\n"
                              "g, = torch.autograd.grad((x[x.abs() < 1] ** 2).sum(), x, create_graph=True)\ng",
    "create_graph_empty_mask": "x = torch.tensor(-2.25, requires_grad=True)\n"
                               "g, = torch.autograd.grad(x[x > 0].abs().sum(), x, create_graph=True)\ng",
    "create_graph_t": "x = torch.tensor([[1.0, 2.0]], requires_grad=True)\n"
                      "g, = torch.autograd.grad(x.t().var(), x, create_graph=True)\ng",
    # the gradient of max/min is scattered into zeros: +0.0 where the input was not the extreme
    "max_backward_signed_zero": "x = torch.tensor([2.0, -1.0, 3.0], requires_grad=True)\n"
                                "x.max().backward(gradient=torch.tensor(-2.0))\nx.grad",
    "min_create_graph_signed_zero": "x = torch.tensor([[-1.5, 1.5, 0.5]], requires_grad=True)\n"
                                    "g, = torch.autograd.grad(-x.min(), x, create_graph=True)\ng",
    # second round (engine of 01:20): create_graph node names and second-order values
    "create_graph_softmax_0d": "x = torch.tensor(-1.0, requires_grad=True)\n"
                               "g, = torch.autograd.grad(torch.nn.functional.softmax(x, dim=0), x, create_graph=True)\n"
                               "g",
    "create_graph_relu_second_order": "x = torch.tensor([-0.75, 0.75], requires_grad=True)\n"
                                      "g, = torch.autograd.grad(x.relu().sum(), x, create_graph=True)\n"
                                      "(g * g).sum().backward()\nx.grad",
    "create_graph_prod_0d": "x = torch.tensor(1.25, requires_grad=True)\n"
                            "g, = torch.autograd.grad(torch.prod(x), x, create_graph=True)\ng",
    "create_graph_prod_dim_of_unsqueezed": "x = torch.tensor(2.5, requires_grad=True)\n"
                                           "g, = torch.autograd.grad(x.unsqueeze(0).prod(-1, keepdim=True).sum(), x, "
                                           "create_graph=True)\ng",
    "create_graph_bool_mask_0d": "x = torch.tensor(1.25, requires_grad=True)\n"
                                 "g, = torch.autograd.grad(x[x > 0].abs().sum(), x, create_graph=True)\ng",
    "create_graph_maximum": "x = torch.tensor([-2.75, 0.75, 2.25], requires_grad=True)\n"
                            "g, = torch.autograd.grad((torch.maximum(x, torch.tensor(0.5)) ** 2).sum(), x, "
                            "create_graph=True)\ng",
    "create_graph_minimum": "x = torch.tensor([-2.75, 0.75, 2.25], requires_grad=True)\n"
                            "g, = torch.autograd.grad((torch.minimum(x, torch.tensor(0.5)) ** 2).sum(), x, "
                            "create_graph=True)\ng",
    "create_graph_norm_at_zero_second_order": "x = torch.tensor(0.0, requires_grad=True)\n"
                                              "g, = torch.autograd.grad((x * 2).norm(dim=0), x, create_graph=True)\n"
                                              "(g * g).backward()\nprint(g, x.grad)",
    "create_graph_max_dim_of_0d": "x = torch.tensor(-3.0, requires_grad=True)\n"
                                  "g, = torch.autograd.grad(x.max(-1).values.abs(), x, create_graph=True)\ng",
    "create_graph_mean_dim_of_0d": "x = torch.tensor(-3.0, requires_grad=True)\n"
                                   "g, = torch.autograd.grad(x.mean(-1).abs(), x, create_graph=True)\ng",
    "min_dim_of_cat_backward_twice": "x = torch.tensor([[0.0, 0.5, -0.5], [-2.0, -0.5, -2.5]], requires_grad=True)\n"
                                     "r = torch.cat([x, x], dim=-1).min(1).values.sum()\n"
                                     "r.backward(retain_graph=True)\nr.backward()\nx.grad",
    # third round (engine of 01:35)
    "create_graph_softmax_0d_second_order": "x = torch.tensor(-1.0, requires_grad=True)\n"
                                            "g, = torch.autograd.grad(torch.nn.functional.softmax(x, dim=0), x, "
                                            "create_graph=True)\ng.backward()\nx.grad",
    "create_graph_log_softmax_0d_second_order": "x = torch.tensor(-1.0, requires_grad=True)\n"
                                                "g, = torch.autograd.grad(torch.nn.functional.log_softmax(x, dim=0), "
                                                "x, create_graph=True)\ng.backward()\nx.grad",
    "create_graph_prod_with_a_zero": "x = torch.tensor([0.0, -2.25, 0.75], requires_grad=True)\n"
                                     "g, = torch.autograd.grad(x.prod(), x, create_graph=True)\ng",
    "create_graph_prod_dim_with_zeros": "x = torch.tensor([[0.0, 0.0], [1.0, 2.0]], requires_grad=True)\n"
                                        "g, = torch.autograd.grad(x.prod(0).sum(), x, create_graph=True)\ng",
    "create_graph_var_of_0d": "x = torch.tensor(2.5, requires_grad=True)\n"
                              "g, = torch.autograd.grad(x.var(), x, create_graph=True)\ng",
}


@pytest.mark.parametrize("code", list(MISUSE.values()), ids=list(MISUSE))
def test_misuse_gives_pytorchs_error(code):
    ours_result, torch_result = run_both(code, require("torch"))
    parity.assert_parity("fuzz_tables", [(f"\n--- program ---\n{code}\n", torch_result, ours_result)])


# Known gaps, kept visible: each must still fail (strict), so fixing one turns this list red until it is removed.
_NAME_GAP = "the engine's double-backward node has another name than PyTorch's internal one (values agree)"
KNOWN_GAPS = {
    "create_graph_empty_mask": "PyTorch routes an empty-mask index backward through SqueezeBackward1; "
                               "the engine shows IndexPutImplBackward0",
    "create_graph_prod_0d": "PyTorch's prod of a 0-d tensor has a constant gradient; the engine's is recorded",
    "create_graph_prod_with_a_zero": _NAME_GAP + " (ViewBackward0)",
    "create_graph_bool_mask_0d": _NAME_GAP,
    "create_graph_maximum": _NAME_GAP + " (MaskedFillBackward0)",
    "create_graph_minimum": _NAME_GAP + " (MaskedFillBackward0)",
    "create_graph_max_dim_of_0d": _NAME_GAP + " (ScatterBackward0)",
}


@pytest.mark.parametrize("code", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[k]))
                                  if k in KNOWN_GAPS else c for k, c in FOUND.items()], ids=list(FOUND))
def test_fuzz_found_programs(code):
    ours_result, torch_result = run_both(code, require("torch"))
    parity.assert_parity("fuzz_tables", [(f"\n--- program ---\n{code}\n", torch_result, ours_result)])


def test_misuse_and_found_programs_under_grad_are_normal_cells():
    """Every misuse case and every found program as a %%grad cell (table and graph made, the recorder listening
    while PyTorch's errors are raised mid-backward): the same text, exception and message as on the engine
    without the magic."""
    from helpers import normalise
    from test_lessons import run_lesson_under_grad
    codes = {**MISUSE, **FOUND}
    got = run_lesson_under_grad(list(codes.values()))   # one namespace, as the cells of one notebook
    want = [normalise(run_ours([code]))[0] for code in codes.values()]
    bad = [name for name, g, (out, err) in zip(codes, got, want) if (g[0], g[1]) != (out, err and list(err))]
    assert not bad, bad
