"""Finite-difference rows for the tenth probe's ops (PyTorch's docstring examples, /work/notes/probe_report10.md):
torch.special.erfcx and xlog1py with a Python number for one side (engine/ops_special.py), reshape's
ReshapeAliasBackward0 (engine/shaping.py), multilabel_margin_loss (engine/ops_margin.py) and fractional max pooling
(engine/ops_fractional.py), embedding_dense_backward and convolution_backward_bias (probe 185); collected by test_gradcheck.ROWS."""
import numpy as np

from autograd_magic import torch
from autograd_magic.engine.grad import TensorXP

_RNG = np.random.default_rng(10)


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-1.5, 1.5, n)) + 0.01).reshape(shape)


def _multilabel(reduction, target):
    return lambda a: torch.nn.functional.multilabel_margin_loss(a, torch.tensor(target), reduction=reduction)


def _fractional(nd, kernel, out, samples):
    fn = torch.nn.functional.fractional_max_pool2d if nd == 2 else torch.nn.functional.fractional_max_pool3d
    return lambda x: fn(x, kernel, output_size=out, _random_samples=torch.tensor(samples, dtype=torch.float64))


ROWS_EXTRA = {
    # embedding's weight gradient under create_graph=True (EmbeddingDenseBackwardBackward0, probe 185); with
    # scale_grad_by_freq ATen's double backward leaves the frequencies out, so no row checks that against differences
    "embedding_dense_backward": [
        (lambda g: TensorXP.call("embedding_dense_backward", (g,), np.array([[0, 2, 2], [4, 1, 2]]), None, (5, 3),
                                 False), [_spread(2, 3, 3)]),
        (lambda g: TensorXP.call("embedding_dense_backward", (g,), np.array([3, 1, 3, 0]), 3, (4, 2), False),
         [_spread(4, 2)])],
    # a convolution bias's gradient under create_graph=True (ConvolutionBackwardBackward0, probe 185)
    "convolution_backward_bias": [
        (lambda g: TensorXP.call("convolution_backward_bias", (g,), (0, 2, 3), (2, 3, 2, 2)), [_spread(2, 3, 2, 2)]),
        (lambda g: TensorXP.call("convolution_backward_bias", (g,), (0, 2), (1, 2, 3)), [_spread(1, 2, 3)])],
    "fractional_max_pool2d": [(_fractional(2, 2, 3, [[[0.3, 0.8], [0.55, 0.1]]]), [_spread(1, 2, 5, 4)]),
                              (_fractional(2, (3, 2), (2, 3), [[[0.9, 0.2]], [[0.4, 0.6]]]), [_spread(2, 1, 6, 5)])],
    "fractional_max_pool2d_backward": [
        (lambda g: TensorXP.call("fractional_max_pool2d_backward", (g,), np.array([[[[0, 3], [3, 8]]]]), (1, 1, 3, 3),
                                 True), [_spread(1, 1, 2, 2)])],
    "fractional_max_pool3d": [(_fractional(3, 2, (2, 2, 3), [[[0.3, 0.8, 0.5]]]), [_spread(1, 1, 4, 3, 5)])],
    "fractional_max_pool3d_backward": [
        (lambda g: TensorXP.call("fractional_max_pool3d_backward", (g,), np.array([[[[[0, 3]], [[13, 13]]]]]),
                                 (1, 1, 3, 2, 3), True), [_spread(1, 1, 2, 1, 2)])],
    "multilabel_margin_loss": [(_multilabel("mean", [[3, 0, -1, 1], [2, -1, 1, 1]]), [_spread(2, 4)]),
                               (_multilabel("none", [[1, 2, 0, -1], [0, -1, 0, 0]]), [_spread(2, 4)]),
                               (_multilabel("sum", [4, 1, -1, 0, 0]), [_spread(5)])],
    "reshape_alias": [(lambda a: a.t().reshape(1, 3, 2), [_spread(2, 3)]),          # reshape of a viewable layout
                      (lambda a: a[:, ::2].reshape(3, 2, 1) * a[:, 1:2].reshape(3, 1, 1), [_spread(3, 4)])],
    "special_erfcx": [(torch.special.erfcx, [_spread(2, 3) * 1.5]), (lambda a: torch.special.erfcx(a.abs() * 4), [_spread(4)]),
                      (lambda a: torch.special.erfcx(a * a + 25.5), [_spread(3)])],
    "special_xlog1py_other": [(lambda a: torch.special.xlog1py(a, 2.5), [_spread(2, 3)]),
                              (lambda a: torch.special.xlog1py(a, -0.5), [_spread(3)])],
    "special_xlog1py_self": [(lambda b: torch.special.xlog1py(1.5, b.abs()), [_spread(2, 3)]),
                             (lambda b: torch.special.xlog1py(-2.0, b * 0.5), [_spread(3)])],
}
