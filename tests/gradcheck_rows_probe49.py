"""Finite-difference rows for the forty-ninth probe's ops (/work/notes/probe_report49.md): fake quantization
(engine/ops_quant.py); collected by test_gradcheck.ROWS. The straight-through gradient equals the finite difference
where the grid is far finer than the difference's step (per channel, whose output is computed in double: a scale of
1e-12) and where every value is clamped (both are zero; the per-tensor output is computed in float)."""
import numpy as np

from autograd_magic import torch

_FINE = torch.tensor([1e-12, 1e-12])
_ZP = torch.zeros(2, dtype=torch.int32)


def _per_channel(a):
    n = a.shape[1]
    return torch.fake_quantize_per_channel_affine(a, _FINE[:n], _ZP[:n], 1, -2 ** 40, 2 ** 40) * a


ROWS_EXTRA = {
    "fake_quantize_per_channel": [(_per_channel, [np.array([[0.7, -1.3]])]),
                                  (_per_channel, [np.array([[-0.4, 0.9], [1.6, -1.8], [0.2, 0.5]])])],
    "fake_quantize_per_tensor": [(lambda a: torch.fake_quantize_per_tensor_affine(a, 0.5, 0, 0, 0) * a,
                                  [np.array([0.7, -1.3, 2.1])])],
    "fake_quantize_per_tensor_tensor_qparams": [
        (lambda a: torch.fake_quantize_per_tensor_affine(a, torch.tensor(0.5), torch.tensor(3), 3, 3) + a,
         [np.array([0.7, -1.3, 2.1])])],
}
