"""RNN, LSTM and GRU over a PackedSequence, built as ATen's PackedLayer / ReversedPackedLayer build them: step by
step over the packed rows (narrow), the hidden state cut (SliceBackward0) as sequences end and grown back (cat) in
the reverse direction, the steps' outputs joined with one cat, then the layers' final states stacked; the Python
side sorts the initial state by sorted_indices and the final state back (IndexSelectBackward0)."""
import numpy as np

from ...engine.shaping import cat, stack
from ...engine.tensor import Tensor
from . import functional as F
from .rnn_checks import packed_signature_mismatch
from .rnn_steps import _gru_step, _lstm_step, _rnn_step, _zeros
from .utils.rnn import PackedSequence


def _cell(mode, w_ih, w_hh, b_ih, b_hh, w_hr=None):
    """The cell as ATen runs it on a packed step: the input projection per step (pre_compute_input is false); an
    LSTM with projections (proj_size) projects each step's h, h @ w_hr.t(), as ATen's LSTMCell does."""
    def step(x, hidden):
        igates = F.linear(x, w_ih, b_ih)
        if mode == "LSTM":
            rows = hidden[0].shape[0] if hidden[0].dim() else 1
            if rows == 1 and igates.shape[0] > 1:   # ATen adds the input gates in place: hgates.add_(igates)
                raise RuntimeError(f"output with shape [1, {igates.shape[-1]}] doesn't match the broadcast shape "
                                   f"[{igates.shape[0]}, {igates.shape[-1]}]")
            h, c = _lstm_step(igates, hidden[0], hidden[1], w_hh, b_hh)
            return (h if w_hr is None else h.matmul(w_hr.t())), c
        if mode == "GRU":
            return _gru_step(igates, hidden, w_hh, b_hh)
        return _rnn_step(igates, hidden, w_hh, b_hh, mode == "RNN_RELU")
    return step


def _slice(hidden, start, end):
    if isinstance(hidden, tuple):
        return tuple(h.narrow(0, start, end - start) for h in hidden)
    return hidden.narrow(0, start, end - start)


def _concat(hiddens):
    if isinstance(hiddens[0], tuple):
        return tuple(cat([h[k] for h in hiddens], 0) for k in range(len(hiddens[0])))
    return cat(hiddens, 0)


def _output(hidden):
    return hidden[0] if isinstance(hidden, tuple) else hidden


def _forward_layer(cell, data, sizes, hidden):
    offset, last, outs, finished = 0, sizes[0], [], []
    for size in sizes:
        step_input = data.narrow(0, offset, size)
        offset += size
        if last > size:  # sequences that ended: their final states are kept aside
            finished.append(_slice(hidden, size, last))
            hidden = _slice(hidden, 0, size)
        last = size
        hidden = cell(step_input, hidden)
        outs.append(_output(hidden))
    finished.append(hidden)
    return cat(outs, 0), _concat(finished[::-1])


def _reversed_layer(cell, data, sizes, initial):
    offset, last, outs = data.shape[0], sizes[-1], []
    hidden = _slice(initial, 0, last)
    for size in sizes[::-1]:
        if size > last:  # sequences that start here (going backwards) join with their initial states
            hidden = _concat([hidden, _slice(initial, last, size)])
        step_input = data.narrow(0, offset - size, size)
        offset -= size
        last = size
        hidden = cell(step_input, hidden)
        outs.append(_output(hidden))
    return cat(outs[::-1], 0), hidden


def _run_packed(module, data, sizes, hx, cx):
    dirs = 2 if module.bidirectional else 1
    weights = module._flat_weights
    per = module._per_layer
    hx = hx.unbind(0)
    cx = cx.unbind(0) if cx is not None else None
    hs, cs = [], []
    for layer in range(module.num_layers):
        outs = []
        for d in range(dirs):
            k = layer * dirs + d
            w = weights[k * per:(k + 1) * per]
            cell = _cell(module.mode, w[0], w[1], *((w[2], w[3]) if module.bias else (None, None)),
                         w[-1] if module.proj_size else None)
            initial = (hx[k], cx[k]) if cx is not None else hx[k]
            out, final = (_reversed_layer if d == 1 else _forward_layer)(cell, data, sizes, initial)
            outs.append(out)
            if cx is not None:
                hs.append(final[0])
                cs.append(final[1])
            else:
                hs.append(final)
        data = outs[0] if dirs == 1 else cat(outs, 1)
        if module.dropout and module.training and layer < module.num_layers - 1:
            data = F.dropout(data, module.dropout, True)
    return data, stack(hs, 0), (stack(cs, 0) if cx is not None else None)


def _permute(hx, permutation):
    return hx if permutation is None else hx.index_select(1, permutation)


def _check_lstm_kernel(module, data, h0, c0):
    """What ATen's packed lstm meets, in its order: PyTorch's LSTM.forward runs check_forward_args for a padded
    input only, so a packed input's wrong state or features are met by the kernel (gather_params, pair_vec,
    apply_layer_stack, then the first layer's input projection over all packed rows)."""
    for t in (h0, c0):
        if t.dim() < 3:
            n = max(t.dim(), 1)
            raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got 2)")
    # gather_params groups the weights by what the states' sizes say (h and c differ: projections)
    per = (4 if module.bias else 2) + (h0.shape[2] != c0.shape[2])
    n_weights = len(module._flat_weights)
    if n_weights % per:
        raise RuntimeError("got an incorrect number of RNN parameters")
    dirs = 2 if module.bidirectional else 1
    if dirs == 2 and (n_weights // per % 2 or h0.shape[0] % 2):   # pair_vec of the weights, then of the states
        raise RuntimeError("Odd number of params or hiddens given to a bidirectional RNN")
    if h0.shape[0] // dirs != module.num_layers:   # (apply_layer_stack: the states first, then the weights)
        raise RuntimeError("Expected more hidden states in stacked_rnn")
    if n_weights // per // dirs != module.num_layers:
        raise RuntimeError("Expected more weights in stacked_rnn")
    w = module._flat_weights[0]
    shapes = data.dim() == 2 and data.shape[1] != w.shape[1]
    if data.dtype != w.dtype and module.bias:   # addmm checks the dtypes first, mm (no bias) the shapes first
        raise RuntimeError(f"mat1 and mat2 must have the same dtype, but got {data.dtype.scalar_name} and "
                           f"{w.dtype.scalar_name}")
    if shapes:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({data.shape[0]}x{data.shape[1]} and "
                           f"{w.shape[1]}x{w.shape[0]})")
    if data.dtype != w.dtype:
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: {data.dtype.c_name} != "
                           f"{w.dtype.c_name}")


def packed_forward(module, packed, hx, lstm):
    """module (RNN, LSTM or GRU) over a PackedSequence: (PackedSequence output, h_n or (h_n, c_n))."""
    data, batch_sizes, sorted_indices, unsorted_indices = packed
    sizes = [int(n) for n in batch_sizes._data]
    max_batch = sizes[0]
    w = module._flat_weights[0]
    if lstm:
        return _packed_lstm(module, packed, hx, sizes)
    if data.dtype != w.dtype:
        raise ValueError(f"RNN input dtype ({data.dtype}) does not match weight dtype ({w.dtype}). Convert input: "
                         f"input.to({w.dtype}), or convert model: model.to({data.dtype})")
    expected = (module.num_layers * (2 if module.bidirectional else 1), max_batch, module.hidden_size)
    if hx is None:
        h0 = _zeros(expected, data)
        c0 = _zeros(expected, data) if lstm else None
    else:
        h0, c0 = _permute(hx, sorted_indices), None
    if data.dim() != 2:
        raise RuntimeError(f"input must have 2 dimensions, got {data.dim()}")
    if module.input_size != data.size(-1):
        raise RuntimeError(f"input.size(-1) must be equal to input_size. Expected {module.input_size}, got "
                           f"{data.size(-1)}")
    if tuple(h0.shape) != expected:
        raise RuntimeError(f"Expected hidden size {expected}, got {list(h0.size())}")
    out, h_n, _ = _run_packed(module, data, np.asarray(sizes).tolist(), h0, None)
    return PackedSequence(out, batch_sizes, sorted_indices, unsorted_indices), _permute(h_n, unsorted_indices)


def _packed_lstm(module, packed, hx, sizes):
    """LSTM over a PackedSequence: the state given is sorted by sorted_indices and handed to the kernel unchecked."""
    data, batch_sizes, sorted_indices, unsorted_indices = packed
    if hx is None:
        expected = (module.num_layers * (2 if module.bidirectional else 1), sizes[0], module.hidden_size)
        h0, c0 = _zeros(expected[:2] + (module.proj_size or module.hidden_size,), data), _zeros(expected, data)
    else:
        if sorted_indices is None and isinstance(hx, Tensor):
            raise packed_signature_mismatch(len(module._flat_weights))
        if sorted_indices is None and isinstance(hx, (tuple, list)) and len(hx) != 2:
            raise RuntimeError("lstm expects two hidden states")
        h0, c0 = _permute(hx[0], sorted_indices), _permute(hx[1], sorted_indices)
    _check_lstm_kernel(module, data, h0, c0)
    out, h_n, c_n = _run_packed(module, data, np.asarray(sizes).tolist(), h0, c0)
    output = PackedSequence(out, batch_sizes, sorted_indices, unsorted_indices)
    return output, (_permute(h_n, unsorted_indices), _permute(c_n, unsorted_indices))
