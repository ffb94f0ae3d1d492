"""Finite-difference rows for the twenty-fourth probe's ops (complex numbers and torch.fft: engine/ops_complex.py,
engine/ops_fft.py), collected by test_gradcheck.ROWS. Each row maps real float64 leaves to a real output through
the complex op (view_as_real, .real, abs ...), so the check covers PyTorch's convention for complex gradients: the
gradient a real leaf receives is the real part of the complex one."""
import numpy as np

from autograd_magic import torch

_RNG = np.random.default_rng(24)


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-1.5, 1.5, n)) + 0.07).reshape(shape)


def _pos(*shape):
    return _RNG.uniform(0.5, 2.0, shape)


_R = torch.view_as_real
_C = torch.view_as_complex

ROWS_EXTRA = {
    "view_as_real": [(lambda a: _R(a * (1 + 2j)), [_spread(*s)]) for s in ((), (3,), (2, 3))],
    "view_as_complex": [(lambda a: _R(_C(a) * (0.5 - 1j)), [_spread(*s)]) for s in ((2,), (3, 2), (2, 2, 2))],
    "complex": [(lambda a, b: _R(torch.complex(a, b)) ** 2, [_spread(*s), _spread(*t)])
                for s, t in (((3,), (3,)), ((2, 3), (1, 3)), ((), (2,)))],
    "polar": [(lambda r, t: _R(torch.polar(r, t)), [_pos(*s), _spread(*s)]) for s in ((), (3,), (2, 2))],
    "conj": [(lambda a: _R(torch.conj(a * (1 + 1j)) * (2 - 1j)), [_spread(*s)]) for s in ((3,), (2, 2))],
    "conj_physical": [(lambda a: _R(torch.conj_physical(a * (1 + 1j)) * (2 - 1j)), [_spread(3)])],
    "angle": [(lambda a, b: torch.angle(torch.complex(a, b)), [_spread(*s), _pos(*s)]) for s in ((3,), (2, 2))],
    "fft_r2c": [(lambda a: _R(torch.fft.rfft(a)), [_spread(6)]), (lambda a: _R(torch.fft.fft(a)), [_spread(2, 5)]),
                (lambda a: _R(torch.fft.rfft2(a, norm="ortho")), [_spread(3, 4)]),
                (lambda a: _R(torch.fft.ifft(a, dim=0).resolve_conj()), [_spread(3, 2)])],
    "fft_c2r": [(lambda a: torch.fft.irfft(_C(a)), [_spread(4, 2)]),
                (lambda a: torch.fft.irfft(_C(a), n=7, norm="forward"), [_spread(2, 4, 2)]),
                (lambda a: torch.fft.irfft2(_C(a), s=(3, 4)), [_spread(3, 3, 2)])],
    "fft_c2c": [(lambda a: _R(torch.fft.fft(_C(a))), [_spread(5, 2)]),
                (lambda a: _R(torch.fft.ifft2(_C(a), norm="ortho")), [_spread(2, 3, 2)]),
                (lambda a: _R(torch.fft.fftn(a)), [_spread(2, 3)])],
}
