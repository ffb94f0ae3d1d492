"""torch.fft: discrete Fourier transforms and their helpers, on the engine (engine/spectral.py), each behind
PyTorch's argument parser as the C functions of torch._C._fft are (``fft_rfft(): argument 'n' must be int, not
float``, ``fft_rfftfreq(): argument 'd' (position 2) must be float, not Tensor``) and named as they are
(``torch.fft.rfft.__name__ == "fft_rfft"``)."""
from ..engine import arg_parser as _arg_parser
from ..engine import spectral as _spectral
from ..engine.function_signatures import SIGNATURES as _SIGNATURES
from ..engine.tensor import Tensor  # noqa: F401,E402  (PyTorch's module binds it, and `from torch.fft import *` too)


def _parsed(name):
    return _arg_parser.parsed(getattr(_spectral, name), "fft_" + name, _SIGNATURES["fft_" + name], False)


fft, ifft, fft2, ifft2, fftn, ifftn = map(_parsed, ("fft", "ifft", "fft2", "ifft2", "fftn", "ifftn"))
rfft, irfft, rfft2, irfft2, rfftn, irfftn = map(_parsed, ("rfft", "irfft", "rfft2", "irfft2", "rfftn", "irfftn"))
hfft, ihfft, hfft2, ihfft2, hfftn, ihfftn = map(_parsed, ("hfft", "ihfft", "hfft2", "ihfft2", "hfftn", "ihfftn"))
fftfreq, rfftfreq, fftshift, ifftshift = map(_parsed, ("fftfreq", "rfftfreq", "fftshift", "ifftshift"))

# (PyTorch's __all__ leaves out hfft2, ihfft2, hfftn and ihfftn: `from torch.fft import *` does not bind them)
__all__ = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn", "rfft", "irfft", "rfft2", "irfft2", "rfftn", "irfftn",
           "hfft", "ihfft", "fftfreq", "rfftfreq", "fftshift", "ifftshift", "Tensor"]
