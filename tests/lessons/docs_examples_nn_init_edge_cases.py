# Imitates the Examples blocks of the PyTorch documentation page for torch.nn.init (uniform_, normal_, constant_,
# ones_, zeros_, eye_, dirac_, xavier_*, kaiming_* with mode/nonlinearity, trunc_normal_, orthogonal_, sparse_,
# calculate_gain) typed by a learner, then pushed as a lesson does: seeded draws in several dtypes, a generator=,
# groups for dirac_, the gains, and the errors and warnings for wrong shapes and arguments.
import math
import torch
import torch.nn as nn

torch.manual_seed(0)

# %%
w = torch.empty(3, 5)
print(nn.init.uniform_(w))
print(nn.init.uniform_(w, a=-0.5, b=0.5))
print(nn.init.normal_(w))
print(nn.init.normal_(w, mean=1.0, std=0.1))
print(nn.init.constant_(w, 0.3))
print(nn.init.ones_(w), nn.init.zeros_(w))
print(nn.init.eye_(w))

# %%
g = torch.Generator().manual_seed(42)
w = torch.empty(2, 4, dtype=torch.float64)
print(nn.init.uniform_(w, generator=g))
print(nn.init.normal_(w, generator=g))
print(nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain('relu'), generator=g))
print(nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu', generator=g))
print(nn.init.trunc_normal_(w, a=-1.0, b=1.0, generator=g))
print(nn.init.orthogonal_(w, generator=g))

# %%
for nl in ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d',
           'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu']:
    print(nl, nn.init.calculate_gain(nl))
print(nn.init.calculate_gain('leaky_relu', 0.2), nn.init.calculate_gain('leaky_relu', 1))
for args in [('gelu',), ('leaky_relu', True), ('leaky_relu', 'x'), ('leaky_relu', None), ('tanh', 3)]:
    try:
        print(args, nn.init.calculate_gain(*args))
    except Exception as e:
        print(type(e).__name__, e)

# %%
w = torch.empty(3, 5)
print(nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain('relu')))
print(nn.init.xavier_normal_(w))
print(nn.init.kaiming_uniform_(w, mode='fan_in', nonlinearity='relu'))
print(nn.init.kaiming_uniform_(w, a=math.sqrt(5)))
print(nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='leaky_relu'))
print(nn.init.trunc_normal_(w))
print(nn.init.trunc_normal_(w, mean=0.5, std=2.0, a=0.0, b=1.0))
print(nn.init.orthogonal_(w))
q = nn.init.orthogonal_(torch.empty(5, 3), gain=2.0)
print(q.shape, torch.allclose(q.T @ q, 4 * torch.eye(3), atol=1e-5))
print(nn.init.sparse_(w, sparsity=0.1))
print(nn.init.sparse_(torch.empty(4, 2), sparsity=0.5, std=0.5))

# %%
conv = torch.empty(3, 16, 5, 5)
nn.init.xavier_normal_(conv)
print(conv.std().item() < 1, conv.shape)
w = torch.empty(4, 2, 3)
print(nn.init.dirac_(w))
print(nn.init.dirac_(torch.empty(6, 2, 3), groups=3))
w5 = torch.empty(2, 2, 1, 3, 3)
print(nn.init.dirac_(w5)[1, 1])
print(nn.init.kaiming_uniform_(torch.empty(2, 3, 2), mode='fan_out').shape)

# %%
def attempt(f):
    try:
        r = f()
        print('ok', r.shape if hasattr(r, 'shape') else r)
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: nn.init.xavier_uniform_(torch.empty(5)))
attempt(lambda: nn.init.kaiming_normal_(torch.empty(5)))
attempt(lambda: nn.init.kaiming_normal_(torch.empty(3, 5), mode='fan_avg'))
attempt(lambda: nn.init.kaiming_uniform_(torch.empty(3, 5), nonlinearity='swish'))
attempt(lambda: nn.init.eye_(torch.empty(2, 3, 4)))
attempt(lambda: nn.init.dirac_(torch.empty(3, 4)))
attempt(lambda: nn.init.dirac_(torch.empty(5, 2, 3), groups=2))
attempt(lambda: nn.init.orthogonal_(torch.empty(4)))
attempt(lambda: nn.init.sparse_(torch.empty(2, 3, 4), sparsity=0.1))
attempt(lambda: nn.init.uniform_(torch.empty(2, 2, dtype=torch.int64)))
attempt(lambda: nn.init.normal_(torch.empty(2, 2, dtype=torch.int64)))
attempt(lambda: nn.init.constant_(torch.empty(2, 2, dtype=torch.int64), 3))
attempt(lambda: nn.init.normal_(torch.empty(2, 2), std=-1.0))
attempt(lambda: nn.init.uniform_(torch.empty(2, 2), a=1.0, b=0.0))
attempt(lambda: nn.init.xavier_uniform_(torch.empty(0, 3)))
attempt(lambda: nn.init.kaiming_uniform_(torch.empty(0, 3)))
attempt(lambda: nn.init.kaiming_normal_(torch.empty(3, 0)))

# %%
p = nn.Parameter(torch.empty(2, 3))
out = nn.init.normal_(p)
print(out is p, p.requires_grad, p.grad_fn, type(out).__name__)
lin = nn.Linear(4, 3)
nn.init.zeros_(lin.bias); nn.init.xavier_uniform_(lin.weight)
print(lin.weight, lin.bias)
h = torch.empty(3, 3, dtype=torch.float16)
print(nn.init.uniform_(h), nn.init.normal_(h), nn.init.trunc_normal_(h))
b = torch.empty(2, 3, dtype=torch.bfloat16)
print(nn.init.xavier_normal_(b), nn.init.kaiming_uniform_(b))
print(nn.init._calculate_fan_in_and_fan_out(torch.empty(8, 4, 3, 3)))
print(nn.init._calculate_correct_fan(torch.empty(8, 4, 3, 3), 'fan_out'))

# %%
torch.manual_seed(5)
wc = torch.empty(2, 3, dtype=torch.complex64)
print(nn.init.normal_(wc))
print(nn.init.normal_(wc, mean=1.0, std=0.5))
print(nn.init.xavier_normal_(torch.empty(2, 4, dtype=torch.complex128)))
print(nn.init.uniform_(wc, -1, 1))
print(torch.rand(2), torch.randn(1, dtype=torch.complex64))
