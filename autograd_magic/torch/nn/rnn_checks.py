"""What PyTorch's LSTM says about a wrong hidden state: its forward reads hx[0] and hx[1] (a single tensor passed
where (h, c) belongs fails there, with an IndexError or a dimension message), then ATen's lstm checks the pair
(the argument parser's TypeError, "lstm expects two hidden states", mkldnn's dtype errors for float32)."""
import numpy as np

from ...engine.tensor import Tensor


def lstm_hidden(hx, batched):
    """(h0, c0) from the hx given to LSTM.forward, with PyTorch's errors, in the order its forward meets them."""
    n = 3 if batched else 2
    if hx[0].dim() != n or hx[1].dim() != n:
        raise RuntimeError(f"For {'batched 3-D' if batched else 'unbatched 2-D'} input, hx and cx should also be "
                           f"{n}-D but got ({hx[0].dim()}-D, {hx[1].dim()}-D) tensors")
    if not batched:   # PyTorch rebuilds the pair here: what followed it is dropped
        return hx[0].unsqueeze(1), hx[1].unsqueeze(1)
    return hx[0], hx[1]


def _signature_mismatch(n_weights):
    """The argument parser's TypeError for _VF.lstm given one tensor as hx."""
    params = "!list of [" + ", ".join(["Parameter"] * n_weights) + "]!"
    return TypeError(
        "lstm() received an invalid combination of arguments - got (Tensor, Tensor, list, bool, int, float, bool, "
        "bool, bool), but expected one of:\n"
        " * (Tensor data, Tensor batch_sizes, tuple of Tensors hx, tuple of Tensors params, bool has_biases, "
        "int num_layers, float dropout, bool train, bool bidirectional)\n"
        f"      didn't match because some of the arguments have invalid types: (Tensor, Tensor, {params}, !bool!, "
        "!int!, !float!, !bool!, bool, bool)\n"
        " * (Tensor input, tuple of Tensors hx, tuple of Tensors params, bool has_biases, int num_layers, "
        "float dropout, bool train, bool bidirectional, bool batch_first)\n"
        f"      didn't match because some of the arguments have invalid types: (Tensor, !Tensor!, {params}, bool, "
        "int, float, bool, bool, bool)\n")


def packed_signature_mismatch(n_weights):
    """The argument parser's TypeError for the packed _VF.lstm given one tensor as hx."""
    params = "!list of [" + ", ".join(["Parameter"] * n_weights) + "]!"
    return TypeError(
        "lstm() received an invalid combination of arguments - got (Tensor, Tensor, Tensor, list, bool, int, float, "
        "bool, bool), but expected one of:\n"
        " * (Tensor data, Tensor batch_sizes, tuple of Tensors hx, tuple of Tensors params, bool has_biases, "
        "int num_layers, float dropout, bool train, bool bidirectional)\n"
        f"      didn't match because some of the arguments have invalid types: (Tensor, Tensor, !Tensor!, {params}, "
        "bool, int, float, bool, bool)\n"
        " * (Tensor input, tuple of Tensors hx, tuple of Tensors params, bool has_biases, int num_layers, "
        "float dropout, bool train, bool bidirectional, bool batch_first)\n"
        f"      didn't match because some of the arguments have invalid types: (Tensor, !Tensor!, !Tensor!, {params}, "
        "!bool!, int, !float!, bool, bool)\n")


def check_lstm_call(hx, h0, c0, x, n_weights):
    """ATen's checks once the module's own have passed: the hidden state's container and the dtypes mkldnn takes
    (a float32 LSTM runs on mkldnn, which accepts float32 states only)."""
    if isinstance(hx, Tensor):
        raise _signature_mismatch(n_weights)
    for i, t in enumerate(hx):
        if not isinstance(t, Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument 1, but got {type(t).__name__}")
    if len(hx) != 2:
        raise RuntimeError("lstm expects two hidden states")
    if x._data.dtype != np.float32:
        return
    kinds = {h0.dtype.name, c0.dtype.name}
    if kinds - {"float32", "float16", "bfloat16"}:
        raise RuntimeError("get_mkldnn_dtype: unsupported data type")
    if kinds != {"float32"}:
        raise RuntimeError("could not create a primitive descriptor for the LSTM forward propagation primitive. "
                           "Run workload with environment variable ONEDNN_VERBOSE=all to get additional diagnostic "
                           "information.")
