# Imitates the torch.func "UX Limitations" page and the vmap docs on randomness: random ops under
# randomness='error' / 'different' / 'same', dropout inside a vmapped model, in-place writes into a captured
# tensor, .item() and data-dependent control flow, and how to rewrite each one.
import torch
import torch.nn.functional as F
from torch.func import vmap
torch.manual_seed(0)

def add_noise(x):
    y = torch.randn(())  # different per element in 'different', one draw in 'same'
    return x + y

x = torch.zeros(4)
try:
    vmap(add_noise)(x)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(0)
print(vmap(add_noise, randomness="different")(x))
torch.manual_seed(0)
print(vmap(add_noise, randomness="same")(x))

# %%
# dropout in a vmapped function: same draws for every element, or per-element draws
def drop(x):
    return F.dropout(x, p=0.5, training=True)

ones = torch.ones(3, 6)
torch.manual_seed(1)
same = vmap(drop, randomness="same")(ones)
print(same)
print(bool((same[0] == same[1]).all()))
torch.manual_seed(1)
diff = vmap(drop, randomness="different")(ones)
print(diff.shape, diff.unique())
try:
    vmap(drop)(ones)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    vmap(drop, randomness="sometimes")(ones)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# randn_like / rand inside: shapes follow the per-element view
torch.manual_seed(2)
noisy = vmap(lambda t: t + 0.1 * torch.randn_like(t), randomness="different")(torch.zeros(2, 3))
print(noisy.shape)
torch.manual_seed(2)
print(vmap(lambda t: torch.rand(2) * t, randomness="same")(torch.tensor([1., 10.])))

# %%
# in-place into a tensor the function closes over: not allowed
def accumulate(x):
    y = torch.zeros(3)
    y.copy_(x)
    return y

def accumulate_ok(x):
    y = torch.zeros_like(x)
    y.copy_(x)
    return y

try:
    vmap(accumulate)(torch.ones(2, 3))
except RuntimeError as e:
    print(type(e).__name__, e)
print(vmap(accumulate_ok)(torch.ones(2, 3)))

def add_into(x):
    y = torch.ones(3)
    y.add_(x)
    return y

try:
    vmap(add_into)(torch.ones(2, 3))
except RuntimeError as e:
    print(type(e).__name__, e)
print(vmap(lambda x: x.clone().add_(1))(torch.ones(2, 3)))

# %%
# .item() and Python control flow on a batched value
def relu_item(x):
    if x.sum() > 0:
        return x
    return torch.zeros_like(x)

def relu_where(x):
    return torch.where(x.sum() > 0, x, torch.zeros_like(x))

batch = torch.tensor([[1., 2.], [-3., 1.], [0.5, -0.1]])
for fn in [relu_item, lambda x: x * x.max().item(), lambda x: x * float(x[0]), relu_where]:
    try:
        print(vmap(fn)(batch))
    except Exception as e:
        print(type(e).__name__, e)
