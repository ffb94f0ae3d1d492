"""torch.utils.data: datasets, the DataLoader (batches, PyTorch's shuffling draws, default collation), random_split."""
import collections.abc
import copy
import itertools
import math
import numbers
import warnings

import numpy as np

from ....engine import creation, dtypes
from ....engine.shaping import stack
from ....engine.tensor import Tensor
from .sampler import (BatchSampler, ChainDataset, IterableDataset, RandomSampler, Sampler,  # noqa: F401
                       SequentialSampler, SubsetRandomSampler, WeightedRandomSampler, _default_generator, _draw_seed,
                       get_worker_info)


class Dataset:
    """Base class: implement __getitem__ (and __len__)."""
    __module__ = "torch.utils.data.dataset"

    def __getitem__(self, index):
        raise NotImplementedError("Subclasses of Dataset should implement __getitem__.")

    def __add__(self, other):
        return ConcatDataset([self, other])


class TensorDataset(Dataset):
    """Item i is (t[i] for t in tensors); all tensors share their first dimension."""
    __module__ = "torch.utils.data.dataset"

    def __init__(self, *tensors):
        if any(tensors[0].shape[0] != t.shape[0] for t in tensors):
            raise AssertionError("Size mismatch between tensors")
        self.tensors = tensors

    def __getitem__(self, index):
        return tuple(t[index] for t in self.tensors)

    def __len__(self):
        return self.tensors[0].shape[0]


class Subset(Dataset):
    __module__ = "torch.utils.data.dataset"

    def __init__(self, dataset, indices):
        self.dataset, self.indices = dataset, indices

    def __getitem__(self, idx):
        if isinstance(idx, list):
            return self.dataset[[self.indices[i] for i in idx]]
        return self.dataset[self.indices[idx]]

    def __len__(self):
        return len(self.indices)


class ConcatDataset(Dataset):
    __module__ = "torch.utils.data.dataset"

    def __init__(self, datasets):
        self.datasets = list(datasets)
        if not self.datasets:
            raise AssertionError("datasets should not be an empty iterable")
        self.cumulative_sizes = list(np.cumsum([len(d) for d in self.datasets]).tolist())

    def __len__(self):
        return self.cumulative_sizes[-1]

    def __getitem__(self, idx):
        if idx < 0:
            if -idx > len(self):
                raise ValueError("absolute value of index should not exceed dataset length")
            idx = len(self) + idx
        i = int(np.searchsorted(self.cumulative_sizes, idx, side="right"))
        return self.datasets[i][idx - (self.cumulative_sizes[i - 1] if i else 0)]


_COLLATE_ERROR = "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found {}"


class StackDataset(Dataset):
    """Several datasets of one length read side by side: item i is a tuple (positional datasets) or a dict
    (keyword datasets) of their items i."""
    __module__ = "torch.utils.data.dataset"

    def __init__(self, *args, **kwargs):
        if args and kwargs:
            raise ValueError("Supported either ``tuple``- (via ``args``) or``dict``- (via ``kwargs``) like "
                             "input/output, but both types are given.")
        if not args and not kwargs:
            raise ValueError("At least one dataset should be passed")
        parts = args or list(kwargs.values())
        self._length = len(parts[0])
        if any(self._length != len(d) for d in parts):
            raise ValueError("Size mismatch between datasets")
        self.datasets = args or kwargs

    def __getitem__(self, index):
        if isinstance(self.datasets, dict):
            return {k: d[index] for k, d in self.datasets.items()}
        return tuple(d[index] for d in self.datasets)

    def __len__(self):
        return self._length


def default_collate(batch):
    """Stack a list of samples into a batch, as PyTorch's: tensors stacked, numpy arrays and scalars as tensors of
    their dtype, Python floats float64, ints (and bools) as torch.tensor makes them, strings left as the batch
    holds them (a tuple inside a sample's tuple), dicts and sequences element by element."""
    elem = batch[0]
    kind = type(elem)
    if isinstance(elem, Tensor):
        return stack(list(batch), 0)
    if kind.__module__ == "numpy" and kind.__name__ not in ("str_", "string_"):
        if elem.dtype.kind in "SaUO":
            raise TypeError(_COLLATE_ERROR.format(elem.dtype))
        if kind.__name__ in ("ndarray", "memmap"):
            return stack([creation.as_tensor(b) for b in batch], 0)
        return creation.as_tensor(np.asarray(batch))   # numpy scalars: their own dtype
    if isinstance(elem, float):
        return creation.tensor(list(batch), dtype=dtypes.float64)
    if isinstance(elem, numbers.Integral):
        return creation.tensor(list(batch))
    if isinstance(elem, (str, bytes)):
        return batch
    if isinstance(elem, collections.abc.Mapping):
        return {k: default_collate([d[k] for d in batch]) for k in elem}
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):
        return kind(*(default_collate(s) for s in zip(*batch)))
    if isinstance(elem, collections.abc.Sequence):
        if any(len(b) != len(elem) for b in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        return [default_collate(s) for s in zip(*batch)]
    raise TypeError(_COLLATE_ERROR.format(kind))


def default_convert(data):
    """What a loader without batching (batch_size=None) makes of a sample: numpy arrays and scalars into tensors,
    tuples into lists, containers converted element-wise; anything else as it is."""
    kind = type(data)
    if isinstance(data, Tensor):
        return data
    if kind.__module__ == "numpy" and kind.__name__ not in ("str_", "string_"):
        if kind.__name__ == "ndarray" and data.dtype.kind in "SaUO":
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


def _check_worker_options(num_workers, timeout, prefetch_factor, persistent_workers, multiprocessing_context):
    """PyTorch's checks of the multiprocessing options (the engine loads in this process, whatever num_workers)."""
    if num_workers < 0:
        raise ValueError("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.")
    if timeout < 0:
        raise ValueError("timeout option should be non-negative")
    if num_workers == 0 and prefetch_factor is not None:
        raise ValueError("prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 to "
                         "enable multiprocessing, otherwise set prefetch_factor to None.")
    if prefetch_factor is not None and prefetch_factor < 0:
        raise ValueError("prefetch_factor option should be non-negative")
    if persistent_workers and num_workers == 0:
        raise ValueError("persistent_workers option needs num_workers > 0")
    if multiprocessing_context is not None and num_workers == 0:
        raise ValueError("multiprocessing_context can only be used with multi-process loading (num_workers > 0), but "
                         f"got num_workers={num_workers}")


class DataLoader:
    """Batches of a dataset. As PyTorch's: a map-style dataset is read through a sampler (RandomSampler with the
    loader's generator when shuffle=True, else SequentialSampler) batched by a BatchSampler; iter(loader) draws the
    loader's base seed (for worker processes) from that generator, and the sampler draws its own numbers as it is
    read (a fully read RandomSampler has drawn one more permutation, for the rest of num_samples)."""
    __module__ = "torch.utils.data.dataloader"

    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 multiprocessing_context=None, generator=None, *, prefetch_factor=None, persistent_workers=False,
                 pin_memory_device="", in_order=True):
        _check_worker_options(num_workers, timeout, prefetch_factor, persistent_workers, multiprocessing_context)
        self._iterable = isinstance(dataset, IterableDataset)
        if self._iterable:
            for name, value in (("shuffle", shuffle if shuffle else None), ("sampler", sampler),
                                ("batch_sampler", batch_sampler)):
                if value is not None:
                    raise ValueError(f"DataLoader with IterableDataset: expected unspecified {name} option, but got "
                                     f"{name}={value}")
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and "
                                 "drop_last")
            batch_size, drop_last = None, False
        elif batch_size is None and drop_last:
            raise ValueError("batch_size=None option disables auto-batching and is mutually exclusive with drop_last")
        if sampler is None and not self._iterable:
            sampler = RandomSampler(dataset, generator=generator) if shuffle else SequentialSampler(dataset)
        if batch_size is not None and batch_sampler is None and not self._iterable:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.dataset, self.batch_size, self.drop_last = dataset, batch_size, drop_last
        self.sampler, self.batch_sampler = sampler, batch_sampler
        self.num_workers, self.generator = num_workers, generator
        auto_collation = batch_size is not None or batch_sampler is not None
        self.collate_fn = collate_fn or (default_collate if auto_collation else default_convert)

    def __iter__(self):
        return _SingleProcessDataLoaderIter(self)

    def _batches(self):
        if self._iterable:   # a stream: batches of what it yields, in order
            stream = iter(self.dataset)
            if self.batch_size is None:
                for item in stream:
                    yield self.collate_fn(item)
                return
            while True:
                batch = list(itertools.islice(stream, self.batch_size))
                if not batch or (self.drop_last and len(batch) < self.batch_size):
                    return
                yield self.collate_fn(batch)
        if self.batch_sampler is None:   # batch_size=None: one sample at a time
            for i in self.sampler:
                yield self.collate_fn(self.dataset[i])
            return
        for batch in self.batch_sampler:
            yield self.collate_fn([self.dataset[i] for i in batch])

    def __len__(self):
        if self._iterable:
            n = len(self.dataset)
            if self.batch_size is None:
                return n
            return n // self.batch_size if self.drop_last else math.ceil(n / self.batch_size)
        return len(self.batch_sampler if self.batch_sampler is not None else self.sampler)


class _SingleProcessDataLoaderIter:
    """What iter(loader) returns: made, it draws the loader's base seed, as PyTorch's _BaseDataLoaderIter does."""
    __module__ = "torch.utils.data.dataloader"

    def __init__(self, loader):
        self._loader = loader
        self._batches = loader._batches()
        _draw_seed(loader.generator)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._batches)

    def __len__(self):
        return len(self._loader)


def random_split(dataset, lengths, generator=None):
    """Subsets of a random permutation of the dataset, sized by lengths (counts, or fractions summing to 1)."""
    n = len(dataset)
    if math.isclose(sum(lengths), 1) and sum(lengths) <= 1:
        counts = []
        for i, frac in enumerate(lengths):
            if frac < 0 or frac > 1:
                raise ValueError(f"Fraction at index {i} is not between 0 and 1")
            counts.append(math.floor(n * frac))
        for i in range(n - sum(counts)):
            counts[i % len(counts)] += 1
        for i, length in enumerate(counts):
            if length == 0:
                warnings.warn(f"Length of split at index {i} is 0. This might result in an empty dataset.",
                              stacklevel=2)
        lengths = counts
    if sum(lengths) != n:
        raise ValueError("Sum of input lengths does not equal the length of the input dataset!")
    impl = generator._impl if generator is not None else _default_generator()
    indices = impl.randperm(sum(lengths)).tolist()
    out, offset = [], 0
    for length in lengths:
        out.append(Subset(dataset, indices[offset:offset + length]))
        offset += length
    return out



# the submodules PyTorch's import paths name (``torch.utils.data.sampler.SubsetRandomSampler``): imported here, so
# that a cell's ``import torch.utils.data.dataset`` finds the engine's module
from . import dataloader, dataset, sampler  # noqa: E402,F401
