"""torch.stft and torch.istft (and their Tensor methods), composed as PyTorch composes them: stft's Python part
pads a centred signal (F.pad, reflect by default), ATen's part frames it with an as_strided view, multiplies by the
window (zero-padded to n_fft around its centre), transforms each frame (FftR2CBackward0, FftC2CBackward0 for a
complex input or window) and transposes to (batch, freq, frames) in place (TransposeBackward1); istft inverts each
frame (FftC2RBackward0 / FftC2CBackward0), windows it, overlap-adds frames and squared windows (unfold_backward) and
divides by the window envelope (DivBackward0). Errors and warnings are ATen's text."""
import numpy as np

from ..engine import creation
from ..engine.arg_parser import Signature, check_call, parsed
from ..engine.function_signatures import SIGNATURES
from ..engine.complex_fns import view_as_complex, view_as_real
from ..engine.dfti import BY_N, BY_ROOT_N, NONE
from ..engine.optable import OPS
from ..engine.tensor_base import apply, warn_once
from .nn import functional as F

_WHERE = "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/SpectralOps.cpp:{}.)"
_NO_WINDOW = ("A window was not provided. A rectangular window will be applied,which is known to cause spectral "
              "leakage. Other windows such as torch.hann_window or torch.hamming_window are recommended to reduce "
              "spectral leakage.To suppress this warning and use a rectangular window, explicitly set "
              "`window=torch.ones(n_fft, device=<device>)`. " + _WHERE.format(835))
_REAL_DEPRECATED = ("stft with return_complex=False is deprecated. In a future pytorch release, stft will return "
                    "complex tensors for all inputs, and return_complex=False will raise an error.\nNote: you can "
                    "still call torch.view_as_real on the complex output to recover the old return format. "
                    + _WHERE.format(874))
_NEED_RETURN_COMPLEX = ("stft requires the return_complex parameter be given for real inputs, and will further "
                        "require that return_complex=True in a future PyTorch release.")
_COMPLEX_HALF = ("ComplexHalf support is experimental and many operators don't support it yet. (Triggered internally "
                 "at /__w/pytorch/pytorch/aten/src/ATen/EmptyTensor.cpp:54.)")
_ISTFT_PADDED = ("The length of signal is shorter than the length parameter. Result is being padded with zeros in "
                 "the tail. Please check your center and hop_length settings. " + _WHERE.format(1199))
_ISTFT_NO_WINDOW = ("A window was not provided. A rectangular window will be applied.Please provide the same window "
                    "used by stft to make the inversion lossless.To suppress this warning and use a rectangular "
                    "window, explicitly set `window=torch.ones(n_fft, device=<device>)`. " + _WHERE.format(1035))


def _flag(v):
    return "None" if v is None else str(int(bool(v)))


def _sizes(t):
    return "[" + ", ".join(str(s) for s in t.shape) + "]"


# _VF.stft's two overloads, which torch.stft's Python part hands its nine arguments by position
_VF_STFT = [Signature(t) for t in (
    "(Tensor input, int n_fft, int? hop_length = None, int? win_length = None, Tensor? window = None, "
    "bool center = True, str pad_mode = \"reflect\", bool normalized = False, bool? onesided = None, "
    "bool? return_complex = None, bool? align_to_window = None)",
    "(Tensor input, int n_fft, int? hop_length = None, int? win_length = None, Tensor? window = None, "
    "bool normalized = False, bool? onesided = None, bool? return_complex = None, bool? align_to_window = None)")]


def stft(input, n_fft, hop_length=None, win_length=None, window=None, center=True, pad_mode="reflect",
         normalized=False, onesided=None, return_complex=None, align_to_window=None):
    """The short-time Fourier transform: (batch, n_fft // 2 + 1, frames) complex (see the module's docstring)."""
    if center and align_to_window is not None:
        raise RuntimeError("stft align_to_window should only be set when center = false")
    if center:
        signal_dim = input.dim()
        extended = [1] * (3 - signal_dim) + list(input.size())
        pad = int(n_fft // 2)
        input = F.pad(input.view(extended), [pad, pad], pad_mode)
        input = input.view(input.shape[-signal_dim:])
    values = check_call("stft", _VF_STFT, (input, n_fft, hop_length, win_length, window, normalized, onesided,
                                            return_complex, align_to_window), {})
    if "center" in values:   # the first overload took them (a str onesided is its pad_mode): ATen reads it so
        normalized, onesided, return_complex, align_to_window = (
            values.get(k) for k in ("normalized", "onesided", "return_complex", "align_to_window"))
    return _stft(input, n_fft, hop_length, win_length, window, normalized, onesided, return_complex,
                 align_to_window)


def _stft(self, n_fft, hop_length, win_length, window, normalized, onesided, return_complex, align_to_window):
    if window is None:
        warn_once(_NO_WINDOW, stacklevel=3)
    complex_window = window is not None and window.dtype.is_complex
    if return_complex is None:
        if not (self.dtype.is_complex or complex_window):
            raise RuntimeError(_NEED_RETURN_COMPLEX)
        return_complex = True
    elif not return_complex:
        warn_once(_REAL_DEPRECATED, stacklevel=3)
    hop = n_fft >> 2 if hop_length is None else hop_length
    win = n_fft if win_length is None else win_length
    window_str = "None" if window is None else f"{window.type()}{{{_sizes(window)}}}"
    prefix = (f"stft({self.type()}{_sizes(self)}, n_fft={n_fft}, hop_length={hop}, win_length={win}, "
              f"window={window_str}, normalized={_flag(normalized)}, onesided={_flag(onesided)}, "
              f"return_complex={_flag(return_complex)}, align_to_window={_flag(align_to_window)}) : ")
    if not (self.dtype.is_floating_point or self.dtype.is_complex):
        raise RuntimeError(prefix + "expected a tensor of floating point or complex values")
    if self.dim() not in (1, 2):
        raise RuntimeError(prefix + "expected a 1D or 2D tensor")
    x = self.unsqueeze(0) if self.dim() == 1 else self
    length = x.shape[1]
    if n_fft <= 0 or n_fft > length:
        raise RuntimeError(prefix + f"expected 0 < n_fft < {length}, but got n_fft={n_fft}")
    if hop <= 0:
        raise RuntimeError(prefix + f"expected hop_length > 0, but got hop_length={hop}")
    if win <= 0 or win > n_fft:
        raise RuntimeError(prefix + f"expected 0 < win_length <= n_fft, but got win_length={win}")
    if window is not None and (window.dim() != 1 or window.shape[0] != win):
        raise RuntimeError(prefix + f"expected a 1D window tensor of size equal to win_length={win}, but got "
                                    f"window with size {_sizes(window)}")
    left = (n_fft - win) // 2
    aligned = bool(align_to_window) and win < n_fft
    window_ = window
    if win < n_fft:
        window_ = creation.zeros(n_fft, dtype=(window.dtype if window is not None else self.dtype))
        if window is not None:
            window_.narrow(0, left, win).copy_(window)
        else:
            window_.narrow(0, left, win).fill_(1)
    if aligned:   # the frames start where their windows do, not (n_fft - win_length) / 2 before
        x = F.pad(x, [left, n_fft - win - left])
    n_frames = 1 + (x.shape[1] - n_fft) // hop
    s0, s1 = x.stride()
    x = x.as_strided((x.shape[0], n_frames, n_fft), (s0, hop * s1, s1), x.storage_offset())
    if window_ is not None:
        x = x.mul(window_)
    complex_fft = x.dtype.is_complex
    onesided = onesided if onesided is not None else not complex_fft
    norm = BY_ROOT_N if normalized else NONE
    if complex_fft:
        if onesided:
            raise RuntimeError("Cannot have onesided output if window or input is complex")
        out = apply(OPS["fft_c2c"], (x,), [2], norm, True)
    else:
        if x.dtype.name not in ("float32", "float64"):
            if x.dtype.name == "float16":   # (ATen allocates the complex32 output before the MKL check)
                warn_once(_COMPLEX_HALF, stacklevel=3)
            raise RuntimeError(f"MKL FFT doesn't support tensors of type: {x.dtype.scalar_name}")
        out = apply(OPS["fft_r2c"], (x,), [2], norm, onesided, n_fft)
    out.transpose_(1, 2)
    if self.dim() == 1:
        out.squeeze_(0)
    return out if return_complex else view_as_real(out)


def istft(input, n_fft, hop_length=None, win_length=None, window=None, center=True, normalized=False,
          onesided=None, length=None, return_complex=False):
    """The signal whose stft is input: each frame's inverse transform windowed and overlap-added, divided by the
    overlap-added squared window (see the module's docstring)."""
    hop = n_fft >> 2 if hop_length is None else hop_length
    win = n_fft if win_length is None else win_length
    if window is None:
        warn_once(_ISTFT_NO_WINDOW, stacklevel=3)
    if not input.dtype.is_complex:
        raise RuntimeError("istft requires a complex-valued input tensor matching the output from stft with "
                           "return_complex=True.")
    x = view_as_real(input.resolve_conj())
    input_dim = x.dim()
    n_frames = x.size(-2)
    fft_size = x.size(-3)
    expected_len = n_fft + hop * (n_frames - 1)
    prefix = "istft(" + _istft_args(input, n_fft, hop, win, window, center, normalized, onesided, length,
                                    return_complex)
    if x.numel() == 0:
        raise RuntimeError(prefix + ": input tensor cannot be empty.")
    if input_dim not in (3, 4):
        raise RuntimeError(prefix + f": expected a tensor with 3 or 4 dimensions, but got {input_dim}")
    onesided = fft_size != n_fft if onesided is None else onesided
    if onesided:
        if n_fft // 2 + 1 != fft_size:
            raise RuntimeError(prefix + ": expected the frequency dimension (3rd to the last) of the input tensor "
                               f"to match n_fft / 2 + 1 when onesided=True, but got {fft_size}")
    elif n_fft != fft_size:
        raise RuntimeError(prefix + ": expected the frequency dimension (3rd to the last) of the input tensor to "
                           f"match n_fft when onesided=False, but got {fft_size}")
    if not 0 < hop <= win:
        raise RuntimeError(prefix + ": expected 0 < hop_length <= win_length")
    if not 0 < win <= n_fft:
        raise RuntimeError(prefix + ": expected 0 < win_length <= n_fft")
    if window is not None and (window.dim() != 1 or window.shape[0] != win):
        raise RuntimeError(prefix + ": Invalid window shape. window has to be 1D and length of `win_length`")
    window_tmp = window if window is not None else creation.ones(win, dtype=x.dtype)
    if win != n_fft:
        left = (n_fft - win) // 2
        window_tmp = apply(OPS["constant_pad_nd"], (window_tmp,), (left, n_fft - win - left), 0)
    if input_dim == 3:
        x = x.unsqueeze(0)
    x = view_as_complex(x.transpose(1, 2))   # (channel, n_frames, fft_size)
    norm = BY_ROOT_N if normalized else BY_N
    if return_complex:
        if onesided:
            raise RuntimeError("Cannot have onesided output if window or input is complex")
        x = apply(OPS["fft_c2c"], (x,), [x.dim() - 1], norm, False)
    else:
        if window is not None and window.dtype.is_complex:
            raise RuntimeError("Complex windows are incompatible with return_complex=False")
        if not onesided:
            x = x.narrow(-1, 0, n_fft // 2 + 1)
        x = apply(OPS["fft_c2r"], (x,), [x.dim() - 1], norm, n_fft)
    y_tmp = x * window_tmp.view(1, 1, n_fft)
    y = _overlap_add(y_tmp, expected_len, n_fft, hop)
    envelope = _overlap_add(window_tmp.pow(2).expand(1, n_frames, n_fft), expected_len, n_fft, hop)
    start = n_fft // 2 if center else 0
    if length is not None:
        end = start + length
    else:
        end = -(n_fft // 2) if center else expected_len
    y = y[:, start:end]
    envelope = envelope[:, start:end]
    if bool(envelope.abs().min().lt(1e-11)):
        raise RuntimeError(prefix + "window overlap add min: 1\n[ CPUBoolType{} ]")
    y = y / envelope
    if input_dim == 3:
        y = y.squeeze(0)
    if end > expected_len:
        warn_once(_ISTFT_PADDED, stacklevel=3)
        y = apply(OPS["constant_pad_nd"], (y,), (0, end - expected_len), 0)
    return y


def _istft_args(input, n_fft, hop, win, window, center, normalized, onesided, length, return_complex):
    window_str = "None" if window is None else f"{window.type()}{{{_sizes(window)}}}"
    kind = "CPU" + input.type()[len("torch."):-len("Tensor")] + "Type"   # ATen's toString(): CPUComplexFloatType
    return (f"{kind}{_sizes(input)}, n_fft={n_fft}, hop_length={hop}, win_length={win}, "
            f"window={window_str}, center={_flag(center)}, normalized={_flag(normalized)}, "
            f"onesided={_flag(onesided)}, length={'None' if length is None else length}, "
            f"return_complex={_flag(return_complex)}) ")


def _overlap_add(frames, total, n_fft, hop):
    """at::unfold_backward: frames (channel, n_frames, n_fft) added into a (channel, total) signal, hop apart
    (UnfoldBackwardBackward0)."""
    channels, n_frames = frames.shape[0], frames.shape[1]
    starts = np.arange(n_frames) * hop
    key = (np.arange(channels).reshape(channels, 1, 1), (starts[:, None] + np.arange(n_fft))[None])
    return apply(OPS["unfold_backward"], (frames,), key, (channels, total))


# torch.istft is ATen's, behind PyTorch's parser (``istft(): argument 'normalized' must be bool, not int``);
# Tensor.istft is PyTorch's Python method, which hands it every argument but return_complex by position
_parsed_istft = parsed(istft, "istft", SIGNATURES["istft"], False)


def _tensor_istft(self, n_fft, hop_length=None, win_length=None, window=None, center=True, normalized=False,
                  onesided=None, length=None, return_complex=False):
    return _parsed_istft(self, n_fft, hop_length, win_length, window, center, normalized, onesided, length,
                         return_complex=return_complex)


FUNCTIONS = {"stft": stft, "istft": _parsed_istft}
METHODS = {"stft": stft, "istft": _tensor_istft}
