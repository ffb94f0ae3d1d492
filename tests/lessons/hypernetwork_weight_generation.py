# Imitates the hypernetwork tutorials (e.g. "HyperNetworks in PyTorch" blog posts, the hypnettorch docs' intro): a
# hypernetwork emits the flat weight vector of a small target MLP, parameters_to_vector / vector_to_parameters and
# their errors, splitting the vector into named weights for torch.func.functional_call, gradients flowing back into
# the hypernetwork, and a chunked hypernetwork with one embedding per layer.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import parameters_to_vector, vector_to_parameters
def attempt(make):
    try:
        out = make()
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)
torch.manual_seed(0)
target = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
n = sum(p.numel() for p in target.parameters())
hyper = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, n))
z = torch.randn(4)
flat = hyper(z)
print(flat.shape, n)
vec = parameters_to_vector(target.parameters())
print(vec.shape, vec.grad_fn)
attempt(lambda: vector_to_parameters(flat, target.parameters()))
attempt(lambda: vector_to_parameters(flat.detach(), target.parameters()))
print(target[0].weight.grad_fn, target[0].weight.requires_grad, type(target[0].weight).__name__)
attempt(lambda: vector_to_parameters([1, 2], target.parameters()))
attempt(lambda: vector_to_parameters(torch.ones(3), target.parameters()))
attempt(lambda: vector_to_parameters(torch.ones(n + 2), target.parameters()))
attempt(lambda: parameters_to_vector([torch.ones(2), torch.ones(2, dtype=torch.float64)]))
# split and functional call
from torch.func import functional_call
shapes = [(k, p.shape) for k, p in target.named_parameters()]
chunks = flat.split([s.numel() for _, s in shapes])
params = {k: c.view(s) for (k, s), c in zip(shapes, chunks)}
out = functional_call(target, params, (torch.ones(5, 2),))
out.sum().backward()
print(out.shape, hyper[0].weight.grad.shape, target[0].weight.grad)
attempt(lambda: flat.split([3, 4]))
attempt(lambda: flat.view(3, -1))

# %%
# chunked: one learned embedding per target layer, one shared generator
class ChunkedHyper(nn.Module):
    def __init__(self, shapes, emb=3):
        super().__init__()
        self.shapes = shapes
        self.embs = nn.Parameter(torch.randn(len(shapes), emb))
        self.gen = nn.Linear(emb, max(s.numel() for _, s in shapes))

    def forward(self):
        out = self.gen(self.embs)
        return {k: out[i, :s.numel()].view(s) for i, (k, s) in enumerate(self.shapes)}

ch = ChunkedHyper(shapes)
opt = torch.optim.Adam(ch.parameters(), lr=0.01)
xs = torch.linspace(-1, 1, 8).unsqueeze(1).repeat(1, 2)
ys = xs[:, :1] ** 2
for step in range(3):
    opt.zero_grad()
    loss = F.mse_loss(functional_call(target, ch(), (xs,)), ys)
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4), ch.embs.grad.shape, ch.gen.weight.grad.abs().sum() > 0)
print({k: tuple(v.shape) for k, v in ch().items()})
print(ch)
