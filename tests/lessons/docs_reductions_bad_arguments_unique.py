# Imitates a learner going through the "Example::" blocks of PyTorch 2.13's "Reduction Ops" reference (torch.unique
# with sorted/return_inverse/return_counts/dim, aminmax, amax/amin, argmax, logsumexp, nanmean/nansum, mode, median,
# quantile/nanquantile, std_mean/var_mean, count_nonzero), then changing one argument at a time to see PyTorch's
# error message for a wrong one; each error is caught and printed as `type: message`.
import torch


def show(make):
    try:
        out = make()
        print(out.dtype if isinstance(out, torch.Tensor) else type(out).__name__, out)
    except Exception as e:
        print(type(e).__name__, e)


# %%
t = torch.tensor([[1, 3], [2, 3], [1, 3]])
show(lambda: torch.unique(t, sorted=False))
show(lambda: torch.unique(t, return_inverse=True, return_counts=True))
show(lambda: torch.unique(t, dim=0, return_inverse=True, return_counts=True))
show(lambda: torch.unique(t, dim=1, return_counts=True))
show(lambda: torch.unique(t, dim=2))
show(lambda: torch.unique(torch.tensor([]), return_inverse=True))
show(lambda: torch.unique(torch.empty(0, 2), dim=0, return_counts=True))
show(lambda: torch.unique(torch.empty(2, 0), dim=0))
show(lambda: torch.unique(torch.tensor([True, False, True]), return_counts=True))
show(lambda: torch.unique(torch.tensor([1.5, -0.0, 0.0, 1.5])))
show(lambda: t.unique(dim=-1))
show(lambda: torch.unique(torch.tensor(3)))
show(lambda: torch.unique(torch.tensor(3), dim=0))

# %%
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
u = torch.unique(x)
print(u, u.requires_grad, u.grad_fn)
try:
    torch.unique(x).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
show(lambda: torch.unique(torch.tensor([1 + 1j, 1 + 1j])))
show(lambda: torch.unique_consecutive(torch.tensor([1 + 1j, 1 + 1j])))

# %%
a = torch.tensor([[1., 2.], [3., 4.]])
show(lambda: torch.aminmax(a, dim=2))
show(lambda: torch.aminmax(torch.empty(0, 3), dim=1))
show(lambda: torch.aminmax(torch.empty(0, 3), dim=0))
show(lambda: torch.amax(a, dim=(0, 0)))
show(lambda: torch.amin(torch.empty(0, 3), dim=0))
show(lambda: torch.amax(torch.empty(0, 3), dim=1))
show(lambda: torch.amax(torch.tensor([1 + 1j])))
show(lambda: torch.argmax(a, dim=3))
show(lambda: torch.argmax(torch.empty(0, 3), dim=1))
show(lambda: torch.argmax(torch.empty(0, 3), dim=0))
show(lambda: torch.argmin(torch.tensor([1 + 1j, 2])))
show(lambda: torch.max(a, dim=(0, 1)))

# %%
show(lambda: torch.logsumexp(a, dim=(0, 0)))
show(lambda: torch.logsumexp(a, dim=2))
show(lambda: torch.logsumexp(torch.tensor([True, False]), 0))
show(lambda: torch.nanmean(torch.tensor([1, 2])))
show(lambda: torch.nanmean(a, dim=1, dtype=torch.int64))
show(lambda: torch.nansum(torch.tensor([1 + 1j])))
show(lambda: torch.nansum(a, dim=5))
show(lambda: torch.nansum(torch.tensor([True, True])))
show(lambda: torch.nanmedian(torch.tensor([1 + 1j])))
show(lambda: torch.median(torch.empty(0)))
show(lambda: torch.median(torch.empty(0, 3), dim=0))
show(lambda: torch.median(torch.empty(0, 3), dim=1))
show(lambda: torch.mode(torch.empty(0, 3), dim=1))
show(lambda: torch.mode(torch.empty(0, 3), dim=0))
show(lambda: torch.mode(torch.tensor([1 + 1j])))

# %%
a = torch.arange(4.)
show(lambda: torch.quantile(a, -0.1))
show(lambda: torch.quantile(a, torch.tensor([[0.5]])))
show(lambda: torch.quantile(a, torch.tensor([0.5, 1.5])))
show(lambda: torch.quantile(a, 0.5, dim=1))
show(lambda: torch.quantile(torch.empty(0), 0.5))
show(lambda: torch.quantile(torch.empty(0, 2), 0.5, dim=0))
show(lambda: torch.quantile(a.double(), 0.5))
show(lambda: torch.quantile(a.double(), torch.tensor(0.5)))
show(lambda: torch.nanquantile(a, 0.5, interpolation='Linear'))
show(lambda: torch.nanquantile(torch.tensor([1, 2]), 0.5))
show(lambda: torch.quantile(a, [0.5]))
show(lambda: torch.quantile(a, 0.5, keepdim=True))

# %%
a = torch.tensor([[1., 2.], [3., 4.]])
show(lambda: torch.std_mean(a, dim=1, correction=2))
show(lambda: torch.var_mean(a, unbiased=True, correction=1))
show(lambda: torch.std_mean(torch.tensor([1, 2])))
show(lambda: torch.var_mean(a, dim=3))
show(lambda: torch.var_mean(torch.empty(0)))
show(lambda: torch.std(a, dim=1, correction=0.5))
show(lambda: torch.var(a, correction=-1))
show(lambda: torch.count_nonzero(a, dim=(0, 0)))
show(lambda: torch.count_nonzero(a, dim=2))
show(lambda: torch.count_nonzero(a, dim=[]))
