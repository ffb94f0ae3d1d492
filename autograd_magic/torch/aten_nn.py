"""The top-level torch forms of functional ops (``torch.batch_norm``, ``torch.kl_div``, ``torch.max_pool1d``,
``torch.lstm_cell`` ...): ATen's signatures, which are not F's. Their positional order and types are PyTorch's
parser's (its TypeErrors); reductions are ints (0 none, 1 mean, 2 sum), and a reduction left out is 0 (none), as
PyTorch's Python binding reads these functions' default; the work is F's (the same nodes and values).

>>> torch.batch_norm(x, w, b, running_mean, running_var, True, 0.1, 1e-5, False)   # doctest: +SKIP
"""
import numpy as np

from ..engine import arg_parser, moments, native_forms
from ..engine.functions import with_out
from ..engine.linalg_fns import matrix_norm
from ..engine.ops_norm import batch_norm_stats
from ..engine.optable import OPS
from ..engine.tensor_base import _dim, apply, warn_once, wrap
from .nn import functional as F
from .nn import functional_zoo as FZ
from .nn.functional_conv import _feature_dropout
from ..engine.shaping import cat, stack
from .nn.rnn import _layer, _transpose_
from .nn.rnn_steps import _gru_step, _lstm_step, _rnn_step

_REDUCTIONS = {1: "mean", 2: "sum"}


def _reduction(value):
    return _REDUCTIONS.get(value, "none")


def _aten(name, texts, impl):
    """impl(**values) behind PyTorch's parser for these overloads."""
    sigs = [arg_parser.Signature(t) for t in texts]

    def call(*args, **kwargs):
        return impl(**arg_parser.check_call(name, sigs, args, kwargs))
    call.__name__ = call.__qualname__ = name
    call.__doc__ = impl.__doc__
    return call


def _check_p(p):
    if p < 0 or p > 1:
        raise RuntimeError(f"dropout probability has to be between 0 and 1, but got {p}")


# ---------------------------------------------------------------- normalization

def _batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps, cudnn_enabled):
    return F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)


def _instance_norm(input, weight, bias, running_mean, running_var, use_input_stats, momentum, eps, cudnn_enabled):
    return F.instance_norm(input, running_mean, running_var, weight, bias, use_input_stats, momentum, eps)


def _group_norm(input, num_groups, weight=None, bias=None, eps=1e-05, cudnn_enabled=True):
    return F.group_norm(input, num_groups, weight, bias, eps)


def _stat_dims(input, first):
    return tuple(range(first, input.ndim))


def _native_layer_norm(input, normalized_shape, weight, bias, eps):
    """(output, mean, rstd): the statistics over the normalized dims, shaped to broadcast (no gradient)."""
    out = F.layer_norm(input, normalized_shape, weight, bias, eps)
    k = len(normalized_shape)
    dt = input._data.dtype
    count = int(np.prod(input.shape[input.ndim - k:]))
    stat_shape = tuple(input.shape[:input.ndim - k]) + (1,) * k
    got = moments.layer_norm_stats(input._data, count, eps) if input._data.size else None
    if got is not None:   # the kernel's own row moments
        return out, native_forms.stats_tensor(got[0].reshape(stat_shape), dt), native_forms.stats_tensor(
            got[1].reshape(stat_shape), dt)
    a = input._data.astype(np.float64)
    dims = _stat_dims(input, input.ndim - k)
    mean = a.mean(axis=dims, keepdims=True)
    rstd = 1 / np.sqrt(((a - mean) ** 2).mean(axis=dims, keepdims=True) + eps)
    dt = input._data.dtype
    return out, native_forms.stats_tensor(mean, dt), native_forms.stats_tensor(rstd, dt)


def _native_batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps):
    """(output, save_mean, save_invstd): the batch's statistics per channel in training, empty otherwise."""
    out = F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)
    dt = input._data.dtype
    if not training:
        empty = np.zeros(0, dt)
        return out, native_forms.stats_tensor(empty, dt), native_forms.stats_tensor(empty, dt)
    dims = (0,) + _stat_dims(input, 2)
    if dt == np.float32 or dt == np.float64:   # the statistics the kernel normalised with
        mean, invstd, _ = batch_norm_stats(input._data, dims, eps)
        return out, native_forms.stats_tensor(mean.reshape(-1), dt), native_forms.stats_tensor(invstd.reshape(-1), dt)
    a = input._data.astype(np.float64)
    mean = a.mean(axis=dims)
    var = a.var(axis=dims)
    return out, native_forms.stats_tensor(mean, dt), native_forms.stats_tensor(1 / np.sqrt(var + eps), dt)


# ---------------------------------------------------------------- losses

def _kl_div(input, target, reduction=0, log_target=False):
    out = F.kl_div(input, target, reduction="none", log_target=log_target)
    red = _reduction(reduction)
    return out.mean() if red == "mean" else out.sum() if red == "sum" else out


def _bce_logits(input, target, weight=None, pos_weight=None, reduction=0):
    return F.binary_cross_entropy_with_logits(input, target, weight, reduction=_reduction(reduction),
                                              pos_weight=pos_weight)


def _cosine_embedding(input1, input2, target, margin=0.0, reduction=0):
    return F.cosine_embedding_loss(input1, input2, target, margin, reduction=_reduction(reduction))


def _margin_ranking(input1, input2, target, margin=0.0, reduction=0):
    return F.margin_ranking_loss(input1, input2, target, margin, reduction=_reduction(reduction))


def _hinge_embedding(input, target, margin=1.0, reduction=0):
    return F.hinge_embedding_loss(input, target, margin, reduction=_reduction(reduction))


def _poisson_nll(input, target, log_input, full, eps, reduction):
    return F.poisson_nll_loss(input, target, log_input, full, eps=eps, reduction=_reduction(reduction))


def _triplet_margin(anchor, positive, negative, margin=1.0, p=2.0, eps=1e-06, swap=False, reduction=0):
    return F.triplet_margin_loss(anchor, positive, negative, margin, p, eps, swap, reduction=_reduction(reduction))


# ---------------------------------------------------------------- pooling

def _one(v):
    return v[0] if isinstance(v, (tuple, list)) and len(v) == 1 else v


def _max_pool1d(input, kernel_size, stride=(), padding=0, dilation=1, ceil_mode=False, indices=False):
    stride = None if isinstance(stride, (tuple, list)) and not stride else _one(stride)
    return F.max_pool1d(input, _one(kernel_size), stride, _one(padding), _one(dilation), ceil_mode, indices)


def _max_pool1d_with_indices(**values):
    return _max_pool1d(**values, indices=True)


def _adaptive_max_pool1d(input, output_size):
    return F.adaptive_max_pool1d(input, _one(output_size), True)


# ---------------------------------------------------------------- embedding_bag

_MODES = {0: "sum", 1: "mean", 2: "max"}


def _embedding_bag(weight, indices, offsets, scale_grad_by_freq=False, mode=0, sparse=False,
                   per_sample_weights=None, include_last_offset=False, padding_idx=None):
    """(output, offset2bag, bag_size, max_indices), as ATen's CPU kernel fills them: in sum mode only the output."""
    name = _MODES.get(mode)
    if name is None:
        raise RuntimeError(f"Unknown mode for embedding_bag: {mode}")
    batched = indices.ndim == 2
    out = F.embedding_bag(indices, weight, None if batched else offsets, None, 2, scale_grad_by_freq, name, sparse,
                          per_sample_weights, include_last_offset, padding_idx)
    n_bags = out.shape[0]
    idx = indices._data.reshape(-1).astype(np.int64)
    if batched:
        bag = np.repeat(np.arange(n_bags), indices.shape[1])
    else:
        starts = offsets._data.astype(np.int64)[:n_bags]
        bag = np.searchsorted(starts, np.arange(idx.size), side="right") - 1
    zeros = np.zeros(n_bags, np.int64)
    if name == "sum":
        return out, wrap(np.zeros(0, np.int64)), wrap(zeros), wrap(zeros.copy())
    counts = np.bincount(bag, minlength=n_bags).astype(np.int64)
    if name == "mean":
        return out, wrap(bag.astype(np.int64)), wrap(counts), wrap(counts.copy())
    w = weight._data
    best = np.full((n_bags, w.shape[1]), -1, np.int64)
    for k in range(idx.size):   # (the first of equal maxima, in the bag's order)
        b, row = bag[k], idx[k]
        cur = best[b]
        take = (cur < 0) | (w[row] > w[np.maximum(cur, 0), np.arange(w.shape[1])])
        best[b] = np.where(take, row, cur)
    return out, wrap(bag.astype(np.int64)), wrap(counts), wrap(best)


# ---------------------------------------------------------------- dropout

def _alpha_dropout(input, p, train, inplace=False):
    _check_p(p)
    return FZ.alpha_dropout(input, p, train, inplace)


def _feature_dropout_any(input, p, train, inplace=False):
    _check_p(p)
    if train and p != 0 and input.numel() and input.ndim < 2:
        raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
    return _feature_dropout(input, p, train, inplace)


def _feature_alpha_dropout(input, p, train, inplace=False):
    _check_p(p)
    return FZ.feature_alpha_dropout(input, p, train, inplace)


def _inplace(fn):
    return lambda **values: fn(**values, inplace=True)


def _native_dropout(input, p, train):
    return native_forms.native_dropout(input, p, train)


# ---------------------------------------------------------------- norms kept for TorchScript

_FROBENIUS = ("at::frobenius_norm is deprecated and it is just left for JIT compatibility. It will be removed in a "
              "future PyTorch release. Please use `linalg.vector_norm(A, 2., dim, keepdim)` instead (Triggered "
              "internally at /__w/pytorch/pytorch/aten/src/ATen/native/LinearAlgebra.cpp:3175.)")
_NUCLEAR = ("at::nuclear_norm is deprecated and it is just left for JIT compatibility. It will be removed in a "
            "future PyTorch release. Please use `linalg.matrix_norm(A, 'nuc', dim, keepdim)` instead (Triggered "
            "internally at /__w/pytorch/pytorch/aten/src/ATen/native/LinearAlgebra.cpp:3229.)")


def _frobenius_norm(input, dim, keepdim=False):
    dims = [dim] if isinstance(dim, int) else list(dim)
    if len(dims) > 2:
        raise RuntimeError(f"Expected at most 2 dimensions, but got {len(dims)} dimensions instead.")
    warn_once(_FROBENIUS, stacklevel=4)
    ndim = max(input.ndim, 1)
    return apply(OPS["norm_legacy"], (input,), 2.0, tuple(_dim(d, ndim) for d in dims), keepdim)


def _nuclear_norm(input, dim=None, keepdim=False):
    if dim is None:
        dim = (-2, -1)
    elif len(dim) != 2:
        raise RuntimeError("nuclear norm requires a 'dim' argument of size 2")
    warn_once(_NUCLEAR, stacklevel=4)
    return matrix_norm(input, "nuc", tuple(dim), keepdim)


# ---------------------------------------------------------------- recurrent cells

def _check_cell(input, hx, w_ih, w_hh, gates=1):
    """ATen's checks of a cell's arguments, in its order: the simple cells check the weights' sizes first, the
    LSTM and GRU cells the input's and the hidden state's."""
    checks = [lambda: _check_cell_input(input, hx, w_ih, w_hh), lambda: _check_cell_weights(w_ih, w_hh, gates)]
    for check in (checks[::-1] if gates == 1 else checks):
        check()


def _check_cell_weights(w_ih, w_hh, gates):
    hidden = w_hh.size(1)
    for name, w in (("weight_ih", w_ih), ("weight_hh", w_hh)):
        if w.size(0) != gates * hidden:
            raise RuntimeError(f"{name} first dim must be {gates} * hidden_size = {gates * hidden}, but got "
                               f"{w.size(0)}")


def _check_cell_input(input, hx, w_ih, w_hh):
    if input.size(1) != w_ih.size(1):
        raise RuntimeError(f"input has inconsistent input_size: got {input.size(1)} expected {w_ih.size(1)}")
    if input.size(0) != hx.size(0):
        raise RuntimeError(f"Input batch size {input.size(0)} doesn't match hidden0 batch size {hx.size(0)}")
    if hx.size(1) != w_hh.size(1):
        raise RuntimeError(f"hidden0 has inconsistent hidden_size: got {hx.size(1)}, expected {w_hh.size(1)}")


def _rnn_cell(relu):
    def cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
        _check_cell(input, hx, w_ih, w_hh)
        return _rnn_step(F.linear(input, w_ih, b_ih), hx, w_hh, b_hh, relu)
    return cell


def _lstm_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    if len(hx) != 2:
        raise RuntimeError("lstm_cell expects two hidden states")
    _check_cell(input, hx[0], w_ih, w_hh, 4)
    return _lstm_step(F.linear(input, w_ih, b_ih), hx[0], hx[1], w_hh, b_hh)


def _gru_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    _check_cell(input, hx, w_ih, w_hh, 3)
    return _gru_step(F.linear(input, w_ih, b_ih), hx, w_hh, b_hh)


def _rnn(mode):
    """torch.lstm / gru / rnn_tanh / rnn_relu on a padded input: the layers nn.LSTM ... run, with the weights
    given as one flat list (w_ih, w_hh[, b_ih, b_hh] per layer and direction)."""
    lstm = mode == "LSTM"

    def run(input, hx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first=None,
            batch_sizes=None, data=None):
        if data is not None:
            raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: torch.{mode.lower()} on "
                                      "packed data (data, batch_sizes) is not part of it (nn.LSTM takes a "
                                      "PackedSequence)")
        h0, c0 = (hx[0], hx[1]) if lstm else (hx, None)
        dirs, per = (2 if bidirectional else 1), (4 if has_biases else 2)
        x = input.transpose(0, 1) if batch_first else input
        if batch_first and lstm and x._data.dtype == np.float32:
            x = x.contiguous()
        hs, cs = [], []
        for layer in range(num_layers):
            outs = []
            for d in range(dirs):
                k = layer * dirs + d
                w = list(params[k * per:(k + 1) * per])
                b_ih, b_hh = (w[2], w[3]) if has_biases else (None, None)
                out, h, c = _layer(mode, x, h0[k], c0[k] if lstm else None, w[0], w[1], b_ih, b_hh, d == 1)
                outs.append(out)
                hs.append(h)
                cs.append(c)
            x = outs[0] if dirs == 1 else cat(outs, 2)
            if dropout and train and layer < num_layers - 1:
                x = F.dropout(x, dropout, True)
        if batch_first:
            x = x.transpose(0, 1) if lstm else _transpose_(x)
        return (x, stack(hs, 0), stack(cs, 0)) if lstm else (x, stack(hs, 0))
    return run


def _rnn_texts(hx):
    return [f"(Tensor data, Tensor batch_sizes, {hx} hx, tuple of Tensors params, bool has_biases, int num_layers, "
            "float dropout, bool train, bool bidirectional)",
            f"(Tensor input, {hx} hx, tuple of Tensors params, bool has_biases, int num_layers, float dropout, "
            "bool train, bool bidirectional, bool batch_first)"]


_NORM = "Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var"
_CELL = "Tensor w_ih, Tensor w_hh, Tensor? b_ih = None, Tensor? b_hh = None)"
_POOL = ("(Tensor input, tuple of ints kernel_size, tuple of ints stride = (), tuple of ints padding = 0, "
         "tuple of ints dilation = 1, bool ceil_mode = False)")
_BAG = ("Tensor weight, Tensor indices, Tensor offsets, bool scale_grad_by_freq = False, int mode = 0, "
        "bool sparse = False, Tensor? per_sample_weights = None, bool include_last_offset = False")
_SPECS = {   # name: (PyTorch's signatures as its parser prints them, the function)
    "batch_norm": ([f"({_NORM}, bool training, float momentum, float eps, bool cudnn_enabled)"], _batch_norm),
    "instance_norm": ([f"({_NORM}, bool use_input_stats, float momentum, float eps, bool cudnn_enabled)"],
                      _instance_norm),
    "group_norm": (["(Tensor input, int num_groups, Tensor? weight = None, Tensor? bias = None, float eps = 1e-05, "
                    "bool cudnn_enabled = True)"], _group_norm),
    "native_layer_norm": (["(Tensor input, tuple of ints normalized_shape, Tensor? weight, Tensor? bias, "
                           "float eps)"], _native_layer_norm),
    "native_batch_norm": ([f"({_NORM}, bool training, float momentum, float eps)"], _native_batch_norm),
    "kl_div": (["(Tensor input, Tensor target, int reduction = 0, *, bool log_target = False)"], _kl_div),
    "binary_cross_entropy_with_logits": (["(Tensor input, Tensor target, Tensor? weight = None, "
                                          "Tensor? pos_weight = None, int reduction = 0)"], _bce_logits),
    "cosine_embedding_loss": (["(Tensor input1, Tensor input2, Tensor target, float margin = 0, "
                               "int reduction = 0)"], _cosine_embedding),
    "margin_ranking_loss": (["(Tensor input1, Tensor input2, Tensor target, float margin = 0, int reduction = 0)"],
                            _margin_ranking),
    "hinge_embedding_loss": (["(Tensor input, Tensor target, float margin = 1, int reduction = 0)"],
                             _hinge_embedding),
    "poisson_nll_loss": (["(Tensor input, Tensor target, bool log_input, bool full, float eps, int reduction)"],
                         _poisson_nll),
    "triplet_margin_loss": (["(Tensor anchor, Tensor positive, Tensor negative, float margin = 1, float p = 2, "
                             "float eps = 1e-06, bool swap = False, int reduction = 0)"], _triplet_margin),
    "max_pool1d": ([_POOL], _max_pool1d),
    "max_pool1d_with_indices": ([_POOL], _max_pool1d_with_indices),
    "adaptive_max_pool1d": (["(Tensor input, tuple of ints output_size)"], _adaptive_max_pool1d),
    "embedding_bag": (["(Tensor weight, Tensor indices, Tensor offsets, bool scale_grad_by_freq, int mode, "
                       "bool sparse, Tensor? per_sample_weights, bool include_last_offset, int? padding_idx)",
                       f"({_BAG})"], _embedding_bag),
    "alpha_dropout": (["(Tensor input, float p, bool train)"], _alpha_dropout),
    "alpha_dropout_": (["(Tensor input, float p, bool train)"], _inplace(_alpha_dropout)),
    "feature_dropout": (["(Tensor input, float p, bool train)"], _feature_dropout_any),
    "feature_dropout_": (["(Tensor input, float p, bool train)"], _inplace(_feature_dropout_any)),
    "feature_alpha_dropout": (["(Tensor input, float p, bool train)"], _feature_alpha_dropout),
    "feature_alpha_dropout_": (["(Tensor input, float p, bool train)"], _inplace(_feature_alpha_dropout)),
    "native_dropout": (["(Tensor input, float p, bool? train)"], _native_dropout),
    "frobenius_norm": (["(Tensor input, tuple of ints dim, bool keepdim = False, *, Tensor out = None)"],
                       _frobenius_norm),
    "nuclear_norm": (["(Tensor input, tuple of ints dim, bool keepdim = False, *, Tensor out = None)",
                      "(Tensor input, bool keepdim = False, *, Tensor out = None)"], _nuclear_norm),
    "rnn_tanh_cell": ([f"(Tensor input, Tensor hx, {_CELL}"], _rnn_cell(False)),
    "rnn_relu_cell": ([f"(Tensor input, Tensor hx, {_CELL}"], _rnn_cell(True)),
    "lstm_cell": ([f"(Tensor input, tuple of Tensors hx, {_CELL}"], _lstm_cell),
    "gru_cell": ([f"(Tensor input, Tensor hx, {_CELL}"], _gru_cell),
    "lstm": (_rnn_texts("tuple of Tensors"), _rnn("LSTM")),
    "gru": (_rnn_texts("Tensor"), _rnn("GRU")),
    "rnn_tanh": (_rnn_texts("Tensor"), _rnn("RNN_TANH")),
    "rnn_relu": (_rnn_texts("Tensor"), _rnn("RNN_RELU")),
}

FUNCTIONS = {name: _aten(name, texts, fn) for name, (texts, fn) in _SPECS.items()}
FUNCTIONS.update({name: with_out(FUNCTIONS[name], name) for name in ("frobenius_norm", "nuclear_norm")})
