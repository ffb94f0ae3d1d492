# Imitates the "utility" cells of GPU-first tutorials and repositories run on a laptop without CUDA: a set_seed
# helper (random, numpy, torch, torch.cuda.manual_seed_all, cudnn flags, use_deterministic_algorithms), the
# memory logging of training scripts (torch.cuda.memory_allocated / max_memory_allocated / memory_cached in MB),
# PyTorch-GAN's legacy `Tensor = torch.cuda.FloatTensor if cuda else torch.FloatTensor`, pin_memory in factories,
# tensor.pin_memory() and DataLoader(pin_memory=True), .to(device, non_blocking=True), and .cuda() mistakes.
import os, random, warnings
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

def set_seed(seed=42):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    os.environ["PYTHONHASHSEED"] = str(seed)

set_seed(0)
print(torch.rand(2), torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark)
torch.use_deterministic_algorithms(True)
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
torch.use_deterministic_algorithms(False)
for bad in ["abc", None]:
    try:
        torch.cuda.manual_seed_all(bad)
    except Exception as e:
        print(type(e).__name__, e)
torch.cuda.manual_seed(3.7)

# %%
def log_memory(tag):
    alloc = torch.cuda.memory_allocated() / 1024 ** 2
    peak = torch.cuda.max_memory_allocated() / 1024 ** 2
    reserved = torch.cuda.memory_reserved() / 2**20
    print(f"[{tag}] allocated {alloc:.1f} MB, peak {peak:.1f} MB, reserved {reserved:.1f} MB")

log_memory("start")
print(torch.cuda.memory_cached(), torch.cuda.max_memory_cached(), torch.cuda.max_memory_reserved())
for call in [torch.cuda.reset_peak_memory_stats, torch.cuda.memory_summary, torch.cuda.get_device_capability,
             torch.cuda.mem_get_info, torch.cuda.current_device, torch.cuda.get_device_name]:
    try:
        print(call())
    except Exception as e:
        print(call.__name__, type(e).__name__, e)
print(torch.cuda.get_arch_list(), torch.cuda.is_initialized(), torch.cuda.get_rng_state_all())
for dev in [0, -1, "cpu", "cuda", None]:
    try:
        print(torch.cuda.set_device(dev))
    except Exception as e:
        print(repr(dev), type(e).__name__, e)

# %%
cuda = True if torch.cuda.is_available() else False
Tensor = torch.cuda.FloatTensor if cuda else torch.FloatTensor
print(Tensor, torch.cuda.FloatTensor, torch.cuda.LongTensor)
valid = Tensor(3, 1).fill_(1.0)
fake = Tensor(3, 1).fill_(0.0)
print(valid.t(), fake.dtype, valid.type())
print(isinstance(valid, torch.FloatTensor), isinstance(valid, torch.cuda.FloatTensor))
for call in [lambda: torch.cuda.FloatTensor(3, 1), lambda: torch.cuda.LongTensor([1, 2]),
             lambda: valid.type(torch.cuda.FloatTensor), lambda: valid.type("torch.cuda.LongTensor"),
             lambda: valid.type("torch.DoubleTensor").dtype,
             lambda: torch.set_default_tensor_type(torch.cuda.FloatTensor)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, str(e)[:90])

# %%
for call in [lambda: torch.zeros(2, 3, pin_memory=True), lambda: torch.empty(4, pin_memory=True),
             lambda: torch.tensor([1.0, 2.0], pin_memory=True), lambda: torch.randn(2, pin_memory=True),
             lambda: torch.ones(2, pin_memory=False), lambda: torch.arange(3, pin_memory=True),
             lambda: torch.zeros_like(torch.ones(2), pin_memory=True), lambda: torch.zeros(2, pin_memory="yes"),
             lambda: torch.ones(2).pin_memory(), lambda: torch.ones(2).is_pinned()]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
ds = TensorDataset(torch.randn(6, 3), torch.arange(6) % 2)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loader = DataLoader(ds, batch_size=4, shuffle=False, pin_memory=True)
    batches = list(loader)
print([str(w.message) for w in caught])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = nn.Linear(3, 2)
print(model.to(device) is model, model.cpu() is model)
for X, y in batches:
    X, y = X.to(device, non_blocking=True), y.to(device, non_blocking=True)
    print(X.shape, y, X.device, X.is_cuda, X.is_pinned(), model(X).shape)
x = batches[0][0]
print(x.to("cpu") is x, x.cpu() is x, x.to(device, copy=True) is x, x.to(x) is x, x.to(torch.float64).dtype)
for call in [lambda: x.cuda(), lambda: x.to("cuda", non_blocking=True), lambda: model.cuda(),
             lambda: torch.zeros(2, device="cuda"), lambda: x.cuda(0), lambda: torch.ones(1).to("cuda:1")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
