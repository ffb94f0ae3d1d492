"""nn.RNN / LSTM / GRU and their cells against PyTorch: parameter names and initial draws, repr, outputs,
gradients, the grad_fn nodes of the graph, checks and their messages, dropout between layers."""
import warnings

import numpy as np
import pytest

from helpers import require

import autograd_magic.torch as ours


def _node_names(fn):
    """The set of node class names reachable from fn (the engine has one node per output of unbind/split where
    PyTorch has one node for all: counts differ, names do not)."""
    out, seen, stack = set(), set(), [fn]
    while stack:
        f = stack.pop()
        if f is None or id(f) in seen:
            continue
        seen.add(id(f))
        out.add(type(f).__name__)
        stack.extend(g for g, _ in f.next_functions)
    return out


def _run(lib, cls, kw, dtype, use_hx, unbatched):
    lib.manual_seed(0)
    m = getattr(lib.nn, cls)(3, 5, **kw)
    if dtype == "float64":
        m = m.double()
    dirs, layers = 2 if kw.get("bidirectional") else 1, kw.get("num_layers", 1)
    rng = np.random.default_rng(1)
    shape = (4, 3) if unbatched else ((2, 4, 3) if kw.get("batch_first") else (4, 2, 3))
    x = lib.tensor(rng.standard_normal(shape), dtype=getattr(lib, dtype), requires_grad=True)
    hshape = (layers * dirs, 5) if unbatched else (layers * dirs, 2, 5)
    hx = extra = None
    if use_hx:
        h0 = lib.tensor(rng.standard_normal(hshape), dtype=getattr(lib, dtype), requires_grad=True)
        c0 = lib.tensor(rng.standard_normal(hshape), dtype=getattr(lib, dtype), requires_grad=True)
        hx, extra = ((h0, c0), h0) if cls == "LSTM" else (h0, h0)
    out, h = m(x, hx)
    hn = h[0] if cls == "LSTM" else h
    loss = out.sin().sum() + (hn * 2).sum() + (h[1].sum() if cls == "LSTM" else 0)
    loss.backward()
    grads = [p.grad.numpy().copy() for p in m.parameters()] + [x.grad.numpy().copy()]
    if extra is not None:
        grads.append(extra.grad.numpy().copy())
    return dict(repr=repr(m), names=[n for n, _ in m.named_parameters()], out=out.detach().numpy().copy(),
                hn=hn.detach().numpy().copy(), grads=grads, graph=_node_names(out.grad_fn),
                hgraph=_node_names(hn.grad_fn), top=type(out.grad_fn).__name__, shapes=(out.shape, hn.shape))


CASES = [(cls, kw, dt, hx, unb)
         for cls in ("RNN", "LSTM", "GRU")
         for kw in ({}, {"batch_first": True}, {"num_layers": 2, "bidirectional": True, "batch_first": True},
                    {"bias": False}, {"nonlinearity": "relu"} if cls == "RNN" else {"num_layers": 3})
         for dt in ("float32", "float64")
         for hx, unb in ((False, False), (True, False), (True, True))]


@pytest.mark.parametrize("cls,kw,dtype,use_hx,unbatched", CASES)
def test_module_matches_pytorch(cls, kw, dtype, use_hx, unbatched):
    torch = require("torch")
    want, got = _run(torch, cls, kw, dtype, use_hx, unbatched), _run(ours, cls, kw, dtype, use_hx, unbatched)
    tol = 1e-5 if dtype == "float32" else 1e-12
    for key in ("repr", "names", "graph", "hgraph", "top"):
        assert got[key] == want[key], key
    assert [tuple(s) for s in got["shapes"]] == [tuple(s) for s in want["shapes"]]
    np.testing.assert_allclose(got["out"], want["out"], rtol=tol, atol=tol)
    np.testing.assert_allclose(got["hn"], want["hn"], rtol=tol, atol=tol)
    for g, w in zip(got["grads"], want["grads"], strict=True):
        np.testing.assert_allclose(g, w, rtol=10 * tol, atol=10 * tol)


@pytest.mark.parametrize("cls", ["RNNCell", "LSTMCell", "GRUCell"])
@pytest.mark.parametrize("unbatched", [False, True])
def test_cells_match_pytorch(cls, unbatched):
    torch = require("torch")
    got = []
    for lib in (torch, ours):
        row = []
        for kw in ({}, {"bias": False}) + (({"nonlinearity": "relu"},) if cls == "RNNCell" else ()):
            lib.manual_seed(0)
            m = getattr(lib.nn, cls)(3, 4, **kw)
            rng = np.random.default_rng(2)
            x = lib.tensor(rng.standard_normal((3,) if unbatched else (2, 3)), dtype=lib.float32, requires_grad=True)
            h = lib.tensor(rng.standard_normal((4,) if unbatched else (2, 4)), dtype=lib.float32, requires_grad=True)
            r = m(x, (h, h * 2) if cls == "LSTMCell" else h)
            hy = r[0] if cls == "LSTMCell" else r
            (hy.sin().sum() + (r[1].sum() if cls == "LSTMCell" else 0)).backward()
            row.append((repr(m), [n for n, _ in m.named_parameters()], sorted(_node_names(hy.grad_fn)),
                        hy.detach().numpy().copy(), x.grad.numpy().copy(), h.grad.numpy().copy(),
                        [p.grad.numpy().copy() for p in m.parameters()]))
        got.append(row)
    for want, mine in zip(*got):
        assert mine[:3] == want[:3]
        for a, b in zip(mine[3:6], want[3:6]):
            np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
        for a, b in zip(mine[6], want[6], strict=True):
            np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def _error(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            fn()
        except Exception as e:  # noqa: BLE001  (the type and message are what is compared)
            return type(e).__name__, str(e), [str(w.message) for w in caught]
    return None, None, [str(w.message) for w in caught]


MISUSE = [
    lambda t: t.nn.LSTM(3, 4)(t.randn(2, 2, 2, 3)),
    lambda t: t.nn.RNN(3, 4)(t.randn(2, 2, 2, 3)),
    lambda t: t.nn.GRU(3, 4)(t.randn(2, 2, 2, 3)),
    lambda t: t.nn.LSTM(3, 4)(t.randn(2, 2, 5)),
    lambda t: t.nn.LSTM(3, 4)(t.randn(2, 2, 3), (t.zeros(2, 2, 4), t.zeros(1, 2, 4))),
    lambda t: t.nn.LSTM(3, 4)(t.randn(2, 2, 3), (t.zeros(1, 2, 4), t.zeros(1, 3, 4))),
    lambda t: t.nn.LSTM(3, 4)(t.randn(2, 2, 3), (t.zeros(2, 4), t.zeros(1, 2, 4))),
    lambda t: t.nn.RNN(3, 4)(t.randn(2, 2, 3), t.zeros(1, 3, 4)),
    lambda t: t.nn.RNN(3, 4)(t.randn(2, 2, 3), t.zeros(3, 4)),
    lambda t: t.nn.GRU(3, 4)(t.randn(5, 3), t.zeros(1, 1, 4)),
    lambda t: t.nn.RNN(3, 4, nonlinearity="sig"),
    lambda t: t.nn.LSTM(3, 4, dropout=0.5),
    lambda t: t.nn.LSTM(3, 4, dropout=1.5),
    lambda t: t.nn.GRU(3, 4, num_layers=0),
    lambda t: t.nn.LSTM(3, 4)(t.randn(2, 2, 3).double()),
    lambda t: t.nn.RNNCell(3, 4)(t.randn(2, 2, 3)),
    lambda t: t.nn.LSTMCell(3, 4)(t.randn(2, 5)),
    lambda t: t.nn.GRUCell(3, 4)(t.randn(2, 3), t.zeros(3, 4)),
    lambda t: t.nn.GRUCell(3, 4)(t.randn(2, 3), t.zeros(2, 5)),
]


@pytest.mark.parametrize("i", range(len(MISUSE)))
def test_misuse_raises_pytorchs_errors(i):
    torch = require("torch")
    assert _error(lambda: MISUSE[i](ours)) == _error(lambda: MISUSE[i](torch))


def test_dropout_between_layers_draws_pytorchs_masks():
    torch = require("torch")
    got = []
    for lib in (torch, ours):
        lib.manual_seed(3)
        m = lib.nn.GRU(3, 4, num_layers=3, dropout=0.5)
        x = lib.tensor(np.random.default_rng(0).standard_normal((4, 2, 3)), dtype=lib.float32)
        out, _ = m(x)
        m.eval()
        out_eval, _ = m(x)
        got.append((out.detach().numpy().copy(), out_eval.detach().numpy().copy(), lib.rand(2).tolist()))
    for a, b in zip(*got):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def test_lstm_layer_is_one_node_with_three_outputs():
    torch = require("torch")
    names = []
    for lib in (torch, ours):
        m = lib.nn.LSTM(3, 4)
        out, (h, c) = m(lib.randn(5, 2, 3))
        node = out.grad_fn
        names.append((type(node).__name__, len(node.next_functions),
                      [type(f).__name__ if f is not None else None for f, _ in node.next_functions],
                      h.grad_fn.next_functions[0][1], c.grad_fn.next_functions[0][1],
                      h.grad_fn.next_functions[0][0] is node))
    assert names[0] == names[1]


def test_second_backward_through_an_lstm_raises_pytorchs_error():
    m = ours.nn.LSTM(3, 4)
    out, _ = m(ours.randn(5, 2, 3))
    loss = out.sum()
    loss.backward()
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
        loss.backward()
