# Imitates the device-selection helpers of current tutorials and course notebooks (PyTorch's "Quickstart" with
# torch.accelerator, Sebastian Raschka's LLMs-from-scratch get_device with the MPS branch, Hugging Face course
# cells with torch.xpu), run on a laptop without any accelerator: the branches, torch.mps / torch.xpu / torch.cpu
# calls, torch.cuda.device as a context, set_default_device / get_default_device, and moving models and tensors.
import torch
import torch.nn as nn

def get_device():
    if torch.cuda.is_available():
        return torch.device("cuda")
    elif torch.backends.mps.is_available():
        return torch.device("mps")
    elif hasattr(torch, "xpu") and torch.xpu.is_available():
        return torch.device("xpu")
    return torch.device("cpu")

device = get_device()
print(device, hasattr(torch, "mps"), hasattr(torch, "xpu"))
device2 = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"Using {device2} device", torch.accelerator.device_count())
print(torch.mps.is_available(), torch.mps.device_count(), torch.xpu.is_available(), torch.xpu.device_count())
print(torch.backends.mps.is_built(), torch.cpu.is_available(), torch.cpu.device_count(), torch.cpu.current_device())

# %%
torch.manual_seed(123)
torch.mps.manual_seed(123)
torch.xpu.manual_seed(123)
torch.xpu.manual_seed_all(123)
torch.xpu.empty_cache()
torch.cpu.synchronize()
print(torch.xpu.memory_allocated(), torch.xpu.is_bf16_supported())
for call in [torch.mps.empty_cache, torch.mps.synchronize, torch.mps.current_allocated_memory,
             torch.mps.driver_allocated_memory, torch.xpu.synchronize, torch.xpu.get_device_name,
             torch.accelerator.synchronize, torch.accelerator.current_device_index]:
    try:
        print(call.__name__, call())
    except Exception as e:
        print(call.__name__, type(e).__name__, e)

# %%
for make in [lambda: torch.cuda.device(0), lambda: torch.cuda.device("cuda:1"), lambda: torch.cuda.device("cpu"),
             lambda: torch.cuda.device(-1)]:
    try:
        ctx = make()
        with ctx:
            print("inside", ctx.idx)
    except Exception as e:
        print(type(e).__name__, e)

# %%
print(torch.get_default_device())
torch.set_default_device("cpu")
print(torch.get_default_device(), torch.zeros(2).device)
torch.set_default_device(torch.device("cpu"))
torch.set_default_device(None)
print(torch.get_default_device(), torch.empty(1).device)

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 1))
moved = model.to(device)
print(moved is model, next(model.parameters()).device, next(model.parameters()).is_cuda)
print(model.cpu() is model, model.to(torch.float64) is model, model[0].weight.dtype)
model = model.float()
x = torch.randn(2, 4).to(device)
print(x.device, x.get_device(), x.device.type == "cpu", str(x.device), x.is_cpu)
out = model(x)
print(out.device, out.grad_fn.name())
same = x.to(device)
print(same is x, x.to(device, copy=True) is x, x.to("cpu", torch.float32, False, True) is x)
y = x.to(out)
print(y is x, y.dtype)
print(torch.device(device) == x.device, torch.device("cpu", 0) == x.device, x.device.index)
print(torch.ones(2, device=device) + torch.ones(2, device="cpu"))
