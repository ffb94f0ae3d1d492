# Imitates default_collate / default_convert's docstring examples and the collate_fn recipes of the
# "Datasets & DataLoaders" tutorial: dicts, tuples, namedtuples, numpy arrays and scalars, strings, nested lists,
# and the errors learners meet when the items do not stack; then collate's docstring example: extending
# default_collate by registering a type in default_collate_fn_map, and collate with a map of one's own.
import collections
import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset, default_collate, default_convert
from torch.utils.data import get_worker_info
from torch.utils.data._utils.collate import default_collate_fn_map, collate_tensor_fn, collate
import torch.utils.data._utils.collate as C

# %%
print(default_collate([0, 1, 2, 3]))
print(default_collate(['a', 'b', 'c']))
print(default_collate([{'A': 0, 'B': 1}, {'A': 100, 'B': 100}]))
Point = collections.namedtuple('Point', ['x', 'y'])
print(default_collate([Point(0, 0), Point(1, 1)]))
print(default_collate([(0, 1), (2, 3)]))
print(default_collate([[0, 1], [2, 3]]))
print(default_collate([0.5, 1.5]).dtype, default_collate([True, False]), default_collate([np.float32(1), np.float32(2)]))

# %%
print(default_collate([np.array([1, 2]), np.array([3, 4])]))
print(default_collate([np.arange(4.).reshape(2, 2)] * 2).dtype)
print(default_collate([np.int16(3), np.int16(4)]))
print(default_convert(0), default_convert(np.array([0, 1])), default_convert(np.float64(2.5)))
print(default_convert([np.array([0, 1]), np.array([2, 3])]))
print(default_convert(Point(np.array([1]), 2)))
print(default_convert({'a': np.zeros(2), 'b': 'x'}))
print(default_convert(np.array(['a', 'b'])))

# %%
def attempt(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: default_collate([torch.zeros(2), torch.zeros(3)]))
attempt(lambda: default_collate([[1, 2], [3]]))
attempt(lambda: default_collate([object(), object()]))
attempt(lambda: default_collate([np.array(['a']), np.array(['b'])]))
attempt(lambda: default_collate([None, None]))
attempt(lambda: default_collate([{'a': 1}, {'b': 2}]))
attempt(lambda: default_collate([torch.tensor(1), torch.tensor(2.)]))
attempt(lambda: default_collate([1, 2.5]))
attempt(lambda: default_collate([]))

# %%
data = [(np.array([1.0, 2.0], dtype=np.float32), 0), (np.array([3.0, 4.0], dtype=np.float32), 1),
        (np.array([5.0, 6.0], dtype=np.float32), 1)]
for x, y in DataLoader(data, batch_size=2):
    print(x, y, x.dtype, y.dtype)
for b in DataLoader(data, batch_size=None):
    print(b)
for b in DataLoader(data, batch_size=2, collate_fn=lambda batch: batch):
    print(b)
print(get_worker_info())

# %%
def collate_pairs(batch):
    xs, ys = zip(*batch)
    return torch.stack(xs), torch.tensor(ys)
torch.manual_seed(0)
ds = TensorDataset(torch.randn(5, 3).round(decimals=2), torch.tensor([0, 1, 0, 1, 1]))
for xb, yb in DataLoader(ds, batch_size=2, shuffle=True, collate_fn=collate_pairs):
    print(xb, yb)
dl = DataLoader(ds, batch_size=3)
print(dl.batch_size, dl.drop_last, type(dl.sampler).__name__, type(dl.batch_sampler).__name__, dl.num_workers,
      dl.collate_fn.__name__, dl.pin_memory, dl.timeout, dl.prefetch_factor, dl.persistent_workers)

# %%
class Box:
    def __init__(self, v): self.v = v
attempt(lambda: default_collate([Box(1), Box(2)]))
default_collate_fn_map[Box] = lambda batch, *, collate_fn_map=None: torch.tensor([b.v * 10 for b in batch])
print(default_collate([Box(1), Box(2)]), default_collate([{'b': Box(3), 'x': 1.0}, {'b': Box(4), 'x': 2.0}]))
print(list(DataLoader([Box(i) for i in range(5)], batch_size=2)))
del default_collate_fn_map[Box]
attempt(lambda: default_collate([Box(1), Box(2)]))

# %%
attempt(lambda: default_collate([torch.ones(2).to_sparse()] * 2))
attempt(lambda: collate([1, 2]))
attempt(lambda: collate([[1, 2], [3, 4]], collate_fn_map={int: lambda b, *, collate_fn_map: sum(b)}))
attempt(lambda: collate([(1, 'a'), (2, 'b')], collate_fn_map={object: lambda b, *, collate_fn_map: list(b)}))
p = torch.nn.Parameter(torch.ones(2))
print(default_collate([p, p]))
print(C.default_collate is default_collate, C.np_str_obj_array_pattern.pattern, C.default_collate_err_msg_format)
print(collate_tensor_fn([torch.ones(1), torch.zeros(1)]), C.collate_float_fn([1.0, 2]), C.collate_int_fn([True, 3]))
print(C.collate_numpy_scalar_fn([np.float16(1.5)]), C.collate_numpy_array_fn([np.ones(2, np.int8)]), C.collate_str_fn(['a']))
print(default_collate([range(2), range(2)]))
attempt(lambda: default_collate([np.datetime64('2020'), np.datetime64('2021')]))
