"""Every op in the table against central finite differences in float64 (first and second order)."""
import zlib

import numpy as np
import pytest

from autograd_magic import torch
from autograd_magic.engine.optable import OPS
from autograd_magic.engine.grad import TensorXP
from gradcheck_rows_linalg_more import FIRST_ORDER_ONLY as LINALG_FIRST_ORDER_ONLY
from gradcheck_rows_probe45 import FIRST_ORDER_ONLY as PROBE45_FIRST_ORDER_ONLY, NO_DERIVATIVE_EXTRA
from gradcheck_rows_probe186 import FIRST_ORDER_ONLY as PROBE186_FIRST_ORDER_ONLY

RNG = np.random.default_rng(0)
SHAPES = [(), (2,), (3, 2), (1, 2)]
PAIRS = [((), ()), ((2,), (2,)), ((3, 2), (3, 2)), ((3, 2), (1, 2)), ((1, 2), (3, 2)), ((3, 2), ()), ((2,), (3, 2))]


def pos(shape):
    return RNG.uniform(0.5, 2.0, shape)


def any_(shape):
    """Values away from 0 and from each other, so kinks (abs, relu, max) are not straddled."""
    n = int(np.prod(shape))
    vals = RNG.permutation(np.linspace(-2.0, 2.0, n + 1) + 0.13)[:n]
    return vals.reshape(shape)


def other(shape):
    """Like any_, but never equal to an any_ value (no ties in max/min/where)."""
    return np.asarray(any_(shape) + 0.0517)


def prob(shape):
    return RNG.uniform(0.2, 0.8, shape)


def unary(fn, gen=any_):
    return [(fn, [gen(s)]) for s in SHAPES]


def binary(fn, gen_a=any_, gen_b=other):
    return [(fn, [gen_a(a), gen_b(b)]) for a, b in PAIRS]


def tx_scatter(x):
    return TensorXP.scatter(x, (3, 2), (np.array([0, 2, 2]), np.array([1, 0, 0])))


ROWS = {
    "add": binary(lambda a, b: a + b) + unary(lambda a: torch.add(a, a, alpha=2.5)),
    "sub": binary(lambda a, b: a - b) + unary(lambda a: torch.sub(a, a * a, alpha=0.5)),
    "rsub": unary(lambda a: 2.0 - a),
    "mul": binary(lambda a, b: a * b) + unary(lambda a: a * 3.0),
    "div": binary(lambda a, b: a / b, any_, pos),
    "neg": unary(lambda a: -a),
    "div_scalar": unary(lambda a: TensorXP.div_scalar(a, 4.0)),
    "reciprocal": unary(lambda a: 2.0 / a, pos),
    "pow": unary(lambda a: a ** 3) + unary(lambda a: a ** 0.5, pos) + unary(lambda a: a ** -1.5, pos),
    "pow_tensor": binary(lambda a, b: a ** b, pos, any_),
    "rpow": unary(lambda a: 2.0 ** a),
    "abs": unary(torch.abs), "exp": unary(torch.exp), "log": unary(torch.log, pos),
    "sqrt": unary(torch.sqrt, pos), "sin": unary(torch.sin), "cos": unary(torch.cos),
    "tan": unary(lambda a: torch.tan(a * 0.5)), "tanh": unary(torch.tanh), "sigmoid": unary(torch.sigmoid),
    "relu": unary(torch.relu), "clamp": unary(lambda a: a.clamp(-1.0, 1.0)) + unary(lambda a: a.clamp(min=0.1)),
    "maximum": binary(torch.maximum), "minimum": binary(torch.minimum),
    "where": binary(lambda a, b: torch.where(a > b, a, b * 2)),
    "copy_grad": unary(lambda a: TensorXP.call("copy_grad", (a,)) * a),
    "clone": unary(lambda a: a.clone()), "to_copy": unary(lambda a: a.float().double() * 1.0),
    "alias": [(lambda a: a[:, :], [any_((3, 2))])],
    "mm": [(lambda a, b: a @ b, [any_((3, 2)), any_((2, 4))])],
    "bmm": [(lambda a, b: a @ b, [any_((2, 3, 2)), any_((2, 2, 4))])],
    "mv": [(lambda a, b: a @ b, [any_((3, 2)), any_((2,))])],
    "dot": [(lambda a, b: a @ b, [any_((3,)), any_((3,))])],
    "addmm": [(lambda x, w, b: torch.nn.functional.linear(x, w, b), [any_((4, 3)), any_((2, 3)), any_((2,))])],
    "softmax": [(lambda a: torch.softmax(a, -1), [any_(s)]) for s in [(2,), (3, 2)]],
    "log_softmax": [(lambda a: torch.log_softmax(a, 0), [any_(s)]) for s in [(2,), (3, 2)]],
    "mse_loss": binary(lambda a, b: torch.nn.functional.mse_loss(a, b)),
    "binary_cross_entropy": [(lambda p: torch.nn.functional.binary_cross_entropy(p, torch.full(p.shape, 0.3,
                                                                                              dtype=torch.float64)),
                              [prob(s)]) for s in SHAPES],
    "binary_cross_entropy_with_logits": [
        (lambda z: torch.nn.functional.binary_cross_entropy_with_logits(z, torch.full(z.shape, 0.7,
                                                                                      dtype=torch.float64)),
         [any_(s)]) for s in SHAPES],
    "nll_loss": [(lambda a: torch.nn.functional.cross_entropy(a, torch.tensor([1, 0, 1])), [any_((3, 2))]),
                 (lambda a: torch.nn.functional.cross_entropy(a, torch.tensor([1, 0, 1]), reduction="none"),
                  [any_((3, 2))]),
                 (lambda a: torch.nn.functional.cross_entropy(a, torch.tensor([1, 0, -100]),
                                                              weight=torch.tensor([0.5, 2.0], dtype=torch.float64)),
                  [any_((3, 2))]),
                 (lambda a: torch.nn.functional.cross_entropy(a, torch.tensor([1, 0, 1]), label_smoothing=0.2),
                  [any_((3, 2))]),
                 (lambda a: torch.nn.functional.cross_entropy(a, torch.tensor(1)), [any_((2,))])],
    "nll_loss2d": [(lambda a: torch.nn.functional.cross_entropy(a, torch.tensor([[[1, 0]], [[0, 0]]])),
                    [any_((2, 2, 1, 2))]),
                   (lambda a: torch.nn.functional.nll_loss(a, torch.tensor([[1, 0, 1]]), reduction="sum"),
                    [any_((1, 2, 3))])],
    "masked_fill": [(lambda a: a.masked_fill(a > 0.5, 2.0), [any_(s)]) for s in SHAPES],
    "masked_fill_t": [(lambda a, v: a.masked_fill(a > 0.5, v), [any_((3, 2)), any_(())])],
    "mul_scalar": [(lambda a: torch.nn.functional.cross_entropy(a, torch.tensor([1, 0]), label_smoothing=0.1),
                    [any_((2, 3))])],
    "sum": unary(lambda a: a.sum()), "sum_dim": unary(lambda a: a.sum(-1) if a.ndim else a.sum(0, keepdim=True)),
    "mean": unary(lambda a: a.mean()), "mean_dim": [(lambda a: a.mean(0), [any_(s)]) for s in SHAPES[1:]],
    "max_all": unary(lambda a: a.max()), "min_all": unary(lambda a: a.min()),
    "max_dim": [(lambda a: a.max(0).values, [any_(s)]) for s in SHAPES[1:]],
    "min_dim": [(lambda a: a.min(-1, keepdim=True)[0], [any_(s)]) for s in SHAPES[1:]],
    "amax": [(lambda a: a.amax(0), [any_(s)]) for s in SHAPES[1:]],
    "amin": [(lambda a: a.amin(-1), [any_(s)]) for s in SHAPES[1:]],
    "prod": unary(lambda a: a.prod()), "prod_dim": [(lambda a: a.prod(0), [any_(s)]) for s in SHAPES[1:]],
    "var": [(lambda a: a.var(), [any_(s)]) for s in SHAPES[1:]] + [(lambda a: a.var(0, keepdim=True), [any_((3, 2))])],
    "std": [(lambda a: a.std(), [any_(s)]) for s in SHAPES[1:]] + [(lambda a: a.std(1), [any_((3, 2))])],
    "norm": unary(lambda a: a.norm()) + [(lambda a: a.norm(dim=0), [any_((3, 2))])],
    "view": unary(lambda a: a.reshape(-1)), "unsafe_view": [(lambda a: a.t().reshape(-1), [any_((3, 2))])],
    "squeeze": [(lambda a: a.squeeze(), [any_((1, 2))])], "squeeze_dim": [(lambda a: a.squeeze(0), [any_((1, 2))])],
    "squeeze_dims": [(lambda a: a.squeeze((0,)), [any_((1, 2))])],
    "squeeze_mm": [(lambda a, b: a @ b, [any_((2,)), any_((2, 3))])],
    "unsqueeze": unary(lambda a: a.unsqueeze(0)), "permute": [(lambda a: a.permute(1, 0), [any_((3, 2))])],
    "transpose": [(lambda a: a.transpose(0, 1), [any_((3, 2))])], "t": [(lambda a: a.t(), [any_((3, 2))])],
    "expand": [(lambda a: a.expand(3, 2), [any_(s)]) for s in [(), (2,), (1, 2)]],
    "select": [(lambda a: a[-1], [any_(s)]) for s in SHAPES[1:]],
    "slice": [(lambda a: a[1:], [any_(s)]) for s in SHAPES[1:]],
    "index": [(lambda a: a[torch.tensor([0, 1, 0])], [any_((2,))]), (lambda a: a[a > 0], [any_((3, 2))])],
    "index_put": [(lambda a, v: _setitem(a, torch.tensor([0, 2]), v), [any_((3, 2)), any_((2,))])],
    "copy_slices": [(lambda a, v: _setitem(a, 1, v), [any_((3, 2)), any_((2,))])],
    "view_region": [(lambda a, v: _view_mul_(a, v), [any_((3, 2)), any_((2,))])],
    "copy_slices_inplace": [(lambda a, v: _view_inplace(a, v, "mul_"), [any_((3, 2)), any_((2,))]),
                            (lambda a, v: _view_inplace(a, v, "add_"), [any_((3, 2)), any_((1,))]),
                            (lambda a, v: _view_inplace(a, v, "copy_"), [any_((3, 2)), any_((2,))]),
                            (lambda a, v: _view_inplace(a * v.sum(), None, "exp_"), [any_((3, 2)), any_((2,))])],
    "scatter_back": [(tx_scatter, [any_((3,))])],
    "value_select_backward": [(lambda a: TensorXP.scatter(a, (3, 2), (np.array([[0], [2]]), np.array([[1], [0]])),
                                                          True, "value_select_backward"), [any_((2, 1))])],
    "select_backward": [(lambda a: TensorXP.scatter(a, (3, 2), (1,), True, "select_backward"), [any_((2,))])],
    "slice_backward": [(lambda a: TensorXP.scatter(a, (3, 2), (slice(1, None),), True, "slice_backward"),
                        [any_((2, 2))])],
    "index_backward": [(lambda a: TensorXP.scatter(a, (3,), (np.array([0, 2, 0]),), True, "index_backward"),
                        [any_((3,))])],
    "sign": unary(lambda a: a.sign() * a),
    "round": unary(lambda a: a.round() * a), "round_decimals": unary(lambda a: torch.round(a, decimals=1) * a),
    "floor": unary(lambda a: a.floor() * a),
    "ceil": unary(lambda a: a.ceil() * a), "trunc": unary(lambda a: a.trunc() * a),
    "zero": unary(lambda a: (a * 2).zero_() + a), "fill": unary(lambda a: (a * 2).fill_(1.5) * a),
    "frac": unary(lambda a: (a * 0.3).frac()), "log1p": unary(torch.log1p, pos),
    "tanh_backward": binary(lambda g, o: TensorXP.call("tanh_backward", (g, o))),
    "sigmoid_backward": binary(lambda g, o: TensorXP.call("sigmoid_backward", (g, o))),
    "threshold_backward": binary(lambda g, o: TensorXP.call("threshold_backward", (g, o))),
    "softmax_backward": [(lambda g, o: TensorXP.call("softmax_backward", (g, o), 0), [any_(s), any_(s)])
                         for s in [(2,), (3, 2)]],
    "log_softmax_backward": [(lambda g, o: TensorXP.call("log_softmax_backward", (g, o), 1), [any_(s), any_(s)])
                             for s in [(2, 2), (3, 2)]],
    "cat": [(lambda a, b: torch.cat([a, b], 0), [any_((3, 2)), any_((1, 2))])],
    "stack": [(lambda a, b: torch.stack([a, b], 1), [any_((3, 2)), any_((3, 2))])],
}


def _setitem(a, key, v):
    out = a * 1.0
    out[key] = v
    return out


def _view_mul_(a, v):
    """An in-place op on a view of a non-leaf: the view's history becomes AsStridedBackward0 of its base."""
    out = a * 1.0
    row = out[1]
    row.mul_(v)
    return row * out


def _view_inplace(a, v, name):
    """An in-place op on a view of a non-leaf, kept whole: the base's node is CopySlices holding the op's node."""
    out = a * 1.0
    getattr(out[1], name)(*(() if v is None else (v,)))
    return out * out


def _more_rows():
    """Rows kept next to their ops' own tests (gradcheck_rows_*.py): ROWS_EXTRA dicts of the same form."""
    import importlib
    import pathlib
    for path in sorted(pathlib.Path(__file__).parent.glob("gradcheck_rows_*.py")):
        ROWS.update(importlib.import_module(path.stem).ROWS_EXTRA)


_more_rows()


# Ops whose derivative PyTorch does not implement: backward raises its message instead of a finite-difference row.
NO_DERIVATIVE = {"multilabel_margin_loss_backward": (
                     lambda a: torch.autograd.grad(torch.nn.functional.multilabel_margin_loss(
                         a, torch.tensor([2, -1, 0])), a, create_graph=True)[0],
                     "derivative for aten::multilabel_margin_loss_backward is not implemented"),
                 "multi_margin_loss_backward": (
                     lambda a: torch.autograd.grad(torch.nn.functional.multi_margin_loss(
                         a.view(1, 3), torch.tensor([1])), a, create_graph=True)[0],
                     "derivative for aten::multi_margin_loss_backward is not implemented"),
                 "hardsigmoid_backward": (lambda a: torch.autograd.grad(torch.nn.functional.hardsigmoid(a).sum(), a,
                                                                         create_graph=True)[0],
                                          "derivative for aten::hardsigmoid_backward is not implemented"),
                 "heaviside": (lambda a: torch.heaviside(a, torch.tensor(0.5, dtype=torch.float64)),
                               "derivative for aten::heaviside is not implemented"),
                 "native_channel_shuffle": (lambda a: torch.native_channel_shuffle(a.view(1, 3, 1), 3),
                                            "derivative for aten::native_channel_shuffle is not implemented"),
                 "floor_divide": (lambda a: a // 0.3, "derivative for aten::floor_divide is not implemented"),
                 "remainder_of_number": (lambda a: 2.5 % a, "derivative for aten::remainder is not implemented"),
                 "bincount_weighted": (lambda a: torch.bincount(torch.tensor([2, 0, 2]), weights=a),
                                       "derivative for aten::bincount is not implemented"),
                 "histogram_result": (lambda a: torch.histogram(a, bins=3)[0],
                               "derivative for aten::histogram is not implemented"),
                 "histogramdd_result": (lambda a: torch.histogramdd(a.view(3, 1), bins=3)[0],
                                        "derivative for aten::_histogramdd_from_bin_cts is not implemented"),
                 "linalg_ldl_factor_ex": (lambda a: torch.linalg.ldl_factor(torch.eye(3, dtype=a.dtype) * 2
                                                                            + a.diag())[0],
                                          "derivative for aten::linalg_ldl_factor_ex is not implemented"),
                 "linalg_ldl_solve": (lambda a: torch.linalg.ldl_solve(torch.eye(3, dtype=a.dtype),
                                                                       torch.tensor([1, 2, 3], dtype=torch.int32),
                                                                       a.view(3, 1)),
                                      "derivative for aten::linalg_ldl_solve is not implemented"),
                 "scatter_reduce_legacy": (lambda a: a.scatter(0, torch.tensor([0, 0]), a[1:], reduce="add"),
                                           "derivative for aten::scatter is not implemented"),
                 "scatter_reduce_legacy_value": (lambda a: a.scatter(0, torch.tensor([2]), 3.0, reduce="multiply"),
                                                 "derivative for aten::scatter is not implemented"),
                 "unique2": (lambda a: torch.unique(a), "the derivative for '_unique2' is not implemented"),
                 "acosh_inplace": (lambda a: (a * 1 + 3).acosh_(), "the derivative for 'inplace version of acosh'"),
                 "asinh_inplace": (lambda a: (a * 1).asinh_(), "the derivative for 'inplace version of asinh'"),
                 "atanh_inplace": (lambda a: (a * 0.3).arctanh_(), "the derivative for 'inplace version of atanh'"),
                 "_cdist_backward": (lambda a: torch.autograd.grad(
                                         torch.cdist(a.view(3, 1), a.view(3, 1) * 2 + 1).sum(), a,
                                         create_graph=True)[0],
                                     "the derivative for '_cdist_backward' is not implemented"),
                 "_pdist_backward": (lambda a: torch.autograd.grad(torch.pdist(a.view(3, 1)).sum(), a,
                                                                   create_graph=True)[0],
                                     "the derivative for '_pdist_backward' is not implemented"),
                 "_embedding_bag_backward": (lambda a: torch.autograd.grad(
                                                 torch.nn.functional.embedding_bag(
                                                     torch.tensor([0, 2, 1]), a.view(3, 1), torch.tensor([0, 1]),
                                                     mode="sum").pow(2).sum(), a, create_graph=True)[0],
                                             "the derivative for '_embedding_bag_backward' is not implemented"),
                 "_embedding_bag_per_sample_weights_backward": (
                     lambda a: torch.autograd.grad(torch.nn.functional.embedding_bag(
                         torch.tensor([0, 2, 1]), torch.ones(3, 2, dtype=torch.float64), torch.tensor([0, 1]),
                         mode="sum", per_sample_weights=a).pow(2).sum(), a, create_graph=True)[0],
                     "derivative for aten::_embedding_bag_per_sample_weights_backward is not implemented"),
                 "unique_dim": (lambda a: torch.unique(a.view(3, 1), dim=0),
                                "the derivative for 'unique_dim' is not implemented"),
                 "unique_consecutive": (lambda a: torch.unique_consecutive(a),
                                        "the derivative for 'unique_consecutive' is not implemented"),
                 "binomial": (lambda a: torch.binomial(a.abs() + 2, torch.full((3,), 0.5, dtype=torch.float64)),
                              "derivative for aten::binomial is not implemented"),
                 "bernoulli_p": (lambda a: torch.bernoulli(a.abs(), 0.5),
                                 "derivative for aten::bernoulli is not implemented"),
                 "sample_dirichlet": (lambda a: torch._sample_dirichlet(a.abs() + 1),
                                      "derivative for aten::_sample_dirichlet is not implemented"),
                 "ctc_loss_backward": (lambda a: torch.autograd.grad(torch.nn.functional.ctc_loss(
                     torch.stack([a, a * 0.5], -1).unsqueeze(1).log_softmax(-1), torch.tensor([[1]]),
                     torch.tensor([3]), torch.tensor([1])), a, create_graph=True)[0],
                     "derivative for aten::_ctc_loss_backward is not implemented")}


NO_DERIVATIVE.update(NO_DERIVATIVE_EXTRA)


def test_every_op_has_a_row():
    assert set(OPS) - set(ROWS) - set(NO_DERIVATIVE) == set(), "ops without a finite-difference row"
    assert set(ROWS) - set(OPS) == set(), "rows for ops that do not exist"


@pytest.mark.parametrize("name", sorted(NO_DERIVATIVE))
def test_ops_without_a_derivative_raise_pytorchs_error(name):
    fn, message = NO_DERIVATIVE[name]
    out = fn(torch.tensor([-1.0, 0.0, 2.0], dtype=torch.float64, requires_grad=True))
    assert name in set(_graph_ops(out))
    with pytest.raises(RuntimeError, match=message):
        out.sum().backward()


def _graph_ops(t):
    seen, stack = set(), [t.grad_fn]
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        yield getattr(node.op, "name", None)
        stack.extend(fn for fn, _ in node.next_functions)


EPS = {"to_copy": 1e-3}  # the row rounds through float32


def _numeric_grad(f, arrays, v, eps=1e-6):
    grads = []
    for i, a in enumerate(arrays):
        g = np.zeros_like(a)
        flat = g.reshape(-1)
        for j in range(a.size):
            plus = [x.copy() for x in arrays]
            minus = [x.copy() for x in arrays]
            plus[i].reshape(-1)[j] += eps
            minus[i].reshape(-1)[j] -= eps
            flat[j] = ((f(plus) - f(minus)) * v).sum() / (2 * eps)
        grads.append(g)
    return grads


CASES = [(name, i) for name, rows in ROWS.items() for i in range(len(rows))]


def _case_rng(name, i):
    """The random directions of one case, the same whichever cases ran before it in the process (a shared generator
    made a case's numeric check depend on pytest-xdist's scheduling)."""
    return np.random.default_rng(zlib.crc32(f"{name}-{i}".encode()))


@pytest.mark.parametrize("name,i", CASES)
def test_first_order(name, i):
    fn, arrays = ROWS[name][i]
    leaves = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in arrays]
    out = fn(*leaves)
    assert name in set(_graph_ops(out)), f"row does not exercise {name}"
    v = _case_rng(name, i).normal(size=out.shape)
    out.backward(torch.tensor(v))

    def f(arrs):
        return fn(*[torch.tensor(a, dtype=torch.float64) for a in arrs]).detach().numpy()
    for leaf, num in zip(leaves, _numeric_grad(f, arrays, v, EPS.get(name, 1e-6))):
        got = np.zeros(leaf.shape) if leaf.grad is None else leaf.grad.numpy()
        tol = 1e-5 if name not in EPS else 1e-3
        np.testing.assert_allclose(got, num, rtol=tol, atol=tol)


# the complex ops' and Fourier transforms' vjps are numpy's only (gradcheck_rows_complex.py): no create_graph
COMPLEX_FIRST_ORDER_ONLY = ("view_as_real", "view_as_complex", "complex", "polar", "conj", "conj_physical", "angle",
                            "fft_r2c", "fft_c2r", "fft_c2c")
SECOND_ORDER = [c for c in CASES if c[0] not in ("index_put", "copy_slices", "scatter_back", "prod", "prod_dim",
                                                 "ctc_loss", "hardsigmoid", "multilabel_margin_loss", "multi_margin_loss",
                                                 "_cdist_forward",
                                                 "_pdist_forward")
                and c[0] not in COMPLEX_FIRST_ORDER_ONLY
                and c[0] not in LINALG_FIRST_ORDER_ONLY and c[0] not in PROBE45_FIRST_ORDER_ONLY
                and c[0] not in PROBE186_FIRST_ORDER_ONLY
                # (embedding_bag's per_sample_weights: PyTorch has no second derivative through them either)
                and c != ("_embedding_bag", len(ROWS["_embedding_bag"]) - 1)]
# ctc_loss, hardsigmoid, the margin losses, cdist, pdist: not twice differentiable (PyTorch's NotImplemented nodes, or a backward with
# no derivative: NO_DERIVATIVE checks the message)


@pytest.mark.parametrize("name,i", SECOND_ORDER)
def test_second_order(name, i):
    """d/dx of (v . d out/dx) through create_graph=True, against finite differences of the first gradient."""
    fn, arrays = ROWS[name][i]
    v = None
    rng = _case_rng(name, i)

    def first_grads(arrs, keep):
        nonlocal v
        leaves = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in arrs]
        out = fn(*leaves)
        if v is None:
            v = rng.normal(size=out.shape)
        gs = torch.autograd.grad(out, leaves, torch.tensor(v), create_graph=keep, allow_unused=True)
        gs = [g if g is not None else torch.zeros(leaf.shape, dtype=torch.float64) for g, leaf in zip(gs, leaves)]
        return leaves, gs

    leaves, gs = first_grads(arrays, True)
    w = [rng.normal(size=leaf.shape) for leaf in leaves]
    total = sum((g * torch.tensor(wi)).sum() for g, wi in zip(gs, w))
    if total.requires_grad:
        hv = torch.autograd.grad(total, leaves, allow_unused=True)
    else:  # a linear op: nothing is recorded (as in PyTorch), so the second derivative must be zero
        hv = [None] * len(leaves)

    def f(arrs):
        _, g2 = first_grads(arrs, False)
        return np.array(sum((g.detach().numpy() * wi).sum() for g, wi in zip(g2, w)))
    for h, leaf, num in zip(hv, leaves, _numeric_grad(f, arrays, np.array(1.0))):
        got = np.zeros(leaf.shape) if h is None else h.numpy()
        np.testing.assert_allclose(got, num, rtol=1e-4, atol=1e-5)
