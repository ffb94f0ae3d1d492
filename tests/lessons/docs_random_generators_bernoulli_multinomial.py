# Imitates the "Example::" blocks of PyTorch 2.13's "Random sampling" reference (manual_seed, initial_seed,
# get_rng_state / set_rng_state, torch.Generator, bernoulli, multinomial) run with a seed, as a learner checks that
# a saved RNG state replays the same numbers, passes its own Generator as generator=, and reads multinomial's
# errors (too many samples without replacement, negative or zero weights).
import torch

# %%
torch.manual_seed(0)
print(torch.initial_seed())
print(torch.rand(4))
print(torch.rand(2, 3))
print(torch.randn(4))
print(torch.randn(2, 3))
g = torch.manual_seed(42)
print(type(g), g.initial_seed())
torch.randint(3, 10, (5,))

# %%
torch.manual_seed(1)
state = torch.get_rng_state()
print(state.dtype, state.shape, state[:8])
a = torch.rand(3)
torch.set_rng_state(state)
b = torch.rand(3)
print(a, b, torch.equal(a, b))
s = torch.random.get_rng_state()
c = torch.randn(2)
torch.random.set_rng_state(s)
print(torch.equal(c, torch.randn(2)))
torch.random.manual_seed(7)
torch.random.initial_seed()

# %%
g = torch.Generator()
print(g.initial_seed() == 67280421310721)
g.manual_seed(2147483647)
print(g.initial_seed())
print(torch.rand(3, generator=g))
print(torch.randn(2, 2, generator=g))
print(torch.randint(0, 10, (4,), generator=g))
print(torch.randperm(6, generator=g))
st = g.get_state()
x = torch.rand(2, generator=g)
g.set_state(st)
print(torch.equal(x, torch.rand(2, generator=g)))
g2 = torch.Generator().manual_seed(3)
print(g2.device, g2.initial_seed())
g2

# %%
torch.manual_seed(0)
a = torch.empty(3, 3).uniform_(0, 1)
print(a)
print(torch.bernoulli(a))
a = torch.ones(3, 3)
print(torch.bernoulli(a))
a = torch.zeros(3, 3)
print(torch.bernoulli(a))
print(torch.bernoulli(torch.full((4,), 0.5), p=0.9) if False else torch.bernoulli(torch.full((4,), 0.5)))
print(torch.bernoulli(torch.tensor([0.2, 0.8], dtype=torch.float64)))
torch.bernoulli(torch.rand(2, 2), generator=torch.Generator().manual_seed(5))

# %%
torch.manual_seed(0)
weights = torch.tensor([0, 10, 3, 0], dtype=torch.float)
print(torch.multinomial(weights, 2))
print(torch.multinomial(weights, 4, replacement=True))
print(torch.multinomial(torch.tensor([[0.1, 0.9], [0.7, 0.3]]), 5, replacement=True))
print(torch.multinomial(torch.tensor([[1., 2., 3.], [3., 2., 1.]]), 2))
print(torch.multinomial(torch.tensor([1., 1., 1., 1., 1.]), 5))
try:
    torch.multinomial(weights, 4)
except Exception as e:
    print(type(e).__name__, e)
for bad in [lambda: torch.multinomial(torch.tensor([1., -1.]), 1),
            lambda: torch.multinomial(torch.tensor([0., 0.]), 1),
            lambda: torch.multinomial(torch.tensor([1, 2]), 1),
            lambda: torch.multinomial(torch.ones(2, 2, 2), 1),
            lambda: torch.multinomial(torch.tensor([1., float('inf')]), 1),
            lambda: torch.multinomial(torch.tensor([1., 2.]), 0),
            lambda: torch.multinomial(torch.tensor([1., 2.]), -1),
            lambda: torch.multinomial(torch.tensor([]), 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
