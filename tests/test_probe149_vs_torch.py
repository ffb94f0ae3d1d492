"""What the hundred-and-forty-ninth probe (signal and audio processing without torchaudio: stft / istft, windows,
mel filterbanks, log-mel, MFCC, torch.fft's helpers, conv1d filtering, unfold framing, complex tensors) found, each
checked against PyTorch: torch.fft.* now go through PyTorch's argument parser as the C functions of torch._C._fft do
(``fft_rfft(): argument 'n' must be int, not float``, a float n or a Tensor d of fftfreq / rfftfreq, a float dim of
fftshift) and carry their names (fft_rfft); fftfreq / rfftfreq with d = 0 or n = 0 give inf / nan as ATen's double
scale does (no ZeroDivisionError, no numpy warning), a negative n is at::empty's error (rfftfreq's n / 2 rounds toward
zero), a complex dtype is arange_cpu's NotImplementedError; torch.stft checks its flags as _VF.stft's two overloads do
(normalized="frame_length", return_complex=1, a numpy bool: the invalid-combination listing); torch.istft is parsed
as ATen's istft (normalized=1, a float length) and Tensor.istft hands it its arguments by position as PyTorch's
Python method does (the position in the message)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "fft_arguments_parsed": [
        ATTEMPT + '''x = torch.arange(8.)
print(torch.fft.rfft.__name__, torch.fft.fftshift.__name__, torch.fft.rfftfreq.__name__)
attempt(lambda: torch.fft.rfft(x, n=4.0))
attempt(lambda: torch.fft.rfft(x, dim=0.0))
attempt(lambda: torch.fft.irfft(torch.fft.rfft(x), 8.0))
attempt(lambda: torch.fft.fft2(x.view(2, 4), s=4))
attempt(lambda: torch.fft.fftshift(x, dim=0.0))
attempt(lambda: torch.fft.fftfreq(8.0))
attempt(lambda: torch.fft.fftfreq(True))
attempt(lambda: torch.fft.rfftfreq(8, d="a"))
attempt(lambda: torch.fft.rfftfreq(8, torch.tensor([2.])))
attempt(lambda: torch.fft.fftfreq(8, torch.tensor(0.5)))
attempt(lambda: torch.fft.rfft(x, norm=1))
''',
    ],
    "fftfreq_edges": [
        ATTEMPT + '''import torch
for make in [lambda: torch.fft.fftfreq(4, 0.0), lambda: torch.fft.fftfreq(1, d=0.), lambda: torch.fft.rfftfreq(0),
             lambda: torch.fft.fftfreq(0), lambda: torch.fft.rfftfreq(0, 0.), lambda: torch.fft.fftfreq(4, -0.0),
             lambda: torch.fft.fftfreq(5, 1e-300), lambda: torch.fft.fftfreq(3, -2),
             lambda: torch.fft.fftfreq(-1), lambda: torch.fft.fftfreq(-4), lambda: torch.fft.rfftfreq(-1),
             lambda: torch.fft.rfftfreq(-3), lambda: torch.fft.rfftfreq(-5), lambda: torch.fft.rfftfreq(-8),
             lambda: torch.fft.fftfreq(4, dtype=torch.complex128),
             lambda: torch.fft.rfftfreq(4, dtype=torch.complex64, requires_grad=True),
             lambda: torch.fft.rfftfreq(4, 0.5, dtype=torch.int32)]:
    attempt(make)
''',
    ],
    "stft_flags_parsed": [
        ATTEMPT + '''import numpy as np
x = torch.arange(20.)
w = torch.hann_window(8)
for kw in [dict(normalized=1), dict(normalized=None), dict(onesided=1), dict(return_complex=1),
           dict(return_complex=np.bool_(True)), dict(normalized="frame_length"), dict(onesided="yes"),
           dict(center=False, align_to_window=1), dict(return_complex=torch.tensor(True))]:
    kw = {"return_complex": True, "window": w} | kw
    attempt(lambda: torch.stft(x, 8, **kw).shape)
attempt(lambda: torch.stft(x, 8, 2, 8, w, True, "reflect", False, None, True).shape)
attempt(lambda: x.stft(8, 2, 8, w, True, "reflect", 1, None, True).shape)
''',
    ],
    "istft_arguments_parsed": [
        ATTEMPT + '''x = torch.arange(20.)
w = torch.hann_window(8)
S = torch.stft(x, 8, window=w, return_complex=True)
print(torch.istft.__name__, torch.Tensor.istft.__qualname__)
for make in [lambda: S.istft(8, normalized=1), lambda: torch.istft(S, 8.0), lambda: torch.istft(S, 8, length=3.0),
             lambda: torch.istft(S, 8, window=[1.] * 8), lambda: torch.istft(S, n_fft=8, win=8),
             lambda: S.istft(8, win=8), lambda: S.istft(8, 2, 8, None, True, False, None, None, False, 3),
             lambda: torch.istft(S, 8, normalized=1), lambda: S.istft(8, window=w, length=24.0),
             lambda: torch.istft(S, 8, window=w, return_complex=1),
             lambda: torch.istft(input=S, n_fft=8, window=w).shape, lambda: S.istft(8, window=w, length=30).shape]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", CELLS)
def test_probe149_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe149/{name}", warns="per_cell")
