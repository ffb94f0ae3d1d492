# Hypernetworks (weights made by another net) and evolution strategies without backprop
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call
torch.manual_seed(0)

# %%
class HyperLinear(nn.Module):
    def __init__(self, z_dim, in_f, out_f):
        super().__init__()
        self.in_f, self.out_f = in_f, out_f
        self.gen_w = nn.Linear(z_dim, in_f * out_f)
        self.gen_b = nn.Linear(z_dim, out_f)
    def forward(self, x, z):
        w = self.gen_w(z).view(self.out_f, self.in_f)
        b = self.gen_b(z)
        return F.linear(x, w, b)

hyper = HyperLinear(3, 4, 2)
z = torch.randn(3)
x = torch.randn(5, 4)
y = hyper(x, z)
print(y.shape, y.grad_fn)
y.sum().backward()
print(hyper.gen_w.weight.grad.shape, hyper.gen_b.bias.grad)

# %%
# the generated weight with the wrong layout
w = hyper.gen_w(z).view(4, 2)
F.linear(x, w)

# %%
# a target net whose parameters come from a hypernetwork, through functional_call
target = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
shapes = {k: v.shape for k, v in target.named_parameters()}
n_params = sum(v.numel() for v in target.parameters())
print(shapes, n_params)
gen = nn.Linear(2, n_params)

def unflatten(flat):
    out, i = {}, 0
    for k, s in shapes.items():
        n = s.numel()
        out[k] = flat[i:i + n].view(s)
        i += n
    return out

emb = torch.randn(2)
params = unflatten(gen(emb))
out = functional_call(target, params, (x,))
print(out.shape, out.grad_fn)
loss = out.pow(2).mean()
loss.backward()
print(gen.weight.grad.shape, gen.weight.grad.norm() > 0, target[0].weight.grad)

# %%
# a missing key: functional_call falls back to the module's own parameter
params2 = dict(params)
del params2["2.bias"]
out2 = functional_call(target, params2, (x,))
print(torch.allclose(out2, out - params["2.bias"] + target[2].bias))
functional_call(target, {"0.weight": torch.zeros(3, 3)}, (x,))

# %%
# evolution strategies: no gradients, just population noise and fitness
def fitness(w):
    return -((w - torch.tensor([0.5, -1.0, 2.0])) ** 2).sum(dim=-1)

theta = torch.zeros(3)
sigma, lr, pop = 0.1, 0.05, 16
with torch.no_grad():
    for gen_i in range(5):
        eps = torch.randn(pop, 3)
        f = fitness(theta + sigma * eps)
        ranks = torch.empty_like(f)
        ranks[f.argsort()] = torch.arange(pop, dtype=f.dtype)
        shaped = ranks / (pop - 1) - 0.5
        theta += lr / (pop * sigma) * (shaped @ eps)
        print(gen_i, fitness(theta).item().__round__(4))
theta

# %%
# centered ranks the other way, with argsort twice
f = torch.tensor([3.0, -1.0, 2.0, 0.5])
r = f.argsort().argsort()
print(r, r.dtype)
(r.float() / (len(f) - 1) - 0.5)

# %%
# mirrored sampling with randn_like
mu = torch.zeros(2, 3)
e = torch.randn_like(mu)
pairs = torch.cat([mu + 0.1 * e, mu - 0.1 * e])
print(pairs.shape, e.dtype, torch.randn_like(mu, dtype=torch.float64).dtype)
torch.randn_like(torch.arange(3))

# %%
# ES on a network's parameters with parameters_to_vector
from torch.nn.utils import parameters_to_vector, vector_to_parameters
net = nn.Linear(2, 1)
vec = parameters_to_vector(net.parameters())
print(vec.shape, vec.requires_grad)
with torch.no_grad():
    noise = torch.randn(4, vec.numel())
    scores = []
    for n in noise:
        vector_to_parameters(vec + 0.1 * n, net.parameters())
        scores.append(-net(torch.ones(1, 2)).pow(2).item())
    scores = torch.tensor(scores)
    vector_to_parameters(vec, net.parameters())
print(scores.argsort(descending=True))
torch.topk(scores, 2)

# %%
# forgetting no_grad: the population update joins the graph of a leaf
theta = torch.zeros(3, requires_grad=True)
eps = torch.randn(4, 3)
theta += 0.1 * eps.mean(0)
