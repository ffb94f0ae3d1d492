"""What the hundred-and-seventy-fifth probe (torch.utils.data's reference and tutorials: d2l's load_array, the
"Datasets & DataLoaders" tutorial, samplers, default_collate) found, each checked against PyTorch:
torch.utils.data._utils.collate (collate with a collate_fn_map, default_collate_fn_map, which default_collate reads,
so that registering a type extends it, as collate's docstring example does; the per-type collate functions; sparse
tensors refused) and torch.utils.data.distributed.DistributedSampler (also torch.utils.data.DistributedSampler):
num_replicas / rank given, every rank's share of one permutation seeded with seed + epoch, padding, drop_last, and
PyTorch's errors for a bad rank and for no process group."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "collate_with_a_collate_fn_map": [
        ATTEMPT + '''from torch.utils.data._utils.collate import collate, default_collate_fn_map
from torch.utils.data import default_collate, DataLoader
class CustomType:
    def __init__(self, v):
        self.v = v
def collate_customtype_fn(batch, *, collate_fn_map=None):
    return torch.tensor([b.v for b in batch]) * 10
custom = {**default_collate_fn_map, CustomType: collate_customtype_fn}
print(collate([CustomType(1), CustomType(2)], collate_fn_map=custom))
print(collate([(CustomType(1), 2.0, "a"), (CustomType(3), 4.0, "b")], collate_fn_map=custom))
print(collate([{"c": CustomType(5), "n": [1, 2]}, {"c": CustomType(6), "n": [3, 4]}], collate_fn_map=custom))
cat = lambda batch, *, collate_fn_map=None: torch.cat(batch)
print(collate([torch.ones(2), torch.zeros(1)], collate_fn_map={torch.Tensor: cat}))
print(collate([[1, 2], [3, 4]], collate_fn_map={int: lambda b, *, collate_fn_map: sum(b)}))
print(collate([(1, "a"), (2, "b")], collate_fn_map={object: lambda b, *, collate_fn_map: list(b)}))
attempt(lambda: collate([1, 2]))
attempt(lambda: collate([CustomType(1)], collate_fn_map=default_collate_fn_map))
print(sorted(k.__name__ if isinstance(k, type) else "+".join(t.__name__ for t in k) for k in default_collate_fn_map))
''',
        ATTEMPT + '''from torch.utils.data._utils.collate import default_collate_fn_map
from torch.utils.data import default_collate, DataLoader
class Box:
    def __init__(self, v):
        self.v = v
attempt(lambda: default_collate([Box(1), Box(2)]))
default_collate_fn_map.update({Box: lambda batch, *, collate_fn_map=None: torch.tensor([b.v for b in batch])})
try:
    print(default_collate([Box(1), Box(2)]), default_collate([{"b": Box(3), "x": 1.0}, {"b": Box(4), "x": 2.0}]))
    print(list(DataLoader([Box(i) for i in range(5)], batch_size=2)))
finally:
    del default_collate_fn_map[Box]
attempt(lambda: default_collate([Box(1), Box(2)]))
''',
        ATTEMPT + '''import numpy as np
import torch.utils.data._utils.collate as C
from torch.utils.data import default_collate, default_convert
print(C.default_collate is default_collate, C.default_convert is default_convert, C.collate.__module__)
print(C.np_str_obj_array_pattern.pattern, C.default_collate_err_msg_format)
print(C.collate_tensor_fn([torch.ones(1), torch.zeros(1)]), C.collate_float_fn([1.0, 2]), C.collate_int_fn([True, 3]))
print(C.collate_numpy_scalar_fn([np.float16(1.5)]), C.collate_numpy_array_fn([np.ones(2, np.int8)]))
print(C.collate_str_fn(["a"]), default_collate([range(2), range(2)]))
attempt(lambda: C.collate_numpy_array_fn([np.array(["a"])]))
attempt(lambda: default_collate([torch.ones(2).to_sparse()] * 2))
attempt(lambda: default_collate([torch.eye(2).to_sparse_csr()] * 2))
attempt(lambda: default_collate([np.datetime64("2020"), np.datetime64("2021")]))
import torch.utils.data._utils
print(torch.utils.data._utils.collate is C)
''',
    ],
    "distributed_sampler": [
        ATTEMPT + '''from torch.utils.data import DataLoader, TensorDataset, DistributedSampler
import torch.utils.data.distributed
print(torch.utils.data.distributed.DistributedSampler is DistributedSampler, DistributedSampler.__module__)
s = DistributedSampler(range(10), num_replicas=3, rank=1, shuffle=False)
print(list(s), len(s), s.total_size, s.num_samples, s.epoch, s.seed, s.shuffle, s.drop_last)
ds = TensorDataset(torch.arange(10))
for rank in range(3):
    s = DistributedSampler(ds, num_replicas=3, rank=rank, seed=1)
    for epoch in range(2):
        s.set_epoch(epoch)
        print(rank, epoch, [b[0].tolist() for b in DataLoader(ds, batch_size=2, sampler=s)])
print(list(DistributedSampler(range(10), num_replicas=3, rank=0, drop_last=True)))
print(list(DistributedSampler(range(2), num_replicas=5, rank=4, shuffle=False)), len(DistributedSampler(range(2), 5, 4)))
print(list(DistributedSampler(range(7), num_replicas=2, rank=1, seed=4)))
attempt(lambda: list(DistributedSampler(range(2), num_replicas=5, rank=4, drop_last=True)))
attempt(lambda: DistributedSampler(range(10), num_replicas=2, rank=2))
attempt(lambda: DistributedSampler(range(3), num_replicas=2, rank=-1))
attempt(lambda: DistributedSampler(range(3), num_replicas=2))
attempt(lambda: DistributedSampler(range(3)))
attempt(lambda: DataLoader(range(4), sampler=DistributedSampler(range(4), 2, 0), shuffle=True))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe175_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
