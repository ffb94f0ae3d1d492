"""The torch-compatible namespace a ``%%grad`` cell sees: ``from autograd_magic import torch``.

It implements the part of PyTorch that autograd lessons use, on the numpy engine. A name PyTorch has and the
engine does not raises an AttributeError saying that autograd_magic implements a subset of PyTorch; a name PyTorch
does not have either (a typo) raises PyTorch's own AttributeError.
"""
import math as _math
import numbers
import os as _os
import sys as _sys
import warnings as _warnings

from ..engine.composed import (atleast_1d, atleast_2d, broadcast_tensors, broadcast_to, diff, hstack,  # noqa: F401
                               moveaxis, movedim, narrow, repeat_interleave, tile, unflatten, vstack)
from ..engine.creation import (BFloat16Tensor, BoolTensor, ByteTensor, CharTensor, DoubleTensor,  # noqa: F401
                               FloatTensor, HalfTensor, IntTensor, LongTensor, ShortTensor, arange, as_tensor, bernoulli, empty, empty_like, eye,
                               from_numpy, full, full_like, linspace, logspace, multinomial, normal, ones, ones_like, rand,
                               rand_like, randint, randint_like, randn, randn_like, randperm, tensor, zeros, zeros_like)
if BFloat16Tensor is None:   # (no bfloat16 without ml_dtypes: torch.BFloat16Tensor is then an unknown name)
    del BFloat16Tensor
from ..engine.dtypes import (bool_ as bool, dtype, float16, float32, float64, get_default_dtype, int8,  # noqa: F401
                             int16, int32, int64, set_default_dtype, uint8, complex64, complex128)
from ..engine import batching as _batching
from ..engine import arg_parser as _arg_parser, method_errors as _method_errors, method_signatures as _method_signatures
from ..engine import indexing as _indexing, shaping as _shaping, torch_function as _torch_function
from ..engine import argcheck as _argcheck, method_objects as _method_objects, numpy_names as _numpy_names, softmax_dims
from ..engine.einsum import einsum  # noqa: F401
from ..engine.methods import inplace_method as _inplace_method
from ..engine.functions import (abs, absolute, add, all, allclose, any, ceil, clamp, clip, div, divide,  # noqa: F401
                                floor, floor_divide, fmod, isclose, isfinite, isinf, isnan, log_softmax, logical_and,
                                logical_not, logical_or, logical_xor, masked_fill, maximum, minimum, mul, multiply,
                                nan_to_num, neg, negative, nonzero, nonzero_static, pow, reciprocal, relu, remainder,
                                round, rsub, sign, softmax, square, sub, subtract, true_divide, trunc, where, with_out,
                                with_pair_out)
from ..engine.functions import (addcdiv, addcmul, arctan2, atan2, clamp_max, clamp_min, eq, finfo, ge,  # noqa: F401
                                greater, greater_equal, gt, hypot, iinfo, le, lerp, less, less_equal, logaddexp, logit,
                                lt, ne, not_equal, roll, xlogy)
from ..engine.indexing import index_put, index_put_  # noqa: F401
from ..engine.indexing import (diag, diagonal, flip, gather, index_select, masked_select, scatter,  # noqa: F401
                               scatter_add, select, trace, tril, triu)
from ..engine.linalg import addmm, bmm, cdist, dot, mv, outer, pdist  # noqa: F401
from ..engine.sparse import matmul, mm, sparse_coo, sparse_coo_tensor, torch_spmm as spmm  # noqa: F401  (sparse-aware: engine/sparse.py)
from ..engine.sparse_methods import functions as _sparse_functions
from ..engine.linalg_fns import cholesky_inverse, det, inverse, logdet, matrix_power, pinverse  # noqa: F401
from ..engine.linalg_legacy import cholesky_solve, triangular_solve  # noqa: F401
from ..engine.linalg_more import lu_unpack, matrix_exp, torch_lu as lu  # noqa: F401
from ..engine.linalg_fns import torch_cholesky as cholesky, torch_cross as cross, torch_qr as qr  # noqa: F401
from ..engine.linalg_fns import torch_slogdet as slogdet, torch_svd as svd  # noqa: F401
from ..engine.ordering import (argsort, count_nonzero, logsumexp, median, meshgrid, nanmedian, sort, std_mean,  # noqa: F401
                               topk, unique, var_mean)
from ..engine.functions import (bitwise_and, bitwise_left_shift, bitwise_not, bitwise_or,  # noqa: F401
                                bitwise_right_shift, bitwise_xor)
from ..engine.extras import FUNCTIONS as _EXTRA_FUNCTIONS
from ..engine.exercise_fns import FUNCTIONS as _EXERCISE_FUNCTIONS
from ..engine.ops_quant import FUNCTIONS as _QUANT_FUNCTIONS
from ..engine.quantized import FUNCTIONS as _QUANTIZED
from ..engine.more import FUNCTIONS as _MORE_FUNCTIONS
from ..engine.real_dtype import FUNCTIONS as _REAL_DTYPE_FUNCTIONS
from ..engine.more_methods import index_add, index_copy, index_fill  # noqa: F401
from ..engine.strided import as_strided, index_reduce  # noqa: F401,E402
from .device import get_default_device, set_default_device  # noqa: F401
from .histogram import histc, histogram, histogramdd  # noqa: F401
from .lowrank import pca_lowrank, svd_lowrank  # noqa: F401
from ..engine.printing import set_printoptions  # noqa: F401  (get_printoptions: torch._tensor_str's)
from ..engine.shaping import (amax, amin, argmax, argmin, cat, chunk, concat, concatenate, cumprod,  # noqa: F401
                              cumsum, dist, expand, flatten, max, mean, min, permute, prod, reshape, split, squeeze,
                              stack, std, sum, swapaxes, t, transpose, unbind, unsqueeze, var, view)
from ..engine.linalg_fns import tensor_norm as norm  # noqa: F401  (torch.norm: its string orders go to matrix_norm)
from ..engine.size import Size, device, layout, strided  # noqa: F401


def _position(args):
    """2 when the second argument came by position, None when by keyword (PyTorch's message then names none)."""
    return 2 if len(args) > 1 else None


def reshape(*args, **kwargs):   # noqa: F811 - the function form: shape is one argument, a tuple of ints
    input, shape = _arg_parser.bound("reshape", ("input", "shape"), args, kwargs)
    return _shaping.reshape(input, _arg_parser.int_list("reshape", "shape", shape, _position(args)))


def flip(*args, **kwargs):   # noqa: F811 - the function form: dims is one argument, a tuple of ints
    input, dims = _arg_parser.bound("flip", ("input", "dims"), args, kwargs)
    return _indexing.flip(input, dims=_arg_parser.int_list("flip", "dims", dims, _position(args)))


def permute(*args, **kwargs):   # noqa: F811 - the function form: dims is one argument, a tuple of ints (the
    input, dims = _arg_parser.bound("permute", ("input", "dims"), args, kwargs)   # method takes them one by one)
    return _shaping.permute(input, _arg_parser.int_list("permute", "dims", dims, _position(args)))


from ..engine.memory_format import (channels_last, channels_last_3d, contiguous_format,  # noqa: F401
                                    legacy_contiguous_format, memory_format, preserve_format)
from ..engine.tensor import Tensor  # noqa: F401
from ..engine.tensor_base import DECLARED_FUNCTIONS as _DECLARED_FUNCTIONS, enable_bfloat16 as _enable_bfloat16
from ..engine.tensor_base import enable_barebones as _enable_barebones
from ..engine import barebones as _barebones, dtypes as _dtypes_module
from . import accelerator, autograd, cuda, fft, linalg, nn, optim  # noqa: F401
from . import mps, xpu  # noqa: F401,E402  (the other accelerators' modules, none available)
from . import distributed  # noqa: F401,E402  (no process group: its collectives raise PyTorch's error)
from . import argument_errors as _argument_errors  # noqa: E402
from . import signal  # noqa: F401,E402  (torch.signal.windows)
from . import distributions  # noqa: F401,E402
from . import functional  # noqa: F401,E402
from . import func  # noqa: F401,E402  (torch.func: grad, vmap, jacrev ..., functional_call)
from .func import vmap  # noqa: F401,E402
from . import utils  # noqa: F401  (torch.utils.data)
from . import sparse  # noqa: F401,E402  (torch.sparse.mm, torch.sparse.sum)
from . import _foreign  # noqa: F401,E402  (real PyTorch's functions given engine tensors: the engine's counterparts)
from . import testing  # noqa: F401,E402  (torch.testing.assert_close)
from . import _tensor_str  # noqa: F401,E402  (torch._tensor_str.PRINT_OPTS)
from . import aten_forms as _aten_forms  # noqa: E402
from .aten_forms import (adaptive_avg_pool1d, avg_pool1d, bilinear, cosine_similarity, dropout,  # noqa: F401
                         dropout_, pairwise_distance, rms_norm, set_default_tensor_type, unravel_index)
from .aten_forms import bartlett_window, blackman_window, hamming_window, hann_window  # noqa: F401,E402
from ..engine.linalg import vdot  # noqa: F401,E402
from .removed import eig, lstsq, matrix_rank, solve, symeig  # noqa: F401  (PyTorch's removal errors)
from .serialization import load, save  # noqa: F401
from .compiler import compile  # noqa: F401,A004  (runs eagerly: torch/compiler.py)
from . import compiler  # noqa: F401,E402
from . import jit, fx  # noqa: F401,E402  (jit: eager trace/script, torch/jit/; fx: refuses, torch/fx.py)
from .nn.functional_conv import (conv1d, conv2d, conv3d, conv_transpose1d, conv_transpose2d,  # noqa: F401
                                 conv_transpose3d, convolution, layer_norm)
from .nn.functional_pool import max_pool2d, max_pool3d  # noqa: F401
from .nn.module import _typename  # noqa: E402


def typename(obj, /):
    """'torch.FloatTensor' for a tensor, else the qualified name of obj's type (obj positional only, as PyTorch's)."""
    return _typename(obj)


from .nn.functional_vision import affine_grid_generator, grid_sampler, grid_sampler_2d  # noqa: F401
from .nn.functional_act import celu_, rrelu, rrelu_, selu_, threshold_  # noqa: F401
from .nn.functional_interp import pixel_shuffle, pixel_unshuffle  # noqa: F401
from .nn.utils.weight_norm import _weight_norm, norm_except_dim  # noqa: F401,E402
from ..engine.ops_shuffle import channel_shuffle, native_channel_shuffle  # noqa: F401,E402
from ..engine.frombuffer import frombuffer  # noqa: F401,E402
from .grad_mode import (enable_grad, inference_mode, is_grad_enabled, is_inference_mode_enabled,  # noqa: F401
                        no_grad, set_grad_enabled)
from .rng import (Generator, default_generator, get_rng_state, initial_seed, manual_seed, seed,  # noqa: F401
                  set_rng_state)
from . import random  # noqa: F401,E402  (torch.random.fork_rng ...)
from . import quasirandom  # noqa: F401,E402  (torch.quasirandom.SobolEngine)
from ..engine.sobol import FUNCTIONS as _SOBOL_FUNCTIONS  # noqa: E402
globals().update(_SOBOL_FUNCTIONS)  # torch._sobol_engine_draw ... (the kernels SobolEngine calls)
from . import _dynamo, version  # noqa: F401,E402  (torch.version.cuda; torch._dynamo.reset around compile)
from . import amp, cpu  # noqa: F401,E402  (torch.amp.autocast, torch.cpu.amp.autocast)
from .amp import autocast, get_autocast_dtype, is_autocast_enabled  # noqa: F401,E402
from . import profiler  # noqa: F401,E402  (torch.profiler: profile, record_function ...)
from . import library  # noqa: F401,E402  (torch.library.custom_op ...: torch/library.py)
from .library import ops  # noqa: F401,E402  (torch.ops.<namespace>.<op>)
from . import return_types  # noqa: F401,E402  (torch.return_types.max ...: the named tuples' classes)
from .autograd.anomaly_mode import (is_anomaly_check_nan_enabled, is_anomaly_enabled,  # noqa: F401,E402
                                  set_anomaly_enabled)

# Every op that declares its public function in the op table (optable, api=): torch.exp, torch.erf ..., with out=.
globals().update({_name: with_out(_fn, _name, check=_argument_errors.DECLARED_OUT_CHECKS.get(_name))
                  for _name, _fn in _DECLARED_FUNCTIONS.items()})
from .nn.functional_act import prelu, prelu_checked as _prelu_checked  # noqa: E402  (checks the weight's shape)
Tensor.prelu = _prelu_checked   # (parsed as a method below)
globals().update(_MORE_FUNCTIONS)  # engine/more.py: rot90, kron, quantile, searchsorted ...
globals().update({_k: _v for _k, _v in _EXTRA_FUNCTIONS.items() if _k not in globals()})  # engine/extras.py
globals().update(_EXERCISE_FUNCTIONS)  # engine/exercise_fns.py: scatter_reduce, combinations ...
globals().update(_QUANT_FUNCTIONS)  # engine/ops_quant.py: fake_quantize_per_tensor_affine ...
globals().update(_QUANTIZED)  # engine/quantized.py: quantize_per_tensor, qint8, per_tensor_affine ...
globals().update({_k: _v for _k, _v in _REAL_DTYPE_FUNCTIONS.items() if _k not in globals()})  # conj, real, adjoint ...
from .sampling import FUNCTIONS as _SAMPLING_FUNCTIONS, METHODS as _SAMPLING_METHODS  # noqa: E402
globals().update({_k: _v for _k, _v in _SAMPLING_FUNCTIONS.items() if _k not in globals()})  # torch/sampling.py
from ..engine.numeric_fns import FUNCTIONS as _NUMERIC_FUNCTIONS  # noqa: E402
globals().update(_NUMERIC_FUNCTIONS)  # engine/numeric_fns.py: gradient, frexp, ldexp, atleast_3d
from ..engine.view_scatter import FUNCTIONS as _VIEW_SCATTER_FUNCTIONS  # noqa: E402
globals().update(_VIEW_SCATTER_FUNCTIONS)  # narrow_copy, slice_scatter, select_scatter, diagonal_scatter ...
from ..engine.renorm import renorm  # noqa: E402,F401
from ..engine.copy_views import FUNCTIONS as _COPY_FUNCTIONS, METHODS as _COPY_METHODS  # noqa: E402
globals().update(_COPY_FUNCTIONS)  # view_copy, t_copy ..., unsafe_chunk, unsafe_split (engine/copy_views.py)
for _k, _v in _COPY_METHODS.items():   # Tensor.unsafe_chunk ...
    setattr(Tensor, _k, _v)
from .foreach import FUNCTIONS as _FOREACH_FUNCTIONS  # noqa: E402
globals().update(_FOREACH_FUNCTIONS)  # torch._foreach_add_ ... (torch/foreach.py)
from .nn.functional_ctc import torch_ctc_loss as ctc_loss  # noqa: E402
from .stft import FUNCTIONS as _STFT_FUNCTIONS, METHODS as _STFT_METHODS  # noqa: E402
globals().update(_STFT_FUNCTIONS)  # torch.stft, torch.istft (torch/stft.py)
for _k, _v in _STFT_METHODS.items():   # Tensor.stft, Tensor.istft: self first
    setattr(Tensor, _k, _v)
for _k, _v in _SAMPLING_METHODS.items():   # Tensor.lgamma ... unless the op table declares them
    if not hasattr(Tensor, _k):
        setattr(Tensor, _k, _v)
from .small_api import FUNCTIONS as _SMALL_FUNCTIONS, METHODS as _SMALL_METHODS  # noqa: E402
globals().update({_k: _v for _k, _v in _SMALL_FUNCTIONS.items() if _k not in globals()})  # torch/small_api.py
for _k, _v in _SMALL_METHODS.items():   # Tensor.ger, to_dense, the removed A.solve(B) ...
    if not hasattr(Tensor, _k):
        setattr(Tensor, _k, _v)
from .amp import GradScaler  # noqa: E402,F401  (torch.GradScaler is torch.amp's)
from .aten_nn import FUNCTIONS as _ATEN_NN_FUNCTIONS  # noqa: E402
globals().update(_ATEN_NN_FUNCTIONS)  # torch.batch_norm, torch.kl_div, torch.lstm_cell ... (torch/aten_nn.py)
from .legacy_api import FUNCTIONS as _LEGACY_FUNCTIONS  # noqa: E402
globals().update(_LEGACY_FUNCTIONS)  # sym_int ..., torch.FloatStorage, lu_solve, addmv_ ... (torch/legacy_api.py)
from ..engine.householder import FUNCTIONS as _HOUSEHOLDER_FUNCTIONS  # noqa: E402
globals().update(_HOUSEHOLDER_FUNCTIONS)  # geqrf, orgqr, ormqr (engine/householder.py)
for _k, _v in _HOUSEHOLDER_FUNCTIONS.items():   # and their methods: A.geqrf() ...
    setattr(Tensor, _k, _v)
from .amp import STATE_FUNCTIONS as _AUTOCAST_STATE  # noqa: E402
globals().update(_AUTOCAST_STATE)  # torch.set_autocast_enabled, is_autocast_cpu_enabled ... (torch/amp.py)
newaxis = None   # (numpy's spelling, as PyTorch has it: x[:, torch.newaxis])

__version__ = version.__version__   # a TorchVersion: "2.13.0+autograd_magic" >= "2.1" compares as versions
pi, e, inf, nan = _math.pi, _math.e, _math.inf, _math.nan   # torch.pi ... (a cosine schedule, -torch.inf masks)
float = float32
double = float64
half = float16
cfloat = complex64
cdouble = complex128
long = int64
int = int32
short = int16

# out=: the result is written into the given tensor (resized if needed), as PyTorch does for these functions.
add, sub, subtract, mul, multiply, div, divide, true_divide, matmul, mm, bmm, mv, dot, pow, abs, neg, clamp, \
    maximum, minimum, cat, stack, sum, mean, prod, cumsum, where = (
        with_out(f, check=_argument_errors.OUT_CHECKS.get(f.__name__))
        for f in (add, sub, subtract, mul, multiply, div, divide, true_divide, matmul, mm, bmm, mv, dot, pow, abs, neg,
                  clamp, maximum, minimum, cat, stack, sum, mean, prod, cumsum, where))
# (sum / prod / mean into an out of another dtype: computed in out's dtype, as ATen does)
sum, prod, mean = (_argument_errors.accumulating_out(sum), _argument_errors.accumulating_out(prod),
                   _argument_errors.accumulating_out(mean, floating=True))
outer = with_out(outer, "mul")   # (ATen's outer is a mul: its out= error names mul)
tril, triu, diag, index_select, masked_select, argsort, round = (
    with_out(f, check=_argument_errors.INDEXING_OUT_CHECKS.get(f.__name__))
    for f in (tril, triu, diag, index_select, masked_select, argsort, round))
gather, take, index_add, scatter = (with_out(f, check=_argument_errors.OUT_CHECKS[f.__name__])
                                   for f in (gather, take, index_add, scatter))
all, any = (with_out(f, bool_out=True) for f in (all, any))
# (cumsum / cumprod into an out of another dtype: computed in out's dtype, as ATen does)
cumsum, cumprod = _argument_errors.accumulating_out(cumsum), _argument_errors.accumulating_out(with_out(cumprod))
# out= as a pair of tensors (values, indices): its wrong dtypes are each kernel's errors
sort, topk, max, min, aminmax = (with_pair_out(f) for f in (sort, topk, max, min, aminmax))
kthvalue, median, nanmedian, mode, cummax, cummin = (
    with_pair_out(f, errors=e) for f, e in ((kthvalue, "kthvalue"), (median, "median"), (nanmedian, "median"),
                                            (mode, "mode"), (cummax, "cum"), (cummin, "cum")))
# the deprecated number-first overloads of old code: torch.add(x, alpha, y), torch.addcmul(x, value, t1, t2)
# (and numpy data where a tensor goes, torch.add(x, arr): PyTorch's TypeError)
add, sub = (_argcheck.deprecated_first_number(f, f.__name__, "function", "alpha", 2) for f in (add, sub))
addcmul, addcdiv = (_argcheck.deprecated_first_number(f, f.__name__, "function3", "value") for f in (addcmul, addcdiv))
# numpy data where PyTorch's parser wants a tensor (torch.mul(x, arr)): its TypeError
mul, maximum, minimum, matmul, allclose = (
    _argcheck.refusing_arrays(f, name, 2) for f, name in (
        (mul, "mul"), (maximum, "maximum"), (minimum, "minimum"), (matmul, "matmul"),
        (allclose, "allclose")))
# a sparse first argument: the sparse forms (engine/sparse.py)
globals().update(_sparse_functions(globals()))


class _Namespace:
    """A small attribute namespace (torch.backends.mps, torch.backends.cudnn)."""

    def __init__(self, name, **attrs):
        self.__name__ = name
        self.__dict__.update(attrs)

    def __repr__(self):
        return f"<module '{self.__name__}'>"


class _CudaMatmul:
    """torch.backends.cuda.matmul: allow_tf32 is set_float32_matmul_precision's other spelling ("highest" or not)."""
    allow_fp16_reduced_precision_reduction = True
    allow_bf16_reduced_precision_reduction = True

    @property
    def allow_tf32(self):
        return get_float32_matmul_precision() != "highest"

    @allow_tf32.setter
    def allow_tf32(self, on):
        set_float32_matmul_precision("high" if on else "highest")

    def __repr__(self):
        return f"<torch.backends.cuda.cuBLASModule object at {hex(id(self))}>"


backends = _Namespace("torch.backends",
                      mps=_Namespace("torch.backends.mps", is_available=lambda: False, is_built=lambda: False),
                      cudnn=_Namespace("torch.backends.cudnn", deterministic=False, benchmark=False, enabled=True,
                                       is_available=lambda: False, allow_tf32=True, version=lambda: None),
                      # what PyTorch's CPU build reports (the settings change nothing on the CPU)
                      cuda=_Namespace("torch.backends.cuda", is_built=lambda: False,
                                      matmul=_CudaMatmul(),
                                      flash_sdp_enabled=lambda: True, mem_efficient_sdp_enabled=lambda: True,
                                      math_sdp_enabled=lambda: True),
                      mkldnn=_Namespace("torch.backends.mkldnn", is_available=lambda: True, enabled=True),
                      mkl=_Namespace("torch.backends.mkl", is_available=lambda: True),
                      openmp=_Namespace("torch.backends.openmp", is_available=lambda: True))


def is_tensor(obj):
    return isinstance(obj, Tensor)


def numel(input):
    return input.numel()


def clone(input, *, memory_format=None):
    return input.clone(memory_format=memory_format)


def detach(input):
    return input.detach()


def set_num_threads(n):
    """The engine runs numpy in one thread; the count is kept because some of PyTorch's kernels add in an order
    that depends on it (softmax over a dim that is not the last), and the engine follows that order."""
    if not isinstance(n, numbers.Integral) or isinstance(n, builtin_bool):
        raise RuntimeError(f"set_num_threads expects an int, but got {type(n).__name__}")
    if n <= 0:
        raise RuntimeError("set_num_threads expects a positive integer")
    softmax_dims.set_threads(n)


def get_num_threads():
    """What PyTorch reports here: set_num_threads's value, else its default (OMP_NUM_THREADS, else the CPUs this
    process may use)."""
    return softmax_dims.threads()


_INTEROP_THREADS = []


def get_num_interop_threads():
    """The inter-op pool's size PyTorch reports: set_num_interop_threads's value, else the machine's CPUs."""
    return _INTEROP_THREADS[0] if _INTEROP_THREADS else (_os.cpu_count() or 1)


def set_num_interop_threads(n):
    """Kept for get_num_interop_threads (the engine runs no inter-op pool); PyTorch allows it once."""
    if not isinstance(n, numbers.Integral) or isinstance(n, builtin_bool):
        raise RuntimeError(f"set_num_interop_threads expects an int, but got {type(n).__name__}")
    if n <= 0:
        raise RuntimeError("set_num_interop_threads expects a positive integer")
    if _INTEROP_THREADS:
        raise RuntimeError("Error: cannot set number of interop threads after parallel work has started or "
                           "set_num_interop_threads called")
    _INTEROP_THREADS.append(int(n))


def is_floating_point(input):
    return input.is_floating_point()


def equal(input, other):
    _batching.refuse_op(_batching.NO_RULE.format("equal"), input, other)
    if input._data.dtype != other._data.dtype and _barebones.among(input._data, other._data):
        _dtypes_module.promote_pair(input.dtype, other.dtype)   # (compared in the common dtype: its error)
    return input._data.shape == other._data.shape and builtin_bool((input._data == other._data).all())


equal = _argcheck.refusing_arrays(equal, "equal", 2)   # (torch.equal(x, arr): PyTorch's TypeError)


def softmax(input, dim, dtype=None):  # noqa: F811  (torch.softmax names its argument dtype too)
    return nn.functional.softmax(input, dim, dtype=dtype)   # (dtype: the input is cast first, an int64 one too)


def log_softmax(input, dim, dtype=None):  # noqa: F811
    return nn.functional.log_softmax(input, dim, dtype=dtype)


builtin_bool = __builtins__["bool"] if isinstance(__builtins__, dict) else __builtins__.bool


from ..engine.argcheck import in_class as _in_class, missing_attribute as _no_attribute  # noqa: E402


# what the CPU wheel of PyTorch was built with (torch.has_mkl ...), and the flags its __getattr__ still hands out
# with a deprecation warning naming their replacement
has_openmp = has_mkl = has_lapack = has_spectral = True
_DEPRECATED_FLAGS = {"has_mps": (False, "torch.backends.mps.is_built()"),
                     "has_cuda": (False, "torch.backends.cuda.is_built()"),
                     "has_cudnn": (False, "torch.backends.cudnn.is_available()"),
                     "has_mkldnn": (True, "torch.backends.mkldnn.is_available()")}


def __getattr__(name):
    if name == "bfloat16":   # handed out here so that the engine looks for bfloat16 only once it exists (engine/bf16.py)
        globals()["bfloat16"] = _enable_bfloat16()
        return bfloat16  # noqa: F821 - just bound
    if name in ("uint16", "uint32", "uint64"):   # (so too: the engine looks for their kernels once they exist)
        globals()[name] = _enable_barebones(getattr(_dtypes_module, name))
        return globals()[name]
    flag = _DEPRECATED_FLAGS.get(name)
    if flag is not None:
        _warnings.warn(f"'{name}' is deprecated, please use '{flag[1]}'", UserWarning, stacklevel=2)
        return flag[0]
    raise _no_attribute("torch", name)


# PyTorch's argument parser on the functions lessons give a dim, a mask or an operand: torch.mean(x, dim=1.5),
# torch.where(c, ndarray, t) raise its TypeErrors (engine/arg_parser.py)
globals().update({_name: _arg_parser.parsed(globals()[_name], _name, _texts, method=False)
                  for _name, _texts in _arg_parser.FUNCTIONS.items()})
globals().update({_name: _arg_parser.keyworded(globals()[_name], _name, _texts)
                  for _name, _texts in _arg_parser.KEYWORDED.items()})
# the factories' calls PyTorch's parser refuses: torch.randint(5, 2), torch.linspace(0, 1), torch.full(2, 0.)
globals().update({_name: _arg_parser.checked(globals()[_name], _name, _texts)
                  for _name, _texts in _arg_parser.FACTORIES.items()})
globals().update({_name: _arg_parser.checked(globals()[_name], _name, _texts)   # torch.result_type(t, "a")
                  for _name, _texts in _arg_parser.QUERIES.items()})
globals().update({_name: _aten_forms.tensor_first(globals()[_name], _name, Tensor)   # (parsed ones: checked)
                  for _name in _aten_forms.TENSOR_FIRST if _name in globals() and _name not in _arg_parser.FUNCTIONS})
# numpy's names for native functions' arguments: torch.cat(xs, axis=1), x.softmax(axis=1) (engine/numpy_names.py)
# (the functions arg_parser checks take them already)
_numpy_names.accept_numpy_names(globals(), [n for n in _numpy_names.FUNCTIONS if n not in _arg_parser.FUNCTIONS])
_numpy_names.accept_numpy_names(Tensor, [n for n in _numpy_names.METHODS if n not in _arg_parser.METHODS])
_numpy_names.name_as_tensor_methods(Tensor, _numpy_names.PYTHON_METHODS)
# print(loss.item) shows PyTorch's <built-in method item of Tensor object at 0x...> (engine/method_objects.py)
_method_objects.wrap_methods(Tensor)
from . import special  # noqa: E402,F401  (last: it names the finished functions again)
i0, mvlgamma, igamma, igammac = (_aten_forms.tensor_first(special._PLAIN["i0"], "i0", Tensor),
                                 _aten_forms.tensor_first(special._PLAIN["multigammaln"], "mvlgamma", Tensor),
                                 special.igamma, special.igammac)
globals().update({_name: _arg_parser.parsed(globals()[_name], _name, _arg_parser.POINTWISE[_name], method=False)
                  for _name in ("xlogy", "copysign", "gcd", "lcm", "lerp", "float_power", "polygamma", "mvlgamma")})
for _k, _v in (("i0", i0), ("mvlgamma", mvlgamma), ("igamma", igamma), ("igammac", igammac)):   # and the methods
    if not hasattr(Tensor, _k):
        setattr(Tensor, _k, _v)
for _k in ("arctan2", "bitwise_left_shift", "bitwise_not", "bitwise_right_shift", "digamma", "i0", "igamma", "igammac",
           "ldexp", "lgamma", "mvlgamma", "nextafter", "polygamma"):   # their in-place forms: x.lgamma_() ...
    if hasattr(Tensor, _k) and not hasattr(Tensor, _k + "_"):
        _v = _inplace_method(getattr(Tensor, _k), _k + "_", no_args=_k in ("bitwise_not", "digamma", "i0", "lgamma"))
        if _k + "_" in _arg_parser.PARSED_INPLACE:   # (x.arctan2_(1.0): refused as arctan2_(), engine/methods.py)
            _v = _arg_parser.parsed(_v, _k + "_", _arg_parser.METHODS[_k], method=True)
        setattr(Tensor, _k + "_", _v)


def _mvlgamma_checked(inplace):
    """x.mvlgamma_(p) as ATen's: the result computed first (p's errors), then its cast checked, in a message that
    names the two types the other way round ("mvlgamma: result type Long can't be cast to ... Float")."""
    def mvlgamma_(self, p):
        if isinstance(self, Tensor) and not (self.is_floating_point() or self.is_complex()):
            result = mvlgamma(self, p)
            raise RuntimeError(f"mvlgamma: result type {self.dtype.scalar_name} can't be cast to the desired output "
                               f"type {result.dtype.scalar_name}")
        return inplace(self, p)
    return mvlgamma_


Tensor.mvlgamma_ = _mvlgamma_checked(Tensor.mvlgamma_)
# the Tensor methods PyTorch writes in Python (torch/_tensor.py), named as its: Tensor.lu() missing ..., not torch_lu()


def _tensor_lu(self, pivot=True, get_infos=False):
    return lu(self, pivot=pivot, get_infos=get_infos)


def _tensor_to_sparse_coo(self):
    return self.to_sparse()


Tensor.lu, Tensor.to_sparse_coo = _tensor_lu, _tensor_to_sparse_coo   # (PyTorch's parameters: no out=, no sparse_dim)
_in_class(Tensor, ("eig", "istft", "lstsq", "lu", "register_hook", "register_post_accumulate_grad_hook", "solve", "stft",
                   "storage", "storage_type", "symeig", "to_sparse_coo"))
_PARSED_METHODS = ("flip", "new_ones", "new_zeros", "byte", "char", "short", "logical_and", "logical_or",
                   "logical_xor", "logical_and_", "logical_or_", "logical_xor_", "prelu", "polygamma", "mvlgamma",
                   "broadcast_to", "matrix_power", "gcd", "gcd_", "lcm", "lcm_", "inner", "cholesky_inverse",
                   "nanmean", "nansum", "amax", "amin", "logsumexp", "logcumsumexp", "count_nonzero", "rot90",
                   "sum_to_size", "polygamma_", "mvlgamma_", "unfold", "new_empty", "new_full",
                   "tile")
# (not those that warn, x.cholesky(), x.qr(): the parser's frame would be where their warning points)
# the methods this layer added (x.lgamma, x.isreal, x.i0_ ...) refuse what PyTorch's parser refuses, in its words
# (x.isreal(1): "TensorBase.isreal() takes no arguments (1 given)"), as the engine's own do (engine/tensor.py)
# methods that took what PyTorch's parser refuses (x.flip(), x.new_ones(), x.byte(0), x.logical_and(0),
# x.polygamma(1.5), x.prelu(0)) are parsed at every call, as PyTorch does
for _k in _PARSED_METHODS:
    setattr(Tensor, _k, _arg_parser.parsed(getattr(Tensor, _k), _k, _method_signatures.SIGNATURES[_k], method=True))
_method_errors.check_methods(Tensor, skip={*_arg_parser.METHODS, *_method_objects.NAMES, *_PARSED_METHODS, "view",
                                          "abs"})
# a non-tensor where a function reads a tensor: PyTorch's "argument 'out' must be Tensor, not int", not the
# engine's AttributeError on its internals (torch/argument_errors.py; only a failing call pays)
_argument_errors.clear_errors(globals())
# an object whose class defines __torch_function__ (a Tensor subclass, the notes' ScalarTensor) hands the call to it
_torch_function.wrap_namespace(globals())
from . import _C, overrides  # noqa: E402,F401
for _k in ("linalg", "special", "fft"):
    _argument_errors.clear_errors(vars(globals()[_k]), _k)
_argument_errors.clear_errors(vars(nn.functional), "nn.functional")
# torch.nn.functional's functions hand a call with a Tensor subclass to its __torch_function__ too (PyTorch's
# has_torch_function checks): F.cross_entropy of a subclass's activations returns that subclass
_torch_function.wrap_namespace(vars(nn.functional), "torch.nn.functional")
# the mirrored modules that define no __getattr__ of their own (torch.utils.data, torch.nn.init ...): a name nothing
# defines fails as in PyTorch, under the module's torch.* name (engine/argcheck.missing_attribute), not Python's
# "module 'autograd_magic.torch.utils.data' has no attribute ..."; and those that define no __all__ bind with a star
# import what PyTorch's bind (argcheck.starred: `from torch.nn import *` no `conv` module, `from torch.optim import *`
# no `adam` module, `from torch.special import *` no `np`)
for _mod_name, _mod in list(_sys.modules.items()):
    _torch_name = "torch" + _mod_name[len(__name__):]
    if _mod is None or not _mod_name.startswith(__name__ + ".") or _torch_name not in _argcheck._PYTORCH_NAMES:
        continue
    if "__getattr__" not in vars(_mod):
        _mod.__getattr__ = _argcheck.attribute_refuser(_torch_name)
    if "__all__" not in vars(_mod):
        _mod.__all__ = _argcheck.starred(_torch_name, vars(_mod))
# `from torch import *` binds PyTorch's __all__ (no submodule, no engine helper), bfloat16 included: __getattr__
# hands it out on first use
__all__ = _argcheck.starred("torch", {**globals(), "bfloat16": None, "uint16": None, "uint32": None, "uint64": None})
