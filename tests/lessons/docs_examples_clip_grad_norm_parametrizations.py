# Imitates the Examples blocks of the PyTorch documentation pages for torch.nn.utils.clip_grad_norm_ /
# clip_grad_value_ / get_total_norm / clip_grads_with_norm_, weight_norm and spectral_norm (the old hooks and the
# torch.nn.utils.parametrizations versions) and parametrize.register_parametrization, typed by a learner and extended:
# seeded models, gradients through the parametrizations, and the errors for wrong arguments.
import torch
import torch.nn as nn
import torch.nn.utils.parametrize as P
from torch.nn.utils import clip_grad_norm_, clip_grad_value_

torch.manual_seed(0)

# %%
model = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2))
x = torch.randn(5, 4)
model(x).pow(2).sum().backward()
total = clip_grad_norm_(model.parameters(), max_norm=0.5)
print(total, total.dtype, total.grad_fn)
print(model[0].weight.grad)
total = clip_grad_norm_(model.parameters(), max_norm=0.1, norm_type='inf')
print(total, model[2].bias.grad)
total = clip_grad_norm_(model.parameters(), max_norm=0.1, norm_type=1.0, foreach=False)
print(total, model[2].weight.grad)
print(clip_grad_norm_([], 1.0))
print(clip_grad_norm_(model[0].weight, 1.0, norm_type=3))

# %%
model.zero_grad()
model(x).pow(3).sum().backward()
clip_grad_value_(model.parameters(), clip_value=0.05)
print(model[0].weight.grad, model[2].bias.grad)
grads = [p.grad for p in model.parameters()]
norm = torch.nn.utils.get_total_norm(grads, norm_type=2.0)
print(norm)
torch.nn.utils.clip_grads_with_norm_(model.parameters(), max_norm=0.01, total_norm=norm)
print(model[2].weight.grad)

# %%
p = nn.Parameter(torch.ones(3))
p.grad = torch.tensor([1.0, float('nan'), 2.0])
try:
    clip_grad_norm_([p], 1.0, error_if_nonfinite=True)
except Exception as e:
    print(type(e).__name__, e)
print(clip_grad_norm_([p], 1.0), p.grad)
p.grad = torch.tensor([1.0, float('inf'), 2.0])
print(clip_grad_norm_([p], 1.0, norm_type=float('inf')), p.grad)

# %%
torch.manual_seed(1)
m = nn.utils.weight_norm(nn.Linear(20, 40), name='weight')
print(m)
print(m.weight_g.size(), m.weight_v.size(), m.weight_g.requires_grad)
print(m.weight_g[:3])
y = m(torch.randn(2, 20)).sum()
y.backward()
print(m.weight_g.grad[:3].flatten(), m.weight_v.grad[0, :4])
m2 = nn.utils.weight_norm(nn.Conv1d(2, 3, 2), dim=None)
print(m2.weight_g, m2.weight_v.shape)
nn.utils.remove_weight_norm(m2)
print(sorted(n for n, _ in m2.named_parameters()))

# %%
torch.manual_seed(2)
m = nn.utils.parametrizations.weight_norm(nn.Linear(5, 3))
print(m)
print(m.parametrizations.weight.original0.shape, m.parametrizations.weight.original1.shape)
print(m.weight)
out = m(torch.randn(4, 5)).sum()
out.backward()
print(m.parametrizations.weight.original0.grad.flatten(), m.parametrizations.weight.original1.grad)
print(m.weight.grad_fn.name())

# %%
torch.manual_seed(3)
snm = nn.utils.parametrizations.spectral_norm(nn.Linear(20, 40))
print(snm)
print(torch.linalg.matrix_norm(snm.weight, 2))
print(snm.parametrizations.weight[0].u.shape, snm.parametrizations.weight[0].v.shape)
snm.eval()
print(torch.linalg.matrix_norm(snm.weight, 2))
old = nn.utils.spectral_norm(nn.Linear(4, 3))
print(old.weight_u, old.weight_orig.shape)
old(torch.randn(2, 4)).sum().backward()
print(old.weight_orig.grad)

# %%
class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)
    def right_inverse(self, A):
        return A.triu()

torch.manual_seed(4)
m = nn.Linear(3, 3)
P.register_parametrization(m, "weight", Symmetric())
print(m.weight)
print(P.is_parametrized(m), P.is_parametrized(m, "bias"), P.is_parametrized(m, "weight"))
m.weight = torch.eye(3) * 2 + torch.ones(3, 3)
print(m.parametrizations.weight.original)
m(torch.randn(2, 3)).pow(2).sum().backward()
print(m.parametrizations.weight.original.grad)
with P.cached():
    print(m.weight is m.weight)
P.remove_parametrizations(m, "weight", leave_parametrized=True)
print(m.weight, type(m).__name__)
try:
    P.remove_parametrizations(m, "weight")
except Exception as e:
    print(type(e).__name__, e)

# %%
def attempt(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

class Bad(nn.Module):
    def forward(self, X):
        return X[0]

attempt(lambda: P.register_parametrization(nn.Linear(2, 2), "weight", Bad()))
attempt(lambda: P.register_parametrization(nn.Linear(2, 2), "nope", Symmetric()))
attempt(lambda: nn.utils.parametrizations.spectral_norm(nn.Linear(2, 2), name='nope'))
attempt(lambda: nn.utils.parametrizations.orthogonal(nn.Linear(2, 2), orthogonal_map='bad'))
attempt(lambda: clip_grad_value_([nn.Parameter(torch.ones(2))], clip_value=-1))
