# Imitates PyTorch's recipe "Automatic Mixed Precision" (recipes/recipes/amp_recipe.py) and the AMP examples page
# run on a laptop without CUDA: its timing helpers (empty_cache, reset_max_memory_allocated, synchronize,
# max_memory_allocated), the deprecated torch.cuda.amp.autocast / GradScaler with their warnings, the recommended
# torch.amp spellings with device_type='cpu' and bfloat16, GradScaler("cpu") scale / unscale_ / step / update with
# gradient clipping, its state_dict in a checkpoint, and inference under autocast.
import gc, time, warnings
import torch
import torch.nn as nn

device = "cuda" if torch.cuda.is_available() else "cpu"
print(device)

def start_timer():
    global start_time
    gc.collect()
    torch.cuda.empty_cache()
    torch.cuda.reset_max_memory_allocated()
    torch.cuda.synchronize()
    start_time = time.time()

try:
    start_timer()
except Exception as e:
    print(type(e).__name__, e)
print(torch.cuda.max_memory_allocated(), torch.cuda.memory_allocated(), torch.cuda.memory_reserved())
print(torch.cuda.memory_stats())
try:
    torch.cuda.synchronize()
except Exception as e:
    print(type(e).__name__, e)
torch.cpu.synchronize()

# %%
def make_model(in_size, out_size, num_layers):
    layers = []
    for _ in range(num_layers - 1):
        layers.append(torch.nn.Linear(in_size, in_size))
        layers.append(torch.nn.ReLU())
    layers.append(torch.nn.Linear(in_size, out_size))
    return torch.nn.Sequential(*tuple(layers)).to(device=device)

torch.manual_seed(0)
batch_size, in_size, out_size, num_layers, num_batches, epochs = 4, 8, 8, 3, 2, 2
data = [torch.randn(batch_size, in_size, device=device) for _ in range(num_batches)]
targets = [torch.randn(batch_size, out_size, device=device) for _ in range(num_batches)]
loss_fn = torch.nn.MSELoss().cuda() if torch.cuda.is_available() else torch.nn.MSELoss()
net = make_model(in_size, out_size, num_layers)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
print(net[0].weight.device, data[0].dtype)

# %%
use_amp = True
scaler = torch.cuda.amp.GradScaler(enabled=use_amp)
print(scaler.is_enabled(), scaler.get_scale())
with torch.cuda.amp.autocast(enabled=use_amp):
    output = net(data[0])
    print(output.dtype, torch.is_autocast_enabled())
scaler2 = torch.amp.GradScaler("cuda")
print(scaler2.is_enabled())
try:
    with torch.autocast(device_type="cuda", dtype=torch.float16):
        print(torch.is_autocast_enabled("cuda"), torch.is_autocast_enabled("cpu"))
except Exception as e:
    print(type(e).__name__, e)

# %%
scaler = torch.amp.GradScaler("cpu", init_scale=2.0 ** 8, growth_interval=2)
print(scaler.is_enabled(), scaler.get_scale(), scaler.get_growth_interval(), scaler.get_backoff_factor())
for epoch in range(epochs):
    for input, target in zip(data, targets):
        with torch.autocast(device_type=device, dtype=torch.bfloat16):
            output = net(input)
            loss = loss_fn(output, target)
        print(output.dtype, loss.dtype, end=" | ")
        scaler.scale(loss).backward()
        scaler.unscale_(opt)
        torch.nn.utils.clip_grad_norm_(net.parameters(), max_norm=0.1)
        scaler.step(opt)
        scaler.update()
        opt.zero_grad()
        print(f"loss {loss.item():.3f} scale {scaler.get_scale()}")

# %%
checkpoint = {"model": net.state_dict(), "optimizer": opt.state_dict(), "scaler": scaler.state_dict()}
print(checkpoint["scaler"])
scaler_b = torch.amp.GradScaler("cpu")
scaler_b.load_state_dict(checkpoint["scaler"])
print(scaler_b.get_scale(), scaler_b.state_dict())
with torch.no_grad(), torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    out = net(data[1])
print(out.dtype, out.float().sum().item() != 0)
with torch.autocast(device_type="cpu", enabled=False):
    print(net(data[1]).dtype)
try:
    scaler_b.unscale_(opt)
    scaler_b.unscale_(opt)
except Exception as e:
    print(type(e).__name__, e)
