"""What iter(DataLoader) returns, as PyTorch's: the single-process iterator, and for num_workers > 0 an emulation
of the worker processes in this process.

The emulation keeps what a lesson can see of PyTorch's workers: batch k is fetched by worker k % num_workers (the
next worker still running, for an IterableDataset); each worker reads its own shallow copy of the dataset (a fork's
copy: what __getitem__ stores on the dataset stays in the worker), with its own random state seeded as PyTorch
seeds it (torch.manual_seed(base_seed + id), random.seed(base_seed + id), numpy's from the SeedSequence hash),
so that random augmentations draw the numbers PyTorch's workers draw and leave the cell's random state alone;
get_worker_info() answers inside it; worker_init_fn runs in it; an IterableDataset runs once per worker (the
duplicated samples of an unsharded stream). Batches come out in the sampler's order (in_order=True). What
differs: nothing runs in parallel (no speed-up), prints of a worker reach the cell in order (PyTorch's reach the
notebook from another process, when they do), a batch is fetched when its index is sent (a worker that has
ended its stream is known at once), and the traceback in the message of an exception a worker raised shows the
engine's frames (its first line, "Caught ValueError in DataLoader worker process 0.", and its type are
PyTorch's)."""
import copy
import dataclasses
import itertools
import random as py_random
import traceback
import warnings

import numpy as np

from ....engine import random
from .sampler import _draw_seed


class _InfiniteConstantSampler:
    """The sampler of a loader over an IterableDataset: None for ever (the dataset's iterator says when to stop)."""
    __module__ = "torch.utils.data.dataloader"

    def __iter__(self):
        while True:
            yield None


class _MapFetcher:
    def __init__(self, dataset, auto_collation, collate_fn, drop_last):
        self.dataset, self.auto_collation, self.collate_fn = dataset, auto_collation, collate_fn

    def fetch(self, index):
        if not self.auto_collation:
            return self.collate_fn(self.dataset[index])
        if getattr(self.dataset, "__getitems__", None):
            return self.collate_fn(self.dataset.__getitems__(index))
        return self.collate_fn([self.dataset[i] for i in index])


class _IterableFetcher:
    """Made when the iterator (or the worker) starts: iter(dataset) is called then."""

    def __init__(self, dataset, auto_collation, collate_fn, drop_last):
        self.stream, self.ended = iter(dataset), False
        self.auto_collation, self.collate_fn, self.drop_last = auto_collation, collate_fn, drop_last

    def fetch(self, index):
        if self.ended:
            raise StopIteration
        if not self.auto_collation:
            return self.collate_fn(next(self.stream))
        batch = list(itertools.islice(self.stream, len(index)))
        self.ended = len(batch) < len(index)
        if not batch or (self.drop_last and len(batch) < len(index)):
            raise StopIteration
        return self.collate_fn(batch)


def _fetcher(loader, dataset):
    kind = _IterableFetcher if loader._iterable else _MapFetcher
    return kind(dataset, loader._auto_collation, loader.collate_fn, loader.drop_last)


class _BaseDataLoaderIter:
    __module__ = "torch.utils.data.dataloader"

    def __init__(self, loader):
        self._dataset, self._iterable = loader.dataset, loader._iterable
        self._index_sampler, self._num_workers = loader._index_sampler, loader.num_workers
        if loader.pin_memory and loader.pin_memory_device:
            warnings.warn("pin_memory_device is deprecated, the current accelerator will be used as the device,"
                          f"ignore pin_memory_device='{loader.pin_memory_device}'.", stacklevel=3)
        if loader.pin_memory:   # (a CPU machine: no accelerator)
            warnings.warn("'pin_memory' argument is set as true but no accelerator is found, then device pinned "
                          "memory won't be used.", stacklevel=3)
        self._len_called = loader._IterableDataset_len_called
        self._sampler_iter = iter(self._index_sampler)
        self._base_seed = _draw_seed(loader.generator)
        self._num_yielded = 0

    def __iter__(self):
        return self

    def _reset(self, loader):
        self._sampler_iter = iter(self._index_sampler)
        self._num_yielded = 0
        self._len_called = loader._IterableDataset_len_called

    def __next__(self):
        data = self._next_data()
        self._num_yielded += 1
        if self._iterable and self._len_called is not None and self._num_yielded > self._len_called:
            message = (f"Length of IterableDataset {self._dataset} was reported to be {self._len_called}(when "
                       f"accessing len(dataloader)), but {self._num_yielded} samples have been fetched. ")
            if self._num_workers > 0:
                message += ("For multiprocessing data-loading, this could be caused by not properly configuring the "
                            "IterableDataset replica at each worker. Please see https://pytorch.org/docs/stable/"
                            "data.html#torch.utils.data.IterableDataset for examples.")
            warnings.warn(message, stacklevel=2)
        return data

    def __len__(self):
        return len(self._index_sampler)

    def __getstate__(self):
        raise NotImplementedError("{} cannot be pickled", type(self).__name__)


class _SingleProcessDataLoaderIter(_BaseDataLoaderIter):
    __module__ = "torch.utils.data.dataloader"

    def __init__(self, loader):
        super().__init__(loader)
        self._fetcher = _fetcher(loader, self._dataset)

    def _next_data(self):
        return self._fetcher.fetch(next(self._sampler_iter))


@dataclasses.dataclass(frozen=True, slots=True)
class WorkerInfo:
    """What get_worker_info() returns inside a worker."""
    id: int
    num_workers: int
    seed: int
    dataset: object
    rng: object = None
    worker_method: str = "multiprocessing"


WorkerInfo.__module__ = "torch.utils.data._utils.worker"
_worker_info = None


def get_worker_info():
    """The running worker's WorkerInfo; None in the main process."""
    return _worker_info


def _numpy_seed(base_seed, worker_id):
    """The four 32-bit words PyTorch seeds a worker's numpy with: numpy's SeedSequence hashing of
    (worker_id, the low and high words of base_seed, 0)."""
    mask, shift = 0xFFFFFFFF, 16
    mult = [0x43B0D7E5]

    def hashed(value):
        value = (value ^ mult[0]) & mask
        mult[0] = (mult[0] * 0x931E8875) & mask
        value = (value * mult[0]) & mask
        return value ^ (value >> shift)

    def mixed(x, y):
        value = ((0xCA01F9DD * x) - (0x4973F715 * y)) & mask
        return value ^ (value >> shift)

    pool = [hashed(v) for v in (worker_id, base_seed & mask, base_seed >> 32, 0)]
    for src in range(4):
        for dst in range(4):
            if src != dst:
                pool[dst] = mixed(pool[dst], hashed(pool[src]))
    out, mult_b = [], 0x8B51F9DD
    for value in pool:
        value = (value ^ mult_b) & mask
        mult_b = (mult_b * 0x58F38DED) & mask
        value = (value * mult_b) & mask
        out.append(value ^ (value >> shift))
    return out


class KeyErrorMessage(str):
    """A KeyError's message that prints its lines (KeyError shows the repr of its argument)."""
    __module__ = "torch._utils"

    def __repr__(self):
        return self


class _Failure:
    """An exception a worker raised, for the main process to raise again as PyTorch's ExceptionWrapper does:
    its type, with "Caught ... in DataLoader worker process N." and the worker's traceback as the message."""

    def __init__(self, exc, worker_id):
        self.kind = type(exc)
        self.message = (f"Caught {self.kind.__name__} in DataLoader worker process {worker_id}.\nOriginal "
                        + "".join(traceback.format_exception(exc)))

    def reraise(self):
        if self.kind is KeyError:
            raise KeyError(KeyErrorMessage(self.message))
        if getattr(self.kind, "message", None):
            raise self.kind(message=self.message)
        try:
            exception = self.kind(self.message)
        except Exception:  # noqa: BLE001 - a type that takes no message
            raise RuntimeError(self.message) from None
        raise exception


_STOPPED = object()


class _Worker:
    """One emulated worker process: its copy of the dataset, its fetcher and its random states (torch's default
    generator, Python's random, numpy's global), swapped in while it works."""

    def __init__(self, loader, worker_id, base_seed):
        self.id, self.loader = worker_id, loader
        try:
            self.dataset = copy.copy(loader.dataset)
        except Exception:  # noqa: BLE001 - a dataset that cannot be copied is shared
            self.dataset = loader.dataset
        seed = base_seed + worker_id
        self.info = WorkerInfo(id=worker_id, num_workers=loader.num_workers, seed=seed, dataset=self.dataset)
        saved = self._states()
        random.manual_seed(seed)
        py_random.seed(seed)
        np.random.seed(_numpy_seed(base_seed, worker_id))
        self.states = self._states()
        self._set_states(saved)
        self.pending_error = self._run(self._start, loader.worker_init_fn)

    @staticmethod
    def _states():
        return random.default_generator.get_state(), py_random.getstate(), np.random.get_state()

    @staticmethod
    def _set_states(states):
        random.default_generator.set_state(states[0])
        py_random.setstate(states[1])
        np.random.set_state(states[2])

    def _run(self, work, *args):
        """work(*args) inside the worker: its random states and get_worker_info(); an exception is returned."""
        global _worker_info
        saved, saved_info = self._states(), _worker_info
        self._set_states(self.states)
        _worker_info = self.info
        try:
            return work(*args)
        except Exception as exc:  # noqa: BLE001 - handed to the main process as PyTorch's workers do
            return _STOPPED if isinstance(exc, StopIteration) and self.loader._iterable else _Failure(exc, self.id)
        finally:
            self.states = self._states()
            _worker_info = saved_info
            self._set_states(saved)

    def _start(self, init_fn):
        if init_fn is not None:
            init_fn(self.id)
        self.fetcher = _fetcher(self.loader, self.dataset)

    def resume(self):
        """A persistent worker's new epoch: a new fetcher (a new iter of an IterableDataset)."""
        self.pending_error = self._run(self._start, None)

    def fetch(self, index):
        if self.pending_error is not None:
            error, self.pending_error = self.pending_error, None
            return error
        return self._run(lambda: self.fetcher.fetch(index))


class _MultiProcessingDataLoaderIter(_BaseDataLoaderIter):
    """num_workers > 0, emulated in this process (see the module's docstring): the sampler is read
    prefetch_factor * num_workers batches ahead, each batch fetched by its worker when its index is sent."""
    __module__ = "torch.utils.data.dataloader"

    def __init__(self, loader):
        super().__init__(loader)
        self._prefetch = loader.prefetch_factor * loader.num_workers
        self._persistent = loader.persistent_workers
        self._workers = [_Worker(loader, i, self._base_seed) for i in range(loader.num_workers)]
        self._reset(loader, first_iter=True)

    def _reset(self, loader, first_iter=False):
        super()._reset(loader)
        self._send_idx = self._rcvd_idx = 0
        self._tasks = {}
        self._active = [True] * len(self._workers)
        self._cycle = itertools.cycle(range(len(self._workers)))
        if not first_iter:
            for worker in self._workers:
                worker.resume()
        for _ in range(self._prefetch):
            self._try_put_index()

    def _try_put_index(self):
        if not any(self._active):
            return
        try:
            index = next(self._sampler_iter)
        except StopIteration:
            return
        worker = next(w for w in self._cycle if self._active[w])
        result = self._workers[worker].fetch(index)
        self._tasks[self._send_idx] = result
        self._send_idx += 1
        if result is _STOPPED:   # that worker's stream has ended: the next index goes to another
            self._active[worker] = False
            self._try_put_index()

    def _next_data(self):
        while self._rcvd_idx < self._send_idx and self._tasks[self._rcvd_idx] is _STOPPED:
            del self._tasks[self._rcvd_idx]
            self._rcvd_idx += 1
        if self._rcvd_idx == self._send_idx:
            raise StopIteration
        data = self._tasks.pop(self._rcvd_idx)
        self._rcvd_idx += 1
        self._try_put_index()
        if isinstance(data, _Failure):
            data.reraise()
        return data
