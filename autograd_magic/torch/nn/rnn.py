"""Recurrent layers: RNN, LSTM, GRU and their cells, with PyTorch's parameters, initial draws, checks and graphs
(a PackedSequence input runs through rnn_packed.py).

RNN and GRU are built step by step from recorded ops, as ATen's CPU kernels build them (the input projection of the
whole sequence once, then per step the hidden projection, the gates, a stack of the outputs), so ``grad_fn`` shows
PyTorch's nodes. A float32 LSTM layer is one op with three outputs (``MkldnnRnnLayerBackward0``, engine/ops_rnn.py),
as PyTorch's CPU build records it; other dtypes take the step-by-step form PyTorch takes for them.
"""
import math
import numbers
import warnings

import numpy as np

from ...engine.argcheck import tp_name
from ...engine.rnn import lstm_layer
from ...engine.optable import OPS
from ...engine.shaping import _view_out, cat, stack
from ...engine.size import checked_sizes, nonnegative
from ...engine.tensor import Tensor
from ...engine.tensor_base import apply, warn_once
from . import functional as F
from . import init
from .module import Module, Parameter, factory_np_dtype
from .rnn_checks import check_lstm_call, lstm_hidden
from .rnn_packed import packed_forward
from .rnn_steps import _gru_step, _lstm_step, _rnn_step, _zeros
from .utils.rnn import PackedSequence

_GATES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}


def _layer(mode, x, h0, c0, w_ih, w_hh, b_ih, b_hh, reverse, w_hr=None):
    """One direction of one layer over x (T, B, I): (output (T, B, H), h_n, c_n or None). w_hr: an LSTM's
    projection (proj_size): each step's h is projected, h @ w_hr.t(), as ATen's default LSTM cell does."""
    if mode == "LSTM" and x._data.dtype == np.float32 and w_hr is None:
        return lstm_layer(x, w_ih, w_hh, b_ih, b_hh, h0, c0, reverse)
    steps = F.linear(x, w_ih, b_ih).unbind(0)
    h, c = h0, c0
    outs = [None] * len(steps)
    for t in (range(len(steps) - 1, -1, -1) if reverse else range(len(steps))):
        if mode == "LSTM":
            h, c = _lstm_step(steps[t], h, c, w_hh, b_hh)
            if w_hr is not None:
                h = h.matmul(w_hr.t())
        elif mode == "GRU":
            h = _gru_step(steps[t], h, w_hh, b_hh)
        else:
            h = _rnn_step(steps[t], h, w_hh, b_hh, mode == "RNN_RELU")
        outs[t] = h
    return stack(outs), h, c


class RNNBase(Module):
    """The shared part of RNN, LSTM and GRU: parameters, checks, layers and directions."""
    __module__ = "torch.nn.modules.rnn"

    def __init__(self, mode, input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
                 bidirectional=False, proj_size=0, device=None, dtype=None):
        super().__init__()
        self.mode = mode
        self.input_size, self.hidden_size, self.num_layers = input_size, hidden_size, num_layers
        self.bias, self.batch_first, self.dropout = bias, batch_first, float(dropout)
        self.bidirectional, self.proj_size = bidirectional, proj_size
        if not isinstance(dropout, numbers.Number) or not 0 <= dropout <= 1 or isinstance(dropout, bool):
            raise ValueError("dropout should be a number in range [0, 1] representing the probability of an element "
                             "being zeroed")
        if dropout > 0 and num_layers == 1:
            warnings.warn("dropout option adds dropout after all but last recurrent layer, so non-zero dropout "
                          f"expects num_layers greater than 1, but got dropout={dropout} and "
                          f"num_layers={num_layers}", stacklevel=3)
        if not isinstance(bias, bool):
            raise TypeError(f"bias should be of type bool, got: {type(bias).__name__}")
        if not isinstance(batch_first, bool):
            raise TypeError(f"batch_first should be of type bool, got: {type(batch_first).__name__}")
        if not isinstance(input_size, int):
            raise TypeError(f"input_size should be of type int, got: {type(input_size).__name__}")
        if input_size <= 0:
            raise ValueError("input_size must be greater than zero")
        if not isinstance(hidden_size, int):
            raise TypeError(f"hidden_size should be of type int, got: {type(hidden_size).__name__}")
        if hidden_size <= 0:
            raise ValueError("hidden_size must be greater than zero")
        if num_layers <= 0:
            raise ValueError("num_layers must be greater than zero")
        if proj_size < 0:
            raise ValueError("proj_size should be a positive integer or zero to disable projections")
        if proj_size >= hidden_size:
            raise ValueError("proj_size has to be smaller than hidden_size")
        np_dtype = factory_np_dtype(device, dtype)
        if mode not in _GATES:   # (PyTorch's own line: a mode that is not a string fails in its concatenation)
            raise ValueError("Unrecognized RNN mode: " + mode)
        gate_size = _GATES[mode] * hidden_size
        real_hidden = proj_size or hidden_size   # an LSTM's h (and output) has proj_size features
        self._flat_weights_names = []
        for layer in range(num_layers):
            for direction in range(2 if bidirectional else 1):
                layer_input = input_size if layer == 0 else real_hidden * (2 if bidirectional else 1)
                suffix = "_reverse" if direction == 1 else ""
                shapes = [("weight_ih", (gate_size, layer_input)), ("weight_hh", (gate_size, real_hidden))]
                if bias:
                    shapes += [("bias_ih", (gate_size,)), ("bias_hh", (gate_size,))]
                if proj_size:
                    shapes.append(("weight_hr", (proj_size, hidden_size)))
                for name, shape in shapes:
                    full = f"{name}_l{layer}{suffix}"
                    setattr(self, full, Parameter(Tensor._wrap(np.empty(shape, np_dtype))))
                    self._flat_weights_names.append(full)
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def flatten_parameters(self):
        """Accepted for compatibility (PyTorch packs the weights for cuDNN)."""

    @property
    def _flat_weights(self):
        return [getattr(self, n) for n in self._flat_weights_names]

    @property
    def _per_layer(self):
        """How many parameters each layer and direction has: w_ih, w_hh (b_ih, b_hh) (w_hr)."""
        return (4 if self.bias else 2) + (1 if self.proj_size else 0)

    @property
    def all_weights(self):
        per = self._per_layer
        w = self._flat_weights
        return [w[i:i + per] for i in range(0, len(w), per)]

    def extra_repr(self):
        s = f"{self.input_size}, {self.hidden_size}"
        if self.proj_size != 0:
            s += f", proj_size={self.proj_size}"
        if self.num_layers != 1:
            s += f", num_layers={self.num_layers}"
        if self.bias is not True:
            s += f", bias={self.bias}"
        if self.batch_first is not False:
            s += f", batch_first={self.batch_first}"
        if self.dropout != 0:
            s += f", dropout={self.dropout}"
        if self.bidirectional is not False:
            s += f", bidirectional={self.bidirectional}"
        return s

    # ------------------------------------------------------------ checks (PyTorch's messages)

    def _check_input(self, input):
        w = self._flat_weights[0]
        if input.dtype != w.dtype:
            raise ValueError(f"RNN input dtype ({input.dtype}) does not match weight dtype ({w.dtype}). Convert "
                             f"input: input.to({w.dtype}), or convert model: model.to({input.dtype})")
        if input.dim() != 3:
            raise RuntimeError(f"input must have 3 dimensions, got {input.dim()}")
        if self.input_size != input.size(-1):
            raise RuntimeError(f"input.size(-1) must be equal to input_size. Expected {self.input_size}, got "
                               f"{input.size(-1)}")

    def _expected_hidden(self, input, cell=False):
        batch = input.size(0) if self.batch_first else input.size(1)
        size = self.hidden_size if cell or not self.proj_size else self.proj_size
        return (self.num_layers * (2 if self.bidirectional else 1), batch, size)

    @staticmethod
    def _check_hidden(hx, expected, msg="Expected hidden size {}, got {}"):
        if tuple(hx.shape) != expected:
            raise RuntimeError(msg.format(expected, list(hx.size())))

    # ------------------------------------------------------------ the layers

    def _run(self, x, hx, cx):
        """x (T, B, I) (already time-major); hx, cx (L*D, B, H) or None: (output, h_n, c_n)."""
        dirs = 2 if self.bidirectional else 1
        weights = self._flat_weights
        per = self._per_layer
        hs, cs = [], []
        if not self._mkldnn(x):  # mkldnn's layer selects hx[k] instead
            hx, cx = hx.unbind(0), (cx.unbind(0) if cx is not None else None)
        for layer in range(self.num_layers):
            outs = []
            for d in range(dirs):
                k = layer * dirs + d
                w = weights[k * per:(k + 1) * per]
                w_ih, w_hh = w[0], w[1]
                b_ih, b_hh = (w[2], w[3]) if self.bias else (None, None)
                h0 = hx[k]
                c0 = cx[k] if cx is not None else None
                out, h, c = _layer(self.mode, x, h0, c0, w_ih, w_hh, b_ih, b_hh, d == 1,
                                   w[-1] if self.proj_size else None)
                outs.append(out)
                hs.append(h)
                cs.append(c)
            x = outs[0] if dirs == 1 else cat(outs, 2)
            if self.dropout and self.training and layer < self.num_layers - 1:
                x = F.dropout(x, self.dropout, True)
        return x, stack(hs, 0), (stack(cs, 0) if cx is not None else None)

    def _mkldnn(self, x):
        """Whether PyTorch's CPU build runs this LSTM on oneDNN (one op per layer): float32, no projections."""
        return self.mode == "LSTM" and x._data.dtype == np.float32 and not self.proj_size

    def _forward(self, name, input, hx, lstm):
        if isinstance(input, PackedSequence):
            return packed_forward(self, input, hx, lstm)
        if input.dim() not in (2, 3):
            suffix = " tensor" if name == "RNN" else ""
            raise ValueError(f"{name}: Expected input to be 2D or 3D, got {input.dim()}D{suffix} instead")
        batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if not batched:
            input = input.unsqueeze(batch_dim)
        if lstm and hx is not None:
            h0, c0 = lstm_hidden(hx, batched)
            hx = hx if batched else (h0, c0)
        elif hx is not None:
            if batched and hx.dim() != 3:
                raise RuntimeError(f"For batched 3-D input, hx should also be 3-D but got {hx.dim()}-D tensor")
            if not batched and hx.dim() != 2:
                raise RuntimeError(f"For unbatched 2-D input, hx should also be 2-D but got {hx.dim()}-D tensor")
            h0, c0 = (hx.unsqueeze(1) if not batched else hx), None
        self._check_input(input)
        expected = self._expected_hidden(input)
        if hx is None:
            h0 = _zeros(expected, input)
            c0 = _zeros(self._expected_hidden(input, True), input) if lstm else None
        elif lstm:
            self._check_hidden(h0, expected, "Expected hidden[0] size {}, got {}")
            self._check_hidden(c0, self._expected_hidden(input, True), "Expected hidden[1] size {}, got {}")
            check_lstm_call(hx, h0, c0, input, len(self._flat_weights))
        else:
            self._check_hidden(h0, expected)
        if input.size(1 if self.batch_first else 0) == 0:   # (ATen's check, after the hidden state's)
            raise RuntimeError("Expected sequence length to be larger than 0 in RNN")
        x = input.transpose(0, 1) if self.batch_first else input
        if self.batch_first and self._mkldnn(x):
            x = x.contiguous()  # mkldnn's layer reads a contiguous copy (CloneBackward0)
        if self.proj_size and x._data.dtype == np.float32:
            warn_once(_NO_ONEDNN, stacklevel=1)
        out, h_n, c_n = self._run(x, h0, c0)
        if self.batch_first:
            out = out.transpose(0, 1) if lstm else _transpose_(out)
        if not batched:
            out = out.squeeze(batch_dim)
            h_n = h_n.squeeze(1)
            c_n = c_n.squeeze(1) if c_n is not None else None
        return out, ((h_n, c_n) if lstm else h_n)


_NO_ONEDNN = ("LSTM with projections is not supported with oneDNN. Using default implementation. (Triggered internally "
              "at /__w/pytorch/pytorch/aten/src/ATen/native/RNN.cpp:1512.)")


def _transpose_(t):
    """out.transpose_(0, 1), as ATen's RNN and GRU kernels end (TransposeBackward1)."""
    return _view_out(t, apply(OPS["transpose_"], (t,), 0, 1))


class RNN(RNNBase):
    """An Elman RNN: h_t = tanh(x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh) (or relu)."""

    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        if len(args) > 3:
            nonlinearity = args[3]
            args = args[:3] + args[4:]
        else:
            nonlinearity = kwargs.pop("nonlinearity", "tanh")
        if nonlinearity == "tanh":
            mode = "RNN_TANH"
        elif nonlinearity == "relu":
            mode = "RNN_RELU"
        else:
            raise ValueError(f"Unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or 'relu'.")
        super().__init__(mode, *args, **kwargs)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        return self._forward("RNN", input, hx, False)


class LSTM(RNNBase):
    """Long short-term memory: returns output, (h_n, c_n)."""

    def __init__(self, *args, **kwargs):
        super().__init__("LSTM", *args, **kwargs)

    def forward(self, input, hx=None):
        return self._forward("LSTM", input, hx, True)


class GRU(RNNBase):
    """Gated recurrent unit: returns output, h_n."""

    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        super().__init__("GRU", *args, **kwargs)

    def forward(self, input, hx=None):
        return self._forward("GRU", input, hx, False)


# ---------------------------------------------------------------- cells

class RNNCellBase(Module):
    __module__ = "torch.nn.modules.rnn"

    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        self.input_size, self.hidden_size, self.bias = input_size, hidden_size, bias
        np_dtype = factory_np_dtype(device, dtype)
        for shape in ((num_chunks * hidden_size, input_size), (num_chunks * hidden_size, hidden_size)):
            nonnegative(checked_sizes("empty", (shape,)))   # (torch.empty's errors for a float or negative size)
        self.weight_ih = Parameter(Tensor._wrap(np.empty((num_chunks * hidden_size, input_size), np_dtype)))
        self.weight_hh = Parameter(Tensor._wrap(np.empty((num_chunks * hidden_size, hidden_size), np_dtype)))
        if bias:
            self.bias_ih = Parameter(Tensor._wrap(np.empty((num_chunks * hidden_size,), np_dtype)))
            self.bias_hh = Parameter(Tensor._wrap(np.empty((num_chunks * hidden_size,), np_dtype)))
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        self.reset_parameters()

    def extra_repr(self):
        s = f"{self.input_size}, {self.hidden_size}"
        if self.bias is not True:
            s += f", bias={self.bias}"
        if getattr(self, "nonlinearity", "tanh") != "tanh":
            s += f", nonlinearity={self.nonlinearity}"
        return s

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def _prepare(self, name, input, hx):
        if input.dim() not in (1, 2):
            raise ValueError(f"{name}: Expected input to be 1D or 2D, got {input.dim()}D instead")
        if hx is not None and hx.dim() not in (1, 2):
            raise ValueError(f"{name}: Expected hidden to be 1D or 2D, got {hx.dim()}D instead")
        batched = input.dim() == 2
        if not batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = _zeros((input.size(0), self.hidden_size), input)
        elif not batched:
            hx = hx.unsqueeze(0)
        self._check_input(input)
        self._check_hidden(input, hx, 0)
        return input, hx, batched

    def _check_input(self, input):
        """ATen's check_rnn_cell_forward_input."""
        if input.size(1) != self.input_size:
            raise RuntimeError(f"input has inconsistent input_size: got {input.size(1)} expected {self.input_size}")

    def _check_hidden(self, input, hx, label):
        """ATen's check_rnn_cell_forward_hidden: the batch size first, then the hidden size."""
        if input.size(0) != hx.size(0):
            raise RuntimeError(f"Input batch size {input.size(0)} doesn't match hidden{label} batch size "
                               f"{hx.size(0)}")
        if hx.size(1) != self.hidden_size:
            raise RuntimeError(f"hidden{label} has inconsistent hidden_size: got {hx.size(1)}, expected "
                               f"{self.hidden_size}")


class RNNCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, 1, device, dtype)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        input, hx, batched = self._prepare("RNNCell", input, hx)
        if self.nonlinearity not in ("tanh", "relu"):
            raise RuntimeError(f"Unknown nonlinearity: {self.nonlinearity}")
        ret = _rnn_step(F.linear(input, self.weight_ih, self.bias_ih), hx, self.weight_hh, self.bias_hh,
                        self.nonlinearity == "relu")
        return ret if batched else ret.squeeze(0)


class LSTMCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, 4, device, dtype)

    def forward(self, input, hx=None):
        if input.dim() not in (1, 2):
            raise ValueError(f"LSTMCell: Expected input to be 1D or 2D, got {input.dim()}D instead")
        if hx is not None:
            for idx, value in enumerate(hx):
                if value.dim() not in (1, 2):
                    raise ValueError(f"LSTMCell: Expected hx[{idx}] to be 1D or 2D, got {value.dim()}D instead")
        batched = input.dim() == 2
        if not batched:
            input = input.unsqueeze(0)
        if hx is None:
            zeros = _zeros((input.size(0), self.hidden_size), input)
            hx = (zeros, zeros)
        elif not batched:
            hx = (hx[0].unsqueeze(0), hx[1].unsqueeze(0))
        # (what _VF.lstm_cell's argument parser and ATen's checks refuse)
        if not isinstance(hx, (tuple, list)) or not all(isinstance(v, Tensor) for v in hx):
            raise TypeError(f"lstm_cell(): argument 'hx' (position 2) must be tuple of Tensors, not {tp_name(hx)}")
        if len(hx) != 2:
            raise RuntimeError("lstm_cell expects two hidden states")
        h, c = hx
        self._check_input(input)
        self._check_hidden(input, h, 0)
        self._check_hidden(input, c, 1)
        hy, cy = _lstm_step(F.linear(input, self.weight_ih, self.bias_ih), h, c, self.weight_hh, self.bias_hh)
        return (hy, cy) if batched else (hy.squeeze(0), cy.squeeze(0))


class GRUCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, 3, device, dtype)

    def forward(self, input, hx=None):
        input, hx, batched = self._prepare("GRUCell", input, hx)
        ret = _gru_step(F.linear(input, self.weight_ih, self.bias_ih), hx, self.weight_hh, self.bias_hh)
        return ret if batched else ret.squeeze(0)
