"""torch.fft: discrete Fourier transforms and their helpers, on the engine (engine/spectral.py)."""
from ..engine.spectral import (fft, fft2, fftfreq, fftn, fftshift, hfft, ifft, ifft2, ifftn, ifftshift,  # noqa: F401
                               ihfft, irfft, irfft2, irfftn, rfft, rfft2, rfftfreq, rfftn)
from ..engine.tensor import Tensor  # noqa: F401,E402  (PyTorch's module binds it, and `from torch.fft import *` too)
