# Imitates GeeksforGeeks' "Tensor manipulation in PyTorch" / "How to reshape / index / slice tensors" articles:
# torch.numel, torch.reshape, torch.chunk, torch.narrow, torch.t, torch.index_select, torch.masked_fill,
# torch.where, torch.clamp, torch.flatten, torch.squeeze/unsqueeze, each with its printout, a gradient through it
# and the error a reader meets when the arguments are off.
import torch

# %%
torch.manual_seed(0)
a = torch.randn(1, 2, 3, 4, 5)
print(torch.numel(a), a.numel(), a.nelement())
a = torch.zeros(4, 4)
print(torch.numel(a))
print(torch.numel(torch.tensor(3.)), torch.tensor([]).numel())
try:
    torch.numel([1, 2, 3])
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.arange(4.)
print(torch.reshape(a, (2, 2)))
b = torch.tensor([[0, 1], [2, 3]])
print(torch.reshape(b, (-1,)))
print(torch.reshape(b, [4, 1]), b.reshape(1, -1), b.reshape(-1).shape)
for bad in [lambda: torch.reshape(a, (3, -1)), lambda: torch.reshape(a, (-1, -1)), lambda: a.reshape(5),
            lambda: torch.reshape(a, (2, 2), 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
t = torch.arange(11)
print(torch.chunk(t, 6))
print(t.chunk(4))
print(torch.arange(12).chunk(6))
print(torch.arange(13).reshape(13, 1).chunk(6, dim=0)[-1])
print(torch.chunk(torch.arange(6).view(2, 3), 2, dim=1))
print(torch.chunk(torch.arange(2), 5))
for bad in [lambda: torch.chunk(t, 0), lambda: torch.chunk(t, 2, dim=1), lambda: torch.chunk(torch.tensor(1), 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(torch.narrow(x, 0, 0, 2))
print(torch.narrow(x, 1, 1, 2))
print(torch.narrow(x, -1, torch.tensor(1), 2))
print(x.narrow(0, -1, 1))
for bad in [lambda: torch.narrow(x, 0, 2, 2), lambda: torch.narrow(x, 2, 0, 1), lambda: x.narrow(0, 4, 0),
            lambda: x.narrow(0, 0, -1), lambda: x.narrow(0, -4, 1), lambda: x.narrow(0, 1.0, 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.randn(())
print(torch.t(x).shape)
x = torch.randn(3)
print(torch.t(x).shape, torch.t(x) is x)
x = torch.arange(6.).reshape(2, 3)
print(torch.t(x), x.t().is_contiguous(), x.t_().shape, x.shape)
try:
    torch.t(torch.zeros(2, 3, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(2, 3, 4).t_()
except Exception as e:
    print(type(e).__name__, e)

# %%
x = torch.arange(12.).reshape(3, 4)
indices = torch.tensor([0, 2])
print(torch.index_select(x, 0, indices))
print(torch.index_select(x, 1, indices))
print(x.index_select(-1, torch.tensor([3, 3, 0])), torch.index_select(x, 0, torch.tensor(1)))
for bad in [lambda: torch.index_select(x, 0, torch.tensor([0., 2.])), lambda: torch.index_select(x, 0, torch.tensor([3])),
            lambda: torch.index_select(x, 0, torch.tensor([[0, 1]])), lambda: torch.index_select(x, 2, indices),
            lambda: torch.index_select(x, 0, [0, 2])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.arange(6.).reshape(2, 3)
mask = x > 2
print(mask)
print(torch.masked_fill(x, mask, -1.0))
print(x.masked_fill(mask, float('-inf')), x.masked_fill(~mask, torch.tensor(0.5)))
print(x.masked_fill(torch.tensor([True, False, True]), 9))
print(torch.arange(6).reshape(2, 3).masked_fill(mask, 2.7))
for bad in [lambda: x.masked_fill(mask.int(), 0.), lambda: x.masked_fill(mask, torch.ones(2)),
            lambda: x.masked_fill(torch.tensor([True, False]), 0.), lambda: x.masked_fill_(mask[:1].expand(3, 3), 0.),
            lambda: x.masked_fill(mask, 'a')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
x = torch.randn(3, 2)
y = torch.ones(3, 2)
print(torch.where(x > 0, 1.0, 0.0))
print(torch.where(x > 0, x, y).shape, torch.where(x > 0, 2, 0).dtype, torch.where(x > 0, x, 0).dtype)
print(torch.where(x > 0, torch.tensor(1, dtype=torch.float64), 0.0).dtype)
print(torch.where(torch.tensor([[0, 1], [1, 0]])))
print(torch.where(torch.tensor([1.0, 0.0, 2.0])))
w = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
torch.where(w > 0, w ** 2, -w).sum().backward()
print(w.grad)
for bad in [lambda: torch.where(x, x, y), lambda: torch.where(x > 0, x, torch.ones(2, 3)),
            lambda: torch.where(x > 0, x), lambda: torch.where(x > 0, x, y.double())]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
a = torch.linspace(-1, 1, 5)
print(torch.clamp(a, min=-0.5, max=0.5))
print(torch.clamp(a, min=0.5), a.clamp(max=0), a.clamp(0.2, -0.2))
print(torch.clamp(torch.arange(5), min=1.5), torch.clamp(torch.arange(5), max=torch.tensor(2)))
print(torch.clamp(a, min=torch.tensor([0., 0., 0., 0.5, 0.5])), a.clip(-0.1, 0.1))
w = torch.linspace(-1, 1, 5, requires_grad=True)
w.clamp(-0.5, 0.5).sum().backward()
print(w.grad)
try:
    torch.clamp(a)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.clamp(a, min='0')
except Exception as e:
    print(type(e).__name__, e)

# %%
t = torch.tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
print(torch.flatten(t))
print(torch.flatten(t, start_dim=1), t.flatten(0, 1).shape, t.flatten(-2).shape)
print(torch.flatten(torch.tensor(3)), torch.flatten(torch.tensor(3)).shape)
for bad in [lambda: t.flatten(2, 1), lambda: t.flatten(3), lambda: t.flatten(start_dim=0, end_dim=-4)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.zeros(2, 1, 2, 1, 2)
print(x.size())
y = torch.squeeze(x)
print(y.size())
y = torch.squeeze(x, 0)
print(y.size())
y = torch.squeeze(x, 1)
print(y.size())
y = torch.squeeze(x, (1, 2, 3))
print(y.size())
print(torch.squeeze(torch.zeros(1)).shape, torch.zeros(1, 1).squeeze(-1).shape)
x = torch.tensor([1, 2, 3, 4])
print(torch.unsqueeze(x, 0))
print(torch.unsqueeze(x, 1))
print(x.unsqueeze(-1).shape, x.unsqueeze(-2).shape, x[None, :, None].shape)
for bad in [lambda: x.unsqueeze(2), lambda: x.unsqueeze(-3), lambda: torch.squeeze(torch.zeros(2, 1), 2),
            lambda: torch.zeros(2, 1).squeeze((0, 0)), lambda: torch.unsqueeze(x)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
