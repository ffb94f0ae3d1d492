# Imitates the "Example::" blocks of PyTorch 2.13's "Random sampling" reference for normal (its four overloads:
# tensor mean and std, float mean, tensor mean only, size=), poisson, rand_like / randn_like / randint_like,
# randint and randperm, seeded, with the argument mistakes a learner makes and PyTorch's messages for them.
import torch

# %%
torch.manual_seed(0)
print(torch.normal(mean=torch.arange(1., 11.), std=torch.arange(1, 0, -0.1)))
print(torch.normal(mean=0.5, std=torch.arange(1., 6.)))
print(torch.normal(mean=torch.arange(1., 6.)))
print(torch.normal(2, 3, size=(1, 4)))
print(torch.normal(mean=torch.zeros(2, 2), std=1.0))
print(torch.normal(0.0, 1.0, (3,), dtype=torch.float64))
print(torch.normal(torch.zeros(3, dtype=torch.float64), torch.ones(3, dtype=torch.float64)))
torch.normal(mean=torch.ones(2), std=torch.ones(2, 1))

# %%
for bad in [lambda: torch.normal(2, 3),
            lambda: torch.normal(torch.zeros(2), torch.ones(3)),
            lambda: torch.normal(torch.zeros(2), -1.0),
            lambda: torch.normal(0., torch.tensor([-1.])),
            lambda: torch.normal(torch.zeros(2, dtype=torch.int64), 1.0),
            lambda: torch.normal(mean=torch.zeros(2), std=torch.ones(2), size=(2,)),
            lambda: torch.normal(0, 1, size=(2,), generator=torch.Generator().manual_seed(1)),
            lambda: torch.normal(torch.zeros(2), torch.ones(2, dtype=torch.float64)),
            lambda: torch.normal(torch.zeros(4), torch.ones(2, 2))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
rates = torch.rand(4, 4) * 5
print(rates)
print(torch.poisson(rates))
print(torch.poisson(torch.tensor([0., 1., 100.])))
print(torch.poisson(torch.tensor([2.0], dtype=torch.float64)))
for bad in [lambda: torch.poisson(torch.tensor([-1.])), lambda: torch.poisson(torch.tensor([1, 2]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
x = torch.empty(2, 3, dtype=torch.float64)
print(torch.rand_like(x), torch.randn_like(x))
print(torch.randint_like(x, 10), torch.randint_like(x, 3, 10))
i = torch.zeros(4, dtype=torch.int32)
print(torch.randint_like(i, 5), torch.rand_like(x, dtype=torch.float32))
print(torch.randint_like(i, low=-3, high=3))
print(torch.randn_like(torch.zeros(3), requires_grad=True))
for bad in [lambda: torch.rand_like(i), lambda: torch.randn_like(i), lambda: torch.randint_like(x, 5, 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
print(torch.randint(3, 5, (3,)))
print(torch.randint(10, (2, 2)))
print(torch.randint(3, 10, (2, 2)))
print(torch.randint(0, 2, (5,), dtype=torch.bool), torch.randint(0, 256, (4,), dtype=torch.uint8))
print(torch.randint(-5, 5, (2, 3), dtype=torch.float32))
print(torch.randint(low=0, high=3, size=(4,)), torch.randint(5, size=(3,)).dtype)
print(torch.randint(2**40, (2,)))
for bad in [lambda: torch.randint(5, 5, (2,)), lambda: torch.randint(3, (2.5,)),
            lambda: torch.randint(0, 300, (2,), dtype=torch.uint8), lambda: torch.randint(5),
            lambda: torch.randint(0, 10, 3), lambda: torch.randint(1.5, (2,))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
print(torch.randperm(4))
print(torch.randperm(10, dtype=torch.float32), torch.randperm(5, dtype=torch.int32))
print(torch.randperm(0), torch.randperm(1))
print(torch.randperm(20))
for bad in [lambda: torch.randperm(-1), lambda: torch.randperm(300, dtype=torch.int8),
            lambda: torch.randperm(3, dtype=torch.bool), lambda: torch.randperm(2.0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
