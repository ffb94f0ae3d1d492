"""What the thirty-third probe (data pipelines as lessons teach them: torch.utils.data with seeded randomness)
found, each checked against PyTorch: Dataset and Sampler are generic classes (``Sampler[int]``, ``Dataset[tuple]``)
and Sampler takes no data_source; IterableDataset is a Dataset; ConcatDataset refuses iterable datasets and has
cumsum and the deprecated cummulative_sizes; Subset and StackDataset read batches through __getitems__, which the
DataLoader uses, and a Subset subclass must override both; random_split calls randperm as PyTorch's parser takes
it; the DataLoader keeps every option as an attribute, refuses to have its batching changed after it is made,
warns about pin_memory on a CPU machine, checks multiprocessing_context, warns when an IterableDataset yields more
than its len, and ``from torch.utils.data import *`` binds PyTorch's names only; num_workers > 0 emulates PyTorch's
workers (seeds of torch, random and numpy per worker, get_worker_info, worker_init_fn, each worker's copy of an
IterableDataset, persistent workers, errors re-raised as "Caught ... in DataLoader worker process N."); Tensor.size
and stride parse their dim as PyTorch does (0-dim tensors, floats, keywords); torch.multinomial checks its
distributions entry by entry as PyTorch's CPU kernel does (NaN is "< 0") and takes empty ones."""
import pytest

from helpers import assert_same_as_pytorch

TRY = '''import numpy as np
import random
import math
from torch.utils.data import *
def attempt(make):
    try:
        out = make()
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)
'''

AUGMENTED = '''class Augmented(Dataset):
    def __len__(self):
        return 7
    def __getitem__(self, i):
        return torch.tensor(float(i)) + torch.rand(()), random.random(), np.random.rand()
'''

STREAMS = '''class Plain(IterableDataset):
    def __init__(self, start, end):
        self.start, self.end = start, end
    def __iter__(self):
        return iter(range(self.start, self.end))
class Sharded(Plain):
    def __iter__(self):
        info = get_worker_info()
        if info is None:
            return iter(range(self.start, self.end))
        per = int(math.ceil((self.end - self.start) / info.num_workers))
        lo = self.start + info.id * per
        return iter(range(lo, min(lo + per, self.end)))
def init_fn(worker_id):
    info = get_worker_info()
    d = info.dataset
    per = int(math.ceil((d.end - d.start) / info.num_workers))
    d.start, d.end = d.start + worker_id * per, min(d.start + worker_id * per + per, d.end)
'''

CELLS = {
    "multinomial_checks": [
        TRY + '''for dt in (torch.float32, torch.float64):
    for probs, n, repl in (([1.0, float("nan")], 2, True), ([float("inf"), -1.0], 2, True),
                           ([[1.0, 1.0], [-1.0, float("inf")]], 2, True), ([float("nan"), 1.0], 3, True),
                           ([], 2, True), ([], 1, True), ([], 1, False), ([[], []], 2, True), ([[], []], 1, True),
                           ([[]], 1, False), ([0.0, 0.0], 1, True), ([0.0, 0.0], 2, True)):
        attempt(lambda: torch.multinomial(torch.tensor(probs, dtype=dt), n, repl))
attempt(lambda: torch.multinomial(torch.zeros(0, 3), 2, True))
attempt(lambda: torch.multinomial(torch.ones(0, 0), 2, True))''',
    ],
    "size_and_stride_dims": [
        TRY + '''for t in (torch.tensor(3.0), torch.zeros(2, 3), torch.zeros(4)):
    for d in (0, -1, 1, 2, -3, 1.0, "a", None, True, np.int64(0), torch.tensor(0), torch.tensor(0.0), [0]):
        attempt(lambda: t.size(d))
        attempt(lambda: t.stride(d))
        attempt(lambda: t.size(dim=d))
        attempt(lambda: t.stride(dim=d))
t = torch.zeros(2, 3)
attempt(lambda: t.size(0, 1))
attempt(lambda: t.size(0, dim=1))
attempt(lambda: t.stride(foo=1))''',
    ],
    "generic_datasets_and_samplers": [
        TRY + '''print(Dataset[int], Sampler[int], IterableDataset[int], [c.__name__ for c in TensorDataset.__mro__])
print([c.__name__ for c in IterableDataset.__mro__], [c.__name__ for c in RandomSampler.__mro__])
class Old(Sampler):
    def __init__(self, data_source):
        super().__init__(data_source)
attempt(lambda: Old(range(3)))
attempt(lambda: Sampler(range(3)))
class Stream(IterableDataset):
    def __iter__(self):
        yield from range(3)
print(isinstance(Stream(), Dataset), type(Stream() + Stream()).__name__)
attempt(lambda: Stream()[0])
ns = {}
exec("from torch.utils.data import *", ns)
print([n for n in ("stack", "Tensor", "np", "math", "warnings", "copy", "os", "creation", "dtypes") if n in ns])''',
    ],
    "dataloader_options": [
        TRY + '''ds = TensorDataset(torch.arange(10.))
dl = DataLoader(ds, batch_size=4)
print(dl.pin_memory, dl.pin_memory_device, dl.timeout, dl.worker_init_fn, dl.prefetch_factor, dl.persistent_workers,
      dl.multiprocessing_context, dl.in_order, dl.generator)
for name in ("batch_size", "batch_sampler", "sampler", "drop_last", "dataset", "persistent_workers", "num_workers",
             "collate_fn"):
    attempt(lambda: setattr(dl, name, getattr(dl, name)))
dl = DataLoader(ds, num_workers=2)
print(dl.prefetch_factor, type(dl.sampler).__name__)
for kw in (dict(multiprocessing_context="threads"), dict(multiprocessing_context=3),
           dict(multiprocessing_context="spawn")):
    attempt(lambda: type(DataLoader(ds, num_workers=2, **kw).multiprocessing_context).__name__)
class Stream(IterableDataset):
    def __iter__(self):
        yield from range(3)
print(type(DataLoader(Stream()).sampler).__name__, DataLoader(Stream()).batch_sampler.batch_size)''',
        TRY + '''ds = TensorDataset(torch.arange(10.))
print(len(list(DataLoader(ds, batch_size=4, pin_memory=True))))
print(len(list(DataLoader(ds, batch_size=4, pin_memory=True, pin_memory_device="cpu"))))
print(len(DataLoader(ds, num_workers=64)))''',
        TRY + '''class Sized(IterableDataset):
    def __init__(self, n, claimed):
        self.n, self.claimed = n, claimed
    def __len__(self):
        return self.claimed
    def __iter__(self):
        return iter(range(self.n))
    def __repr__(self):
        return f"Sized({self.n})"
dl = DataLoader(Sized(5, 3), batch_size=None)
print(len(dl), list(dl))
dl = DataLoader(Sized(3, 4), batch_size=None, num_workers=2)
print(len(dl), list(dl))
print(list(DataLoader(Sized(3, 3), batch_size=None)))''',
    ],
    "dataset_combinations": [
        TRY + '''class Stream(IterableDataset):
    def __iter__(self):
        yield from range(3)
ds = TensorDataset(torch.arange(6.), torch.arange(6) % 2)
attempt(lambda: ConcatDataset([Stream(), ds]))
cat = ConcatDataset([range(3), range(10, 12)])
print(ConcatDataset.cumsum([range(2), range(5)]), cat.cummulative_sizes)
class Doubled(Subset):
    def __getitem__(self, i):
        return self.dataset[self.indices[i]][0] * 2
attempt(lambda: Doubled(ds, [1, 2]))
sub = Subset(ds, [5, 0, 3])
print(sub.__getitems__([0, 2]))
class Fast(Dataset):
    def __len__(self):
        return 5
    def __getitem__(self, i):
        return torch.tensor(i)
    def __getitems__(self, indices):
        return [torch.tensor(i * 10) for i in indices]
print(list(DataLoader(Fast(), batch_size=2)), list(DataLoader(Subset(Fast(), [4, 1, 2]), batch_size=2)))
named = StackDataset(x=torch.arange(4.), y=Fast())
print(named.__getitems__([1, 3]), StackDataset(Fast(), torch.arange(5)).__getitems__([2]))
print(next(iter(DataLoader(named, batch_size=3))))
attempt(lambda: TensorDataset(np.zeros((3, 2)), np.zeros(3)))
attempt(lambda: TensorDataset(torch.tensor(1.0)))
attempt(lambda: random_split(range(12), [6, 6.0]))
attempt(lambda: random_split(range(12), [6, 6.0], generator=None))
torch.manual_seed(0)
print(random_split(range(6), [3, 3], generator=None)[0].indices)''',
    ],
    "workers_random_state": [
        TRY + AUGMENTED + '''torch.manual_seed(0)
for batch in DataLoader(Augmented(), batch_size=3, num_workers=2):
    print(batch)
print(torch.rand(2), random.random() if False else "", get_worker_info())''',
        TRY + AUGMENTED + '''def seed_worker(worker_id):
    seed = torch.initial_seed() % 2**32
    np.random.seed(seed)
    random.seed(seed)
dl = DataLoader(Augmented(), batch_size=2, shuffle=True, num_workers=3, worker_init_fn=seed_worker,
                generator=torch.Generator().manual_seed(5))
print([b[0].tolist() for b in dl], [b[2].tolist() for b in dl])''',
        TRY + AUGMENTED + '''torch.manual_seed(4)
dl = DataLoader(Augmented(), batch_size=4, num_workers=2, persistent_workers=True)
print([b[0] for b in dl])
print([b[0] for b in dl])
print(torch.rand(1))
class Info(IterableDataset):
    def __iter__(self):
        info = get_worker_info()
        yield [info.id, info.num_workers, info.seed - torch.initial_seed(), type(info).__name__, info.worker_method]
print(list(DataLoader(Info(), batch_size=None, num_workers=2, generator=torch.Generator().manual_seed(1))))''',
    ],
    "workers_iterable_streams": [
        TRY + STREAMS + '''print(list(DataLoader(Plain(3, 7), num_workers=2)))
print(list(DataLoader(Sharded(3, 10), num_workers=2)), list(DataLoader(Sharded(3, 10), num_workers=3)))
print(list(DataLoader(Sharded(3, 10), num_workers=2, batch_size=2)))
print(list(DataLoader(Sharded(3, 10), num_workers=2, batch_size=2, drop_last=True)))
plain = Plain(3, 7)
print(list(DataLoader(plain, num_workers=2, worker_init_fn=init_fn)), plain.start, plain.end)''',
    ],
    "worker_errors": [
        TRY + '''class Broken(Dataset):
    def __len__(self):
        return 4
    def __getitem__(self, i):
        if i == 3:
            return {"a": 1}["b"]
        if i == 2:
            raise ValueError("bad sample 2")
        return torch.tensor(i)
def drain(loader):
    it = iter(loader)
    while True:
        try:
            print(next(it))
        except StopIteration:
            break
        except Exception as e:
            lines = str(e).splitlines()
            print(type(e).__name__, lines[0], lines[-1])
drain(DataLoader(Broken(), batch_size=3, num_workers=2))
drain(DataLoader(Broken(), batch_size=None, num_workers=2))
w = torch.randn(4, 2, requires_grad=True)
drain(DataLoader(TensorDataset(w), batch_size=2, num_workers=2))
with torch.no_grad():
    print(next(iter(DataLoader(TensorDataset(w), batch_size=4, num_workers=2)))[0].requires_grad)''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe33_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
