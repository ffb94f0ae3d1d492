"""The LSTM layer's function: runs the declared op (ops_rnn.py) and records its one node with three outputs."""
from . import autocast, dtypes
from .autograd import GRAD_MODE, MULTI_OUTPUT_TANGENTS, Saved, record_multi
from .ops_rnn import lstm_layer_forward
from .optable import OPS
from .tensor_base import wrap


def lstm_layer(x, w_ih, w_hh, b_ih, b_hh, h0, c0, reverse=False):
    """One LSTM layer over a (T, B, I) sequence: (output (T, B, H), h_n (B, H), c_n (B, H)) as Tensors."""
    if autocast.CPU.dtype is not None:   # (in PyTorch's lower-precision list: mkldnn_rnn_layer)
        autocast.refuse("LSTM")
    if any(t is not None and t._data.dtype is dtypes.BF16_NP for t in (x, w_ih, w_hh, b_ih, b_hh, h0, c0)):
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: LSTM on torch.bfloat16 tensors is "
                                  "not part of it")
    if MULTI_OUTPUT_TANGENTS[0] is not None:
        MULTI_OUTPUT_TANGENTS[0]("mkldnn_rnn_layer", (x, w_ih, w_hh, b_ih, b_hh, h0, c0))
    arrays = [None if t is None else t._data for t in (x, w_ih, w_hh, b_ih, b_hh, h0, c0)]
    out, hy, cy, cache = lstm_layer_forward(*arrays, reverse)
    outs = [wrap(out), wrap(hy), wrap(cy)]
    inputs = (x, w_ih, w_hh, b_ih, b_hh, h0, c0)
    if GRAD_MODE.enabled and any(t is not None and t._rg for t in inputs):
        # the output too, as PyTorch's node saves it: changed in place before backward, backward raises
        saved = [None if t is None else Saved(t) for t in inputs] + [cache, Saved(outs[0], True)]
        record_multi(OPS["mkldnn_rnn_layer"], inputs, outs, saved, (reverse,))
    return outs
