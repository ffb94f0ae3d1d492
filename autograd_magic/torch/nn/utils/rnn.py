"""torch.nn.utils.rnn: ``pad_sequence`` as PyTorch records it (a tensor of the padding value, each sequence copied
into its slice: ``CopySlices`` nodes), and packed sequences: ``PackedSequence``, ``pack_padded_sequence``
(``PackPaddedSequenceBackward0``), ``pad_packed_sequence`` (blocks of equal batch size copied into a padded
tensor, as ATen's _pad_packed_sequence), ``pack_sequence``, ``unpack_sequence``, ``unpad_sequence``."""
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from ....engine import dtypes
from ....engine.argcheck import tp_name
from ....engine.creation import arange, as_tensor, empty, full
from ....engine.dtypes import int64
from ....engine.optable import OPS
from ....engine.ordering import sort
from ....engine.tensor import Tensor
from ....engine.tensor_base import apply


class PackedSequence_(NamedTuple):
    data: Tensor
    batch_sizes: Tensor
    sorted_indices: Tensor
    unsorted_indices: Tensor


PackedSequence_.__module__ = "torch.nn.utils.rnn"


def invert_permutation(permutation):
    """The inverse of a permutation (unsorted_indices from sorted_indices)."""
    if permutation is None:
        return None
    out = np.empty_like(permutation._data)
    out[permutation._data] = np.arange(permutation._data.size)
    return Tensor._wrap(out)


class PackedSequence(PackedSequence_):
    """A batch of sequences of different lengths, packed time step by time step: data (sum of lengths, *) and
    batch_sizes (how many sequences are still running at each step). Made by pack_padded_sequence / pack_sequence;
    every RNN module accepts it."""
    __module__ = "torch.nn.utils.rnn"

    def __new__(cls, data, batch_sizes=None, sorted_indices=None, unsorted_indices=None):
        if unsorted_indices is None:
            unsorted_indices = invert_permutation(sorted_indices)
        if batch_sizes is None:
            if not (isinstance(data, (list, tuple)) and len(data) == 2):
                raise AssertionError("Expected data to be a list or tuple of length 2")
            data, batch_sizes = data
        return super().__new__(cls, data, batch_sizes, sorted_indices, unsorted_indices)

    def to(self, *args, **kwargs):
        """dtype and/or device conversion of data (batch_sizes stays as it is); self when nothing changes."""
        data = self.data.to(*args, **kwargs)
        if data is self.data:
            return self
        if "copy" in kwargs:  # PyTorch parses the arguments again, without copy, once data has changed
            raise RuntimeError(".to() does not accept copy argument")
        return type(self)(data, self.batch_sizes, self.sorted_indices, self.unsorted_indices)

    def cpu(self, *args, **kwargs):
        if self.data.new_empty(0).to(*args, **kwargs).device.type != "cpu":
            kwargs["device"] = "cpu"
        return self.to(*args, **kwargs)

    def cuda(self, *args, **kwargs):
        if not self.data.new_empty(0).to(*args, **kwargs).is_cuda:
            kwargs["device"] = "cuda"
        return self.to(*args, **kwargs)

    def pin_memory(self):
        return type(self)(self.data.pin_memory(), self.batch_sizes, self.sorted_indices, self.unsorted_indices)

    def double(self):
        return self.to(dtype=dtypes.float64)

    def float(self):
        return self.to(dtype=dtypes.float32)

    def half(self):
        return self.to(dtype=dtypes.float16)

    def long(self):
        return self.to(dtype=dtypes.int64)

    def int(self):
        return self.to(dtype=dtypes.int32)

    def short(self):
        return self.to(dtype=dtypes.int16)

    def char(self):
        return self.to(dtype=dtypes.int8)

    def byte(self):
        return self.to(dtype=dtypes.uint8)

    @property
    def is_cuda(self):
        return self.data.is_cuda

    def is_pinned(self):
        return self.data.is_pinned()


def _pack_key(lengths, batch_first, max_steps):
    """The (time, batch) index arrays of the packed rows, time step by time step (ATen's order). Lengths beyond
    the padded input's max_steps are not checked by ATen: its slices stop at the input's end, so fewer rows come
    out than batch_sizes adds up to (pad_packed_sequence or an RNN then fails on the short data, as PyTorch's)."""
    steps = min(int(lengths[0]), max_steps) if lengths.size else 0
    t, b = np.nonzero(np.arange(steps)[:, None] < lengths[None, :])
    return (b, t) if batch_first else (t, b)


def _check_pack_args(input, lengths, batch_first):
    """ATen's _pack_padded_sequence checks, in its order."""
    if lengths.dim() != 1:
        raise RuntimeError(f"'lengths' argument should be a 1D CPU int64 tensor, but got {lengths.dim()}D cpu "
                           f"{lengths.dtype.scalar_name} tensor")
    batch_size = input.size(0 if batch_first and input.dim() > 1 else 1)   # (size(1) of the (T, B, *) view)
    if input.numel() == 0:
        raise RuntimeError("Cannot pack empty tensors.")
    if lengths.size(0) != batch_size:
        raise RuntimeError(f"Expected `len(lengths)` to be equal to batch_size, but got {lengths.size(0)} "
                           f"(batch_size={batch_size})")
    n = lengths._data
    if n[-1] <= 0:
        raise RuntimeError("Length of all samples has to be greater than 0, but found an element in 'lengths' that "
                           "is <= 0")
    if np.any(n[:-1] < n[1:]):
        raise RuntimeError("`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You "
                           "can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep "
                           "this requirement if you do not need ONNX exportability.")


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    """Pack a padded batch (T, B, *) (or (B, T, *) with batch_first) of sequences of the given lengths."""
    if not isinstance(lengths, Tensor):
        lengths = as_tensor(lengths, dtype=int64)
    else:
        lengths = lengths.to(dtype=int64)
    if enforce_sorted:
        sorted_indices = None
    else:
        lengths, sorted_indices = sort(lengths, descending=True)
        input = input.index_select(0 if batch_first else 1, sorted_indices)
    _check_pack_args(input, lengths, batch_first)
    n = lengths._data
    key = _pack_key(n, batch_first, input.shape[1 if batch_first else 0])
    tb_shape = tuple(input.shape)
    if batch_first:
        tb_shape = (tb_shape[1], tb_shape[0]) + tb_shape[2:]
    data = apply(OPS["pack_padded_sequence"], (input,), key, tuple(input.shape), int(n[0]), tb_shape)
    batch_sizes = Tensor._wrap((np.arange(int(n[0]))[:, None] < n[None, :]).sum(1).astype(np.int64))
    return PackedSequence(data, batch_sizes, sorted_indices, None)


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    """The inverse of pack_padded_sequence: (padded (T, B, *) or (B, T, *), lengths)."""
    sizes = sequence.batch_sizes._data
    max_seq_length = sizes.shape[0]
    if total_length is not None:
        if total_length < max_seq_length:
            raise ValueError("Expected total_length to be at least the length of the longest sequence in input, but "
                             f"got total_length={total_length} and max sequence length being {max_seq_length}")
        max_seq_length = total_length
    data = sequence.data
    batch = int(sizes[0])
    out = full((max_seq_length, batch) + tuple(data.shape[1:]), padding_value, dtype=data.dtype)
    offset, prev_i, prev = 0, 0, int(sizes[0])
    for i in range(len(sizes) + 1):  # one copy per block of equal batch size, as ATen's loop
        size = int(sizes[i]) if i < len(sizes) else 0
        if size != prev:
            rows = prev * (i - prev_i)
            out[prev_i:i, :prev] = data[offset:offset + rows].view((i - prev_i, prev) + tuple(data.shape[1:]))
            offset += rows
            prev_i = i
        prev = size
    lengths = Tensor._wrap((sizes[:, None] > np.arange(batch)[None, :]).sum(0).astype(np.int64))
    if batch_first:
        out = out.transpose(0, 1)
    if sequence.unsorted_indices is not None:
        return out.index_select(0 if batch_first else 1, sequence.unsorted_indices), \
            lengths[sequence.unsorted_indices]
    return out, lengths


def pack_sequence(sequences, enforce_sorted=True):
    """Pack a list of tensors (L_i, *) (longest first unless enforce_sorted=False)."""
    lengths = as_tensor([v.size(0) for v in sequences])
    return pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=enforce_sorted)


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    """The list of sequences of a padded batch, each cut to its length: as PyTorch, a time-major batch is
    transposed in place (the caller's tensor too) and each sequence taken with a mask (IndexBackward0)."""
    if not batch_first:
        padded_sequences.transpose_(0, 1)
    idx = arange(padded_sequences.shape[1])
    lengths.device  # noqa: B018 (PyTorch reads it for arange: a list of lengths fails here)
    return [seq[idx < length] for seq, length in zip(padded_sequences, lengths, strict=True)]


def unpack_sequence(packed_sequences):
    """The list of sequences of a PackedSequence."""
    padded, lengths = pad_packed_sequence(packed_sequences, batch_first=True)
    return unpad_sequence(padded, lengths, batch_first=True)


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    """Stack sequences of different lengths (first dim) into one tensor, padded with padding_value: (T, B, *)
    or, with batch_first, (B, T, *). Each sequence is copied into its place (ATen's narrow/select and copy_:
    CopySlices, and copy_'s message for a sequence whose trailing dims differ from the first one's)."""
    if not isinstance(sequences, Iterable):
        raise RuntimeError("pad_sequence: Expected iterable for input sequences, but got arg of type: "
                           f"{type(sequences)}")
    sequences = tuple(sequences)
    for i, seq in enumerate(sequences):
        if not isinstance(seq, Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {tp_name(seq)}")
    if not sequences:
        raise RuntimeError("received an empty list of sequences")
    if padding_side not in ("left", "right"):
        raise RuntimeError(f"Expected padding_side to be one of left or right, but got {padding_side}.")
    first = sequences[0]
    if not first.dim():
        raise RuntimeError("ArrayRef: invalid slice, N = 1; size = 0")
    longest = max(int(s.size(0)) for s in sequences)
    trailing = tuple(first.shape[1:])
    shape = (len(sequences), longest) + trailing if batch_first else (longest, len(sequences)) + trailing
    out = empty(shape, dtype=first.dtype).fill_(padding_value)   # (ATen's at::full: its fill_ counts a version)
    for i, seq in enumerate(sequences):
        n = int(seq.shape[0])
        start = 0 if padding_side == "right" else longest - n
        place = out.select(0, i).narrow(0, start, n) if batch_first else out.narrow(0, start, n).select(1, i)
        place.copy_(seq)
    return out


from ....engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.nn.utils.rnn", name)
