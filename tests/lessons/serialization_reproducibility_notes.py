# Imitates PyTorch's notes "Serialization semantics" and "Reproducibility": torch.save/torch.load of tensors and
# views sharing storage (io.BytesIO), saving a small view with its whole storage, state_dict round trips, weights_only
# loading and its errors, manual_seed, generator state save/restore, use_deterministic_algorithms.
import io
import collections
import torch
import torch.nn as nn

# %%
t = torch.tensor([1., 2.])
buf = io.BytesIO()
torch.save(t, buf)
buf.seek(0)
print(torch.load(buf))

# %%
numbers = torch.arange(1, 10)
evens = numbers[1::2]
buf = io.BytesIO()
torch.save([numbers, evens], buf)
buf.seek(0)
loaded_numbers, loaded_evens = torch.load(buf)
loaded_evens *= 2
print(loaded_numbers, loaded_evens, loaded_evens._base is None)
print(loaded_evens.untyped_storage().data_ptr() == loaded_numbers.untyped_storage().data_ptr())

# %%
large = torch.arange(1, 1000)
small = large[0:5]
b1, b2 = io.BytesIO(), io.BytesIO()
torch.save(small, b1)
torch.save(small.clone(), b2)
print(len(b1.getvalue()) > len(b2.getvalue()) + 5000)
b1.seek(0)
loaded_small = torch.load(b1)
print(loaded_small, loaded_small.untyped_storage().size(), loaded_small.storage_offset())
b2.seek(0)
print(torch.load(b2).untyped_storage().size())

# %%
bn = nn.BatchNorm1d(3, track_running_stats=True)
print(list(bn.named_parameters()))
print(list(bn.named_buffers()))
print(bn.state_dict())
buf = io.BytesIO()
torch.save(bn.state_dict(), buf)
buf.seek(0)
bn_state_dict = torch.load(buf)
new_bn = nn.BatchNorm1d(3, track_running_stats=True)
print(new_bn.load_state_dict(bn_state_dict))
print(type(bn_state_dict).__name__)

# %%
class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.l0 = nn.Linear(4, 2)
        self.l1 = nn.Linear(2, 1)

    def forward(self, input):
        out0 = self.l0(input)
        out0_relu = torch.nn.functional.relu(out0)
        return self.l1(out0_relu)

torch.manual_seed(0)
m = MyModule()
print(m.state_dict())
buf = io.BytesIO()
torch.save(m.state_dict(), buf)
buf.seek(0)
m_state_dict = torch.load(buf)
new_m = MyModule()
print(new_m.load_state_dict(m_state_dict))
print(all(torch.equal(a, b) for a, b in zip(m.state_dict().values(), new_m.state_dict().values())))

# %%
sd = m.state_dict()
sd["extra"] = torch.zeros(1)
try:
    new_m.load_state_dict(sd)
except RuntimeError as e:
    print(type(e).__name__, e)
print(new_m.load_state_dict(sd, strict=False))
del sd["extra"]
sd["l0.weight"] = torch.zeros(3, 4)
try:
    new_m.load_state_dict(sd)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
class Point:
    def __init__(self, x):
        self.x = x
buf = io.BytesIO()
torch.save({"p": Point(1), "t": torch.ones(2)}, buf)
buf.seek(0)
try:
    torch.load(buf, weights_only=True)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
buf.seek(0)
print(torch.load(buf, weights_only=False)["p"].x)
buf = io.BytesIO()
torch.save({"step": 3, "lr": 0.1, "names": ["a", "b"], "t": torch.ones(2), "od": collections.OrderedDict(a=1)}, buf)
buf.seek(0)
print(torch.load(buf, weights_only=True))

# %%
torch.manual_seed(0)
a = torch.rand(3)
torch.manual_seed(0)
b = torch.rand(3)
print(torch.equal(a, b), torch.initial_seed())
state = torch.get_rng_state()
c = torch.randn(2)
torch.set_rng_state(state)
d = torch.randn(2)
print(torch.equal(c, d), state.dtype, state.shape)

# %%
g = torch.Generator().manual_seed(42)
s = g.get_state()
x1 = torch.randint(0, 100, (5,), generator=g)
g.set_state(s)
x2 = torch.randint(0, 100, (5,), generator=g)
print(x1, x2, g.initial_seed())
g2 = torch.Generator()
g2.set_state(g.get_state())
print(torch.rand(2, generator=g), torch.rand(2, generator=g2))
print(torch.randperm(6, generator=torch.Generator().manual_seed(3)))

# %%
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
torch.use_deterministic_algorithms(True)
print(torch.are_deterministic_algorithms_enabled())
x = torch.zeros(5)
idx = torch.tensor([0, 1, 1, 3])
print(x.index_add(0, idx, torch.ones(4)), torch.zeros(3).scatter_add(0, torch.tensor([0, 0, 2]), torch.ones(3)))
torch.use_deterministic_algorithms(True, warn_only=True)
print(torch.is_deterministic_algorithms_warn_only_enabled())
torch.use_deterministic_algorithms(False)
print(torch.are_deterministic_algorithms_enabled(), torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark)
try:
    torch.use_deterministic_algorithms("yes")
except Exception as e:
    print(type(e).__name__, e)
print(torch.get_deterministic_debug_mode())
torch.set_deterministic_debug_mode("warn")
print(torch.get_deterministic_debug_mode(), torch.are_deterministic_algorithms_enabled())
torch.set_deterministic_debug_mode(0)

# %%
import random
import numpy as np
def seed_worker(worker_id):
    worker_seed = torch.initial_seed() % 2**32
    np.random.seed(worker_seed)
    random.seed(worker_seed)
g = torch.Generator()
g.manual_seed(0)
ds = torch.utils.data.TensorDataset(torch.arange(10))
loader = torch.utils.data.DataLoader(ds, batch_size=4, shuffle=True, worker_init_fn=seed_worker, generator=g)
print([b[0].tolist() for b in loader])
