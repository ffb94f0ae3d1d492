"""torch.utils.data._utils.collate: how a loader turns samples into a batch. ``collate`` walks containers (dicts,
namedtuples, sequences) and hands each leaf batch to the function collate_fn_map registers for its type (the exact
type first, else the first key, in insertion order, that the element is an instance of); default_collate is
collate with default_collate_fn_map, so that ``default_collate_fn_map.update({MyType: fn})`` extends it, as in
PyTorch's docs."""
import collections.abc
import copy
import re

import numpy as np

from .....engine import creation, dtypes
from .....engine.autograd import GRAD_MODE
from .....engine.shaping import stack
from .....engine.tensor import Tensor
from .._iterators import get_worker_info

np_str_obj_array_pattern = re.compile(r"[SaUO]")   # numpy dtype strings of bytes, str and object arrays

default_collate_err_msg_format = ("default_collate: batch must contain tensors, numpy arrays, numbers, dicts or "
                                  "lists; found {}")

_SPARSE_LAYOUTS = ("sparse_coo", "sparse_csr", "sparse_bsr", "sparse_csc", "sparse_bsc")


def default_convert(data):
    """What a loader without batching (batch_size=None) makes of a sample: numpy arrays and scalars into tensors,
    tuples into lists, containers converted element-wise; anything else as it is."""
    kind = type(data)
    if isinstance(data, Tensor):
        return data
    if kind.__module__ == "numpy" and kind.__name__ not in ("str_", "string_"):
        if kind.__name__ == "ndarray" and np_str_obj_array_pattern.search(data.dtype.str) is not None:
            return data
        return creation.as_tensor(data)
    if isinstance(data, collections.abc.Mapping):
        try:
            if isinstance(data, collections.abc.MutableMapping):
                clone = copy.copy(data)
                clone.update({key: default_convert(data[key]) for key in data})
                return clone
            return kind({key: default_convert(data[key]) for key in data})
        except TypeError:
            return {key: default_convert(data[key]) for key in data}
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return kind(*(default_convert(d) for d in data))
    if isinstance(data, tuple):
        return [default_convert(d) for d in data]
    if isinstance(data, collections.abc.Sequence) and not isinstance(data, (str, bytes)):
        try:
            if isinstance(data, collections.abc.MutableSequence):
                clone = copy.copy(data)
                for i, d in enumerate(data):
                    clone[i] = default_convert(d)
                return clone
            return kind([default_convert(d) for d in data])
        except TypeError:
            return [default_convert(d) for d in data]
    return data


def collate(batch, *, collate_fn_map=None):
    """Collate a batch: a registered function for the first element's type if collate_fn_map has one, else
    containers element by element (the element's own mapping / sequence type kept where it can be rebuilt), else
    default_collate's TypeError.

    Example::

        >>> def collate_tensor_fn(batch, *, collate_fn_map):
        ...     return torch.stack(batch, 0)
        >>> collate([torch.ones(2), torch.zeros(2)], collate_fn_map={torch.Tensor: collate_tensor_fn})
    """
    elem = batch[0]
    kind = type(elem)
    if collate_fn_map is not None:
        if kind in collate_fn_map:
            return collate_fn_map[kind](batch, collate_fn_map=collate_fn_map)
        for key in collate_fn_map:
            if isinstance(elem, key):
                return collate_fn_map[key](batch, collate_fn_map=collate_fn_map)

    def again(samples):
        return collate(samples, collate_fn_map=collate_fn_map)

    if isinstance(elem, collections.abc.Mapping):
        try:
            if isinstance(elem, collections.abc.MutableMapping):
                clone = copy.copy(elem)   # (a mapping type may carry more than its items)
                clone.update({key: again([d[key] for d in batch]) for key in elem})
                return clone
            return kind({key: again([d[key] for d in batch]) for key in elem})
        except TypeError:
            return {key: again([d[key] for d in batch]) for key in elem}
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):   # a namedtuple
        return kind(*(again(samples) for samples in zip(*batch)))
    if isinstance(elem, collections.abc.Sequence):
        size = len(elem)
        if any(len(b) != size for b in batch[1:]):
            raise RuntimeError("each element in list of batch should be of equal size")
        transposed = list(zip(*batch))
        if isinstance(elem, tuple):
            return [again(samples) for samples in transposed]   # (tuples become lists, as PyTorch keeps them)
        try:
            if isinstance(elem, collections.abc.MutableSequence):
                clone = copy.copy(elem)
                for i, samples in enumerate(transposed):
                    clone[i] = again(samples)
                return clone
            return kind([again(samples) for samples in transposed])
        except TypeError:   # (a sequence type that cannot be rebuilt from a list: range)
            return [again(samples) for samples in transposed]
    raise TypeError(default_collate_err_msg_format.format(kind))


def collate_tensor_fn(batch, *, collate_fn_map=None):
    elem = batch[0]
    if elem.is_nested:
        raise RuntimeError("Batches of nested tensors are not currently supported by the default collate_fn; "
                           "please provide a custom collate_fn to handle them appropriately.")
    if str(elem.layout).rpartition(".")[2] in _SPARSE_LAYOUTS:
        raise RuntimeError("Batches of sparse tensors are not currently supported by the default collate_fn; "
                           "please provide a custom collate_fn to handle them appropriately.")
    if get_worker_info() is not None and GRAD_MODE.enabled and any(b.requires_grad for b in batch):
        # a worker stacks into shared memory: torch.stack(batch, 0, out=...)
        raise RuntimeError("stack(): functions with out=... arguments don't support automatic differentiation, "
                           "but one of the arguments requires grad.")
    return stack(list(batch), 0)


def collate_numpy_array_fn(batch, *, collate_fn_map=None):
    elem = batch[0]
    if np_str_obj_array_pattern.search(elem.dtype.str) is not None:
        raise TypeError(default_collate_err_msg_format.format(elem.dtype))
    return collate([creation.as_tensor(b) for b in batch], collate_fn_map=collate_fn_map)


def collate_numpy_scalar_fn(batch, *, collate_fn_map=None):
    return creation.as_tensor(np.asarray(batch))   # (numpy scalars keep their dtype)


def collate_float_fn(batch, *, collate_fn_map=None):
    return creation.tensor(list(batch), dtype=dtypes.float64)


def collate_int_fn(batch, *, collate_fn_map=None):
    return creation.tensor(list(batch))


def collate_str_fn(batch, *, collate_fn_map=None):
    return batch


default_collate_fn_map = {Tensor: collate_tensor_fn, np.ndarray: collate_numpy_array_fn,
                          (np.bool_, np.number, np.object_): collate_numpy_scalar_fn, float: collate_float_fn,
                          int: collate_int_fn, str: collate_str_fn, bytes: collate_str_fn}


def default_collate(batch):
    """Stack a list of samples into a batch, as PyTorch's: tensors stacked, numpy arrays and scalars as tensors of
    their dtype, Python floats float64, ints (and bools) as torch.tensor makes them, strings left as the batch
    holds them, dicts and sequences element by element; a type registered in default_collate_fn_map by its own
    function.

    Example::

        >>> default_collate([{'A': 0, 'B': 1}, {'A': 100, 'B': 100}])
        {'A': tensor([  0, 100]), 'B': tensor([  1, 100])}
    """
    return collate(batch, collate_fn_map=default_collate_fn_map)


for _fn in (default_convert, collate, collate_tensor_fn, collate_numpy_array_fn, collate_numpy_scalar_fn,
            collate_float_fn, collate_int_fn, collate_str_fn, default_collate):
    _fn.__module__ = "torch.utils.data._utils.collate"   # (PyTorch's module, which a printed function names)
del _fn
