"""oneDNN's float32 GELU, which PyTorch runs instead of its own kernel for ``F.gelu`` (approximate='none') of a
contiguous float32 tensor of more than one element, forward and backward (ATen's ``use_mkldnn``).

oneDNN's JIT kernels do not compute erf to float32 precision: on AVX-512 the forward evaluates one of 25 degree-5
minimax polynomials picked from the input's exponent bits (erf saturates to exactly 1 from |x| = 5.54, so gelu of a
negative input is x * 0 * 0.5 = -0.0 there), on AVX2 and below Abramowitz and Stegun's formula 7.1.26 with
oneDNN's own exp (relative error up to ~1e-5 near x = -3 and up to 20% near x = -5, +0.0 far left). The backward
uses Abramowitz and Stegun on every ISA. Each step here is the kernel's instruction, rounded as it rounds (a fused
multiply-add once: ``_fma32``); bit-identical to PyTorch 2.13's oneDNN v3.12 on 200,000 inputs per path.

Which kernel runs: the processor's best ISA, capped by ``ONEDNN_MAX_CPU_ISA`` (or ``DNNL_MAX_CPU_ISA``) as oneDNN
reads it (``isa()``).
"""
import functools
import os

import numpy as np

from .random_kernels import _fma32
from .vec_kernels import _CPU

_F32 = np.float32


def _u(*bits):
    return np.array(bits, np.uint32).view(_F32)


_ONE, _HALF, _TWO = _F32(1), _F32(0.5), _F32(2)
_LN2F, = _u(0x3f317218)
_EXP_LOG2EF, _EXP_LN_FLT_MAX, _EXP_LN_FLT_MIN = _u(0x3fb8aa3b, 0x42b17218, 0xc2aeac50)
_EXP_POL = _u(0x3f7ffffb, 0x3efffee3, 0x3e2aad40, 0x3d2b9d0d, 0x3c07cfce)
_AS_P, _AS_1_SQRT2, _AS_1_SQRTPI = _u(0x3ea7ba05, 0x3f3504f3, 0x3f106eba)
_AS_POL = _u(0x3e827906, 0xbe91a98e, 0x3fb5f0e3, 0xbfba00e3, 0x3f87dc22)
_MM_IDX_BIAS = np.int32(np.uint32(0xc21fffff).view(np.int32))
_MM_RBOUND, = _u(0x40b15cee)
# gelu_erf_minimax_pol: coefficients of degree 0..5 of the 25 polynomials (index 23 is erf = 1, index 24 x)
_MM_POL = np.array([
    [0xa6f2cb94, 0x32827792, 0x3381cc0c, 0x34523d4a, 0x351ac44d, 0x35f36d88, 0x36ee8229, 0x37b8a3bb, 0x3867a213,
     0x3940033b, 0x3a2a5a1d, 0x3ae35863, 0x3b7828f2, 0x3c08b14b, 0x3c515ed3, 0xbb503236, 0xbd8d8e5e, 0xbe8abcd9,
     0xbf0c19a2, 0xbeccb328, 0x3e176ced, 0x3f470d99, 0x3f7abb28, 0x3f800000, 0],
    [0x3f4c422a, 0x3f4c421f, 0x3f4c4207, 0x3f4c41cb, 0x3f4c413b, 0x3f4c3fad, 0x3f4c3a2f, 0x3f4c2d40, 0x3f4c146a,
     0x3f4bc341, 0x3f4ad08c, 0x3f48f8cf, 0x3f45fac7, 0x3f404e07, 0x3f3b980f, 0x3f48dff3, 0x3f78b21b, 0x3fbb0704,
     0x40019c32, 0x3fe536d6, 0x3f81331e, 0x3e6c8684, 0x3c98f936, 0, 0x3f800000],
    [0xb62173f4, 0x3735e4cf, 0x37f2ff89, 0x388c23be, 0x3917535c, 0x39ab2ab0, 0x3a60fadb, 0x3af9b960, 0x3b6e5491,
     0x3c0a4ec5, 0x3ca5aa8c, 0x3d2138d9, 0x3d8737d4, 0x3ddfb660, 0x3e0f27ab, 0x3d94004b, 0xbe0efdeb, 0xbf1d96c3,
     0xbf89db58, 0xbf6d9897, 0xbef69fb8, 0xbdc4f8a8, 0xbbde6422, 0, 0],
    [0xbe081a19, 0xbe084570, 0xbe08639b, 0xbe089837, 0xbe08f409, 0xbe09ab95, 0xbe0b66d0, 0xbe0e400a, 0xbe124df8,
     0xbe1bde02, 0xbe2f19c9, 0xbe4931bf, 0xbe685fbc, 0xbe89c95f, 0xbe96cbca, 0xbe8044aa, 0xbe0550f2, 0x3dcfd6a1,
     0x3e94c826, 0x3e79345f, 0x3decec91, 0x3ca46568, 0x3aa1e00a, 0, 0],
    [0xba3d61db, 0x39f097a3, 0x3a5845dc, 0x3ab1fa35, 0x3b0cefb8, 0x3b653ab6, 0x3bcae527, 0x3c221712, 0x3c6c5840,
     0x3cc0a703, 0x3d1dcc19, 0x3d63656d, 0x3d955907, 0x3dbf9910, 0x3dd53f69, 0x3db7dcef, 0x3d639ebe, 0xba6ede48,
     0xbd22be69, 0xbd041cf1, 0xbc64f5ab, 0xbb097a32, 0xb8ebf380, 0, 0],
    [0x3cb7d80c, 0x3c9b6050, 0x3c978d11, 0x3c92e850, 0x3c8d058b, 0x3c848454, 0x3c6cd623, 0x3c4c824b, 0x3c2a7935,
     0x3be0b390, 0x3b0651ac, 0xbb232f53, 0xbbd42fa0, 0xbc2c5366, 0xbc492c9e, 0xbc2a7aa6, 0xbbd55d04, 0xba823a76,
     0x3b102aa8, 0x3ae25a7e, 0x3a31f792, 0x38b84375, 0x3689bb5a, 0, 0]], np.uint32).view(_F32)

_ISAS = ("sse41", "avx", "avx2", "avx512")


@functools.lru_cache(maxsize=None)
def _detected():
    if all(_CPU.get(f) for f in ("AVX512F", "AVX512BW", "AVX512VL", "AVX512DQ")):
        return "avx512"
    if _CPU.get("AVX2"):
        return "avx2"
    return "avx" if _CPU.get("AVX") else "sse41"


def isa():
    """The ISA oneDNN's kernels run with here: the processor's, capped by ONEDNN_MAX_CPU_ISA / DNNL_MAX_CPU_ISA
    (AVX512_CORE and above, AVX10_*, ALL and DEFAULT leave AVX-512 on; AVX2*, AVX and SSE41 cap it)."""
    best = _detected()
    asked = (os.environ.get("ONEDNN_MAX_CPU_ISA") or os.environ.get("DNNL_MAX_CPU_ISA") or "").strip().upper()
    cap = ("avx512" if asked.startswith(("AVX512", "AVX10")) or asked in ("", "ALL", "DEFAULT") else
           "avx2" if asked.startswith("AVX2") else "avx" if asked == "AVX" else "sse41" if asked == "SSE41" else best)
    return min(best, cap, key=_ISAS.index)


def takes_half(kind):
    """Whether oneDNN here computes on ``"bfloat16"`` or ``"float16"`` data, as ideep's has_bf16_type_support /
    has_fp16_type_support say (PyTorch's mkldnn_bf16_device_check / mkldnn_fp16_device_check): bfloat16 from
    AVX-512 on, float16 with AVX-512's FP16 instructions as well; the ISA capped as isa() caps it. (The AVX2-VNNI-2
    processors that also qualify are not told apart: they take the AVX2 answer.)"""
    if isa() != "avx512":
        return False
    return kind == "bfloat16" or bool(_CPU.get("AVX512FP16"))


def applies(a):
    """Whether PyTorch hands this gelu input to oneDNN: a contiguous float32 array of more than one element."""
    return isinstance(a, np.ndarray) and a.dtype == _F32 and a.size > 1 and a.flags.c_contiguous


def _fma_for(which):
    """uni_vfmadd: one rounding with FMA (AVX2 and up), a product and a sum rounded apart below."""
    return _fma32 if which in ("avx2", "avx512") else (lambda a, b, c: _F32(a) * b + c)


def _exp(x, fma):
    """oneDNN's exp_compute_vector_fwd: 2 * 2^(n-1) * p(r), r = x - n ln2, 0 below ln(FLT_MIN)."""
    below = x < _EXP_LN_FLT_MIN
    x = np.maximum(np.minimum(x, _EXP_LN_FLT_MAX), _EXP_LN_FLT_MIN)
    fx = np.floor(x * _EXP_LOG2EF + _HALF)
    r = fma(-fx, _LN2F, x)
    scale = (((fx - _ONE).astype(np.int32) + 127).astype(np.uint32) << np.uint32(23)).view(_F32)
    scale = np.where(below, _F32(0), scale)
    p = _EXP_POL[4]
    for k in (3, 2, 1, 0):
        p = fma(p, r, _EXP_POL[k])
    return (fma(p, r, _ONE) * scale) * _TWO


def _erf_as(xs, fma):
    """Abramowitz and Stegun 7.1.26 as oneDNN computes it: 1 - t * p(t) * exp(-x*x), t = 1 / (1 + p|x|)."""
    t = _ONE / fma(_AS_P, np.abs(xs), _ONE)
    q = -_exp(-(xs * xs), fma) * t
    r = _AS_POL[4]
    for k in (3, 2, 1, 0):
        r = fma(r, t, _AS_POL[k])
    e = fma(q, r, _ONE)
    return np.where(np.signbit(xs), -e, e)


def _gelu_minimax(x):
    """AVX-512: erf(x / sqrt 2) from the polynomial of |x|'s exponent and top two mantissa bits."""
    pos = np.abs(x)
    idx = np.clip((pos.view(np.int32) + _MM_IDX_BIAS) >> 21, 1, 24)
    idx = np.where(_MM_RBOUND < pos, 23, idx)
    pol = _MM_POL[5][idx]
    for deg in range(4, -1, -1):
        pol = _fma32(pol, pos, _MM_POL[deg][idx])
    pol = np.where(np.signbit(x), -pol, pol)
    return (x * (pol + _ONE)) * _HALF


def gelu_erf(a):
    """oneDNN's eltwise_gelu_erf forward of a float32 array."""
    which = isa()
    with np.errstate(all="ignore"):
        if which == "avx512":
            return _gelu_minimax(a)
        fma = _fma_for(which)
        half = a * _HALF
        return fma(_erf_as(a * _AS_1_SQRT2, fma), half, half)   # S + S * erf


def gelu_erf_backward(a, grad):
    """oneDNN's eltwise_gelu_erf backward: grad * (0.5 + x/sqrt(2pi) exp(-x^2/2) + 0.5 erf(x / sqrt 2))."""
    fma = _fma_for(isa())
    with np.errstate(all="ignore"):
        r = a * _AS_1_SQRT2
        t = (r * _AS_1_SQRTPI) * _exp(-(r * r), fma)
        return np.asarray(grad, _F32) * fma(_erf_as(r, fma), _HALF, t + _HALF)
