# Imitates a mixed-precision lesson: float16 overflow / underflow in a training step, loss scaling by hand like GradScaler, isfinite and nan_to_num, bfloat16 vs float16 rounding, integer wraparound.
import torch

torch.manual_seed(0)

# %%
h = torch.tensor([65504.0, 65519.0, 65520.0, 1e5, -7e4], dtype=torch.float16)
print(h, torch.isfinite(h), torch.isinf(h))
print(torch.tensor(300.0, dtype=torch.float16) * 300, torch.tensor([1e-4], dtype=torch.float16) ** 2)
print(torch.tensor([1e-7, 5.96e-8, 2.9e-8, 2.99e-8], dtype=torch.float16).tolist())

# %%
vals = torch.tensor([0.1, 1 / 3, 1000.1, 3.14159265, 1e-5, 65536.0, 1e38, 300.3])
print(vals.half(), vals.bfloat16())
print(vals.half().float().tolist())
print(vals.bfloat16().float().tolist())
print((vals.half().float() - vals).abs().tolist())
print((vals.bfloat16().float() - vals).abs().tolist())
print(torch.tensor(256.0, dtype=torch.bfloat16) + 1, torch.tensor(2048.0, dtype=torch.float16) + 1)

# %%
model = torch.nn.Linear(4, 1).half()
x = torch.randn(8, 4).half()
y = torch.randn(8, 1).half()
loss = ((model(x) - y) ** 2).mean()
print(loss, loss.dtype, loss.grad_fn.name())
(loss * 1e-6).backward()
print(model.weight.grad)
model.zero_grad()

# %%
w = torch.randn(4, 1, dtype=torch.float16, requires_grad=True)
master = w.detach().float().clone()
scale = 65536.0
for step in range(4):
    out = (x @ w).float()
    l = ((out - y.float()) ** 2).mean()
    (l * scale).backward()
    g = w.grad.float() / scale
    finite = torch.isfinite(g).all().item()
    print(step, l.item(), finite, w.grad.abs().max().item())
    if finite:
        master -= 0.1 * g
        w.data.copy_(master.half())
    else:
        scale /= 2
    w.grad = None
print(scale, master.flatten().tolist())

# %%
tiny_g = torch.tensor([1e-8, 3e-5, 1e-3])
print(tiny_g.half(), (tiny_g * 1024).half(), ((tiny_g * 1024).half().float() / 1024).tolist())

# %%
bad = torch.tensor([float("nan"), float("inf"), -float("inf"), 1.5])
print(torch.nan_to_num(bad), torch.nan_to_num(bad, nan=0.0, posinf=1e4, neginf=-1e4))
print(torch.nan_to_num(bad.half()), torch.nan_to_num(bad.bfloat16()), torch.nan_to_num(bad.double()))
b = bad.clone().requires_grad_()
r = torch.nan_to_num(b, nan=0.0)
r.sum().backward()
print(r.grad_fn.name(), b.grad)
print(torch.isfinite(torch.tensor([1, 2])), torch.isnan(bad), bad.isfinite().all())

# %%
i8 = torch.tensor([120, 127, -128], dtype=torch.int8)
print(i8 + 10, i8 * 2, -i8, i8 - 1)
print(torch.tensor([100], dtype=torch.int8) * torch.tensor([3], dtype=torch.int8))
i32 = torch.tensor([2 ** 31 - 1], dtype=torch.int32)
print(i32 + 1, i32 * 2, torch.iinfo(torch.int32).max + 1)
u8 = torch.tensor([250, 5], dtype=torch.uint8)
print(u8 + 10, u8 - 10, u8 * 2)
print(torch.tensor([200], dtype=torch.uint8).to(torch.int8), torch.tensor([300, -1]).to(torch.uint8), torch.tensor([3e9]).to(torch.int32).dtype)
print(torch.arange(120, 130, dtype=torch.int8).sum(), torch.arange(120, 130, dtype=torch.int8).sum().dtype, torch.arange(120, 130, dtype=torch.int8).cumsum(0))
print(i8 + 1000)
