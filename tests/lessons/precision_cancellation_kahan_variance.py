# Imitates a numerical-precision lesson: float32 vs float64 cancellation, big sums of small numbers, naive vs two-pass variance, Kahan summation by hand, printoptions.
import torch

torch.manual_seed(0)

# %%
for dt in [torch.float16, torch.bfloat16, torch.float32, torch.float64]:
    eps = torch.finfo(dt).eps
    one = torch.tensor(1.0, dtype=dt)
    print(dt, eps, ((one + eps) - one).item(), ((one + eps / 2) - one).item(), (one + eps / 2 == one).item())

# %%
a = torch.tensor(1e8, dtype=torch.float32)
print(repr((a + 1) - a), repr(torch.tensor(1e8, dtype=torch.float64) + 1 - 1e8))
x = torch.tensor([0.1, 0.2, 0.3])
print((x[0] + x[1]).item(), float.hex((x[0] + x[1]).item()), float.hex(x[2].item()), (x[0] + x[1] == x[2]).item())
y = x.double()
print((y[0] + y[1]).item(), (y[0] + y[1] == y[2]).item(), float.hex(y[2].item()))

# %%
small = torch.full((1_000_000,), 0.1, dtype=torch.float32)
print(small.sum().item(), small.double().sum().item(), small.sum(dtype=torch.float64).item())
acc = torch.tensor(0.0)
for v in torch.full((10000,), 0.1):
    acc += v
print(acc.item(), float.hex(acc.item()))
print(torch.cumsum(torch.full((10000,), 0.1), 0)[-1].item())

# %%
def kahan(xs):
    s = torch.zeros((), dtype=xs.dtype)
    c = torch.zeros((), dtype=xs.dtype)
    for v in xs:
        yv = v - c
        t = s + yv
        c = (t - s) - yv
        s = t
    return s

vals = torch.full((5000,), 0.1)
naive = torch.zeros(())
for v in vals:
    naive = naive + v
print(naive.item(), kahan(vals).item(), vals.sum().item(), vals.double().sum().item())
print(float.hex(naive.item()), float.hex(kahan(vals).item()))

# %%
data = 1e4 + torch.randn(1000)
n = data.numel()
naive_var = (data.pow(2).sum() - data.sum() ** 2 / n) / (n - 1)
mean = data.mean()
two_pass = ((data - mean) ** 2).sum() / (n - 1)
print(naive_var.item(), two_pass.item(), torch.var(data).item(), data.double().var().item())
print(torch.var(data, unbiased=False).item(), torch.var(data, correction=0).item(), torch.std(data).item())
print(torch.var_mean(data), torch.std_mean(data, correction=0))

# %%
shifted = 1e8 + torch.tensor([4.0, 7.0, 13.0, 16.0], dtype=torch.float64)
print(shifted.var().item(), shifted.float().var().item(), (shifted.float() ** 2).mean() - shifted.float().mean() ** 2)

# %%
torch.set_printoptions(precision=10)
print(torch.tensor([1 / 3, 2 / 3, 0.1]))
print(torch.tensor([1 / 3, 2 / 3, 0.1], dtype=torch.float64))
print(torch.tensor([1.0 + 2 ** -23, 1e-8, 123456.789]))
print(torch.tensor([0.1], dtype=torch.float16), torch.tensor([0.1], dtype=torch.bfloat16))
torch.set_printoptions(profile="default")
print(torch.tensor([1 / 3, 2 / 3, 0.1]))

# %%
w = torch.tensor([1e8, 1.0, -1e8], requires_grad=True)
s = w.sum()
s.backward()
print(s, s.grad_fn.name(), w.grad)
d = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
out = (d + 1e-17) - d
out.backward()
print(out.item(), d.grad, out.grad_fn.name())
