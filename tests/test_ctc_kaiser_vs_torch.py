"""torch.kaiser_window, F.ctc_loss / nn.CTCLoss, F.feature_alpha_dropout / nn.FeatureAlphaDropout and layer_norm
with a bias and no weight, against real PyTorch: printed values, graphs and messages, and the values and gradients
bit for bit."""
import numpy as np
import pytest

from helpers import assert_same_as_pytorch, require

SETUP = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\ntorch.manual_seed(0)\n"


def _chain(t):
    out, fn = [], t.grad_fn
    while fn is not None:
        out.append(type(fn).__name__)
        nxt = [f for f, _ in fn.next_functions if f is not None]
        fn = nxt[0] if nxt else None
    return out


CELLS = [
    SETUP + "torch.kaiser_window(8), torch.kaiser_window(7, periodic=False, beta=5.0, dtype=torch.float64)",
    "torch.kaiser_window(1), torch.kaiser_window(0), torch.kaiser_window(5, requires_grad=True), "
    "torch.kaiser_window(12, True, 0.0), torch.kaiser_window(window_length=3)",
    "torch.kaiser_window(12, beta=0.0)",
    "torch.kaiser_window(-1)",
    "torch.kaiser_window(5, dtype=torch.int64)",
    # CTC
    "lp = torch.randn(12, 3, 5).log_softmax(2).detach().requires_grad_()\n"
    "tg = torch.tensor([[1, 2, 2, 3], [4, 1, 0, 0], [2, 2, 2, 2]])\n"
    "il, tl = torch.tensor([12, 9, 12]), torch.tensor([4, 2, 3])\n"
    "loss = F.ctc_loss(lp, tg, il, tl)\nloss, loss.grad_fn, loss.grad_fn.next_functions",
    "loss.backward()\nlp.grad[:3]",
    "F.ctc_loss(lp, tg, il, tl, reduction='sum'), F.ctc_loss(lp, tg, il, tl, reduction='none')",
    "bad = F.ctc_loss(lp, torch.ones(3, 4, dtype=torch.long), torch.tensor([3, 12, 12]), torch.tensor([4, 4, 4]), "
    "reduction='none')\nbad, F.ctc_loss(lp, torch.ones(3, 4, dtype=torch.long), torch.tensor([3, 12, 12]), "
    "torch.tensor([4, 4, 4]), reduction='none', zero_infinity=True)",
    "lp.grad = None\nz = F.ctc_loss(lp, torch.ones(3, 4, dtype=torch.long), torch.tensor([3, 12, 12]), "
    "torch.tensor([4, 4, 4]), zero_infinity=True)\nz.backward()\nz, z.grad_fn, lp.grad[:2, 0]",
    "flat = torch.tensor([1, 2, 2, 3, 4, 1, 2, 2, 2])\nF.ctc_loss(lp, flat, (12, 9, 12), (4, 2, 3))",
    "u = F.ctc_loss(lp[:, 0], tg[0], torch.tensor(12), torch.tensor(4), reduction='none')\nu, u.grad_fn",
    "ctc = nn.CTCLoss(blank=0, zero_infinity=True)\nctc, ctc(lp, tg, il, tl), nn.CTCLoss(reduction='sum')(lp, tg, il, tl)",
    "F.ctc_loss(lp, tg, torch.tensor([13, 9, 12]), tl)",
    "F.ctc_loss(lp, tg, il, torch.tensor([5, 2, 3]))",
    "F.ctc_loss(lp, tg, il, tl, blank=5)",
    "F.ctc_loss(lp, tg, torch.tensor([12, 9]), tl)",
    "F.ctc_loss(lp, tg, il, tl, reduction='avg')",
    # feature alpha dropout
    "x = torch.randn(2, 3, 4, requires_grad=True)\ny = F.feature_alpha_dropout(x, 0.4, training=True)\n"
    "y, y.grad_fn, y.grad_fn.next_functions",
    "y.sum().backward()\nx.grad",
    "m = nn.FeatureAlphaDropout(0.3)\nm, m(torch.ones(2, 4, 1)), m.eval()(torch.ones(2, 4, 1)), nn.FeatureAlphaDropout()",
    "F.feature_alpha_dropout(torch.ones(2, 3), 0.5, True), F.feature_alpha_dropout(torch.ones(2, 3), 1.0, True), "
    "F.feature_alpha_dropout(torch.ones(2, 3), 0.5)",
    "F.feature_alpha_dropout(torch.ones(3), 0.5, True)",
    "F.feature_alpha_dropout(torch.ones(2, 3), 1.5, True)",
    # layer norm with a bias and no weight
    "xl = torch.randn(4, 10, requires_grad=True)\nb = torch.randn(10, requires_grad=True)\n"
    "yl = F.layer_norm(xl, (10,), None, b)\nyl, yl.grad_fn",
    "(yl * torch.linspace(-1, 1, 10)).sum().backward()\nxl.grad, b.grad",
    "nn.LayerNorm(10, bias=False), nn.LayerNorm(10, elementwise_affine=False, bias=True)",
]


def test_ctc_kaiser_dropout_layer_norm_same_as_pytorch():
    assert_same_as_pytorch(CELLS, corpus="snippets", name="ctc_kaiser", warns="per_cell")


def _sides():
    return require("torch"), __import__("autograd_magic.torch", fromlist=["torch"])


def _equal(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(
        np.ascontiguousarray(a).view(np.uint8), np.ascontiguousarray(b).view(np.uint8))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_kaiser_window_bits(dtype):
    real, ours = _sides()
    for n in (2, 3, 8, 33, 100, 257):
        for beta in (0.0, 1.0, 5.0, 8.6, 12.0, 14.0, 30.0):
            for periodic in (True, False):
                want = real.kaiser_window(n, periodic, beta, dtype=getattr(real, dtype)).numpy()
                got = ours.kaiser_window(n, periodic, beta, dtype=getattr(ours, dtype)).numpy()
                assert _equal(want, got), (n, beta, periodic)


def _ctc_case(t, lp_data, reduction, zero_infinity, flat=False):
    lp = t.tensor(lp_data).requires_grad_()
    tg = t.tensor([[1, 2, 2, 5, 3, 1], [4, 1, 4, 1, 0, 0], [2, 2, 2, 2, 2, 2], [3, 3, 1, 2, 5, 5], [1, 1, 1, 1, 1, 1]])
    tl = [6, 4, 3, 0, 6]
    il = t.tensor([20, 17, 20, 11, 8])                  # the last one infeasible
    if flat:
        tg = t.cat([tg[b, :n] for b, n in enumerate(tl)])
    loss = t.nn.functional.ctc_loss(lp, tg, il, t.tensor(tl), reduction=reduction, zero_infinity=zero_infinity)
    gen = np.random.default_rng(1)
    loss.backward(t.tensor(gen.normal(size=tuple(loss.shape)).astype(lp_data.dtype)))
    return loss.detach().numpy(), lp.grad.numpy(), _chain(loss)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_ctc_loss_values_and_gradients_bits(dtype):
    real, ours = _sides()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(20, 5, 6))
    lp_data = (x - np.log(np.exp(x).sum(-1, keepdims=True))).astype(dtype)
    for reduction in ("mean", "sum", "none"):
        for zero_infinity in (False, True):
            for flat in (False, True):
                want = _ctc_case(real, lp_data, reduction, zero_infinity, flat)
                got = _ctc_case(ours, lp_data, reduction, zero_infinity, flat)
                assert want[2] == got[2]
                assert _equal(want[0], got[0]) and np.array_equal(want[1], got[1], equal_nan=True), \
                    (reduction, zero_infinity, flat)


def test_feature_alpha_dropout_bits():
    real, ours = _sides()
    out = []
    for t in (real, ours):
        t.manual_seed(5)
        x = t.randn(4, 6, 3, 2, requires_grad=True)
        y = t.nn.functional.feature_alpha_dropout(x, 0.3, training=True)
        (y * t.arange(144.0).reshape(4, 6, 3, 2)).sum().backward()
        z = t.nn.FeatureAlphaDropout(0.6)(t.randn(3, 5))
        out.append((y.detach().numpy(), x.grad.numpy(), z.numpy(), _chain(y)))
    for w, g in zip(*out):
        assert (w == g) if isinstance(w, list) else _equal(w, g)


def test_layer_norm_bias_without_weight_bits():
    real, ours = _sides()
    rng = np.random.default_rng(2)
    for shape, norm in (((64, 40), (40,)), ((3, 5, 7), (7,)), ((2, 6, 9), (6, 9)), ((8, 1000), (1000,)),
                        ((5, 3), (3,))):
        x = rng.normal(2.0, 3.0, shape).astype(np.float32)
        b = rng.normal(size=norm).astype(np.float32)
        w = rng.normal(size=norm).astype(np.float32)
        for args in ((None, b), (w, None), (w, b), (None, None)):
            want = real.nn.functional.layer_norm(real.tensor(x), norm, *[None if a is None else real.tensor(a)
                                                                         for a in args]).numpy()
            got = ours.nn.functional.layer_norm(ours.tensor(x), norm, *[None if a is None else ours.tensor(a)
                                                                        for a in args]).numpy()
            assert _equal(want, got), (shape, [a is None for a in args])
