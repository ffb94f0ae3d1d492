# Imitates "automatic mixed precision" recipes run on CPU: torch.autocast("cpu", dtype=torch.bfloat16), which ops
# run in lower precision, nested autocast, GradScaler on CPU, and half/bfloat16 tensors printed.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4))
x = torch.randn(4, 8)
with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    out = model(x)
    print(out.dtype, torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"))
    loss = nn.functional.cross_entropy(out, torch.tensor([0, 1, 2, 3]))
    print(loss.dtype)
    s = out.softmax(-1)
    print(s.dtype, (out + 1).dtype, torch.mm(x, x.T).dtype)
print(out)
loss.backward()
print(model[0].weight.grad.dtype, model[0].weight.grad[0, :4])

# %%
with torch.autocast("cpu"):
    a = torch.randn(3, 3)
    print(torch.matmul(a, a).dtype, torch.get_autocast_dtype("cpu"))
    with torch.autocast("cpu", enabled=False):
        print(torch.matmul(a, a).dtype)
print(torch.is_autocast_enabled("cpu"))

@torch.autocast("cpu", dtype=torch.bfloat16)
def f(a, b):
    return a @ b
print(f(torch.ones(2, 2), torch.ones(2, 2)).dtype)

# %%
scaler = torch.amp.GradScaler("cpu")
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(2):
    opt.zero_grad()
    with torch.autocast("cpu", dtype=torch.bfloat16):
        loss = nn.functional.mse_loss(model(x), torch.zeros(4, 4))
    scaler.scale(loss).backward()
    scaler.unscale_(opt)
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    scaler.step(opt)
    scaler.update()
print(scaler.get_scale(), loss.dtype, round(loss.item(), 3))

# %%
h = torch.tensor([1.0, 2.5, 1e-3, 70000.0]).half()
bf = torch.tensor([1.0, 2.5, 1e-3, 70000.0]).bfloat16()
print(h, bf)
print(h.float(), bf.float(), h + bf)
print(torch.finfo(torch.bfloat16), torch.finfo(torch.float16).max)
print(torch.ones(2, dtype=torch.bfloat16) / 3, (torch.ones(2, dtype=torch.half) * 1000) ** 2)
