"""Finite-difference rows for the seventh probe's ops: torch.pdist (engine/ops_dist.py), sort(stable=...)
(engine/ops_tensor.py), torch.special's i0/i0e/i1/i1e, ndtri, log_ndtr, multigammaln, zeta and gammainc/gammaincc
(engine/ops_special.py), and the activations' backward functions (engine/ops_act_backward.py, gelu_backward in
engine/ops_nn.py: each called as an op with both of its inputs differentiated; prelu's with its three);
collected by test_gradcheck.ROWS."""
import numpy as np

from autograd_magic import torch
from autograd_magic.engine.grad import TensorXP
from autograd_magic.engine.ops_act_backward import prelu_kernel_backward

_RNG = np.random.default_rng(7)


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-1.5, 1.5, n)) + 0.01).reshape(shape)


def _call(name, *consts, scale=1.0):
    """Rows for an activation's backward op: (g, a) -> op(g, a * scale, *consts), both inputs differentiated."""
    return [(lambda g, a: TensorXP.call(name, (g, a * scale), *consts), [_spread(*s), _spread(*s)])
            for s in ((2, 3), (3,))]


ROWS_EXTRA = {
    "leaky_relu_backward": _call("leaky_relu_backward", 0.1),
    "hardtanh_backward": _call("hardtanh_backward", -0.5, 0.7),
    "softshrink_backward": _call("softshrink_backward", 0.3),
    "hardshrink_backward": _call("hardshrink_backward", 0.3),
    "rrelu_with_noise_backward": _call("rrelu_with_noise_backward", 0.1, 0.3),
    "hardswish_backward": _call("hardswish_backward", scale=3.0),
    "elu_backward": _call("elu_backward", 1.0, 1.0, 1.0, False) + _call("elu_backward", 0.7, 1.05, 0.5, False)
    + _call("elu_backward", 1.0, 1.0, 1.0, True),
    "log_sigmoid_backward": _call("log_sigmoid_backward", scale=2.0),
    "softplus_backward": _call("softplus_backward", 1.0, 20.0, scale=2.0) + _call("softplus_backward", 2.0, 1.5,
                                                                                 scale=2.0),
    "gelu_backward": _call("gelu_backward", "none", scale=2.0) + _call("gelu_backward", "tanh", scale=2.0),
    # (its two outputs, the input's gradient and the weight's before it is summed, checked through one sum)
    "prelu_kernel_backward": [(lambda g, a, w: (lambda gi, gw: gi + 2 * gw)(*prelu_kernel_backward(TensorXP, g, a, w)),
                               [_spread(*s), _spread(*s), _spread(s[-1]) + 0.3]) for s in ((2, 3), (3,))],
    "special_i0": [(torch.special.i0, [_spread(2, 3) * 3]), (torch.i0, [_spread(4) * 6])],
    "special_i0e": [(torch.special.i0e, [_spread(2, 3) * 3]), (torch.special.i0e, [_spread(3) * 7])],
    "special_i1": [(torch.special.i1, [_spread(2, 3) * 3]), (torch.special.i1, [_spread(3) * 9])],
    "special_i1e": [(torch.special.i1e, [_spread(2, 3) * 3]), (torch.special.i1e, [_spread(3) * 9])],
    "special_ndtri": [(lambda a: torch.special.ndtri(a.sigmoid()), [_spread(2, 3) * 2])],
    "special_log_ndtr": [(torch.special.log_ndtr, [_spread(2, 3) * 2]), (torch.special.log_ndtr, [_spread(3) * 8])],
    "mvlgamma": [(lambda a: torch.special.multigammaln(a.abs() + 2, 3), [_spread(2, 3)]),
                 (lambda a: torch.mvlgamma(a * a + 1, 1), [_spread(3)])],
    "special_zeta": [(lambda q: torch.special.zeta(torch.tensor([2.5, 3.0, 4.5], dtype=torch.float64), q.abs() + 1),
                      [_spread(3)])],
    "igamma": [(lambda x: torch.special.gammainc(torch.tensor([0.5, 2.0, 7.5], dtype=torch.float64), x.abs() + 0.2),
                [_spread(3) * 3])],
    "igammac": [(lambda x: torch.igammac(torch.tensor([[1.5], [4.0]], dtype=torch.float64), x.abs() + 0.2),
                 [_spread(2, 3) * 3])],
    "_pdist_forward": [
        (lambda a: torch.pdist(a), [_spread(4, 3)]),
        (lambda a: torch.pdist(a, p=1), [_spread(3, 2)]),
        (lambda a: torch.pdist(a, p=3), [_spread(4, 2)]),
        (lambda a: torch.nn.functional.pdist(a, p=1.5), [_spread(3, 3)]),
        (lambda a: torch.pdist(a, p=float("inf")), [_RNG.standard_normal((3, 4))]),   # no ties in max |diff|
    ],
    "sort_stable": [
        (lambda a: torch.sort(a, stable=True).values, [_spread(2, 3)]),
        (lambda a: a.sort(dim=0, descending=True, stable=False)[0], [_spread(3, 2)]),
    ],
}
