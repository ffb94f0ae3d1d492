# Imitates Eric Jang's "Categorical Variational Autoencoders using Gumbel-Softmax" post ported to PyTorch (the
# sample_gumbel / gumbel_softmax_sample / hard gumbel_softmax helpers of the popular gists), the F.gumbel_softmax
# documentation example, torch.distributions' RelaxedOneHotCategorical, and straight-through estimator write-ups
# (y_hard - y.detach() + y, a custom autograd.Function for binarisation, the "STE with hardtanh" trick).
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
def sample_gumbel(shape, eps=1e-20):
    U = torch.rand(shape)
    return -torch.log(-torch.log(U + eps) + eps)

def gumbel_softmax_sample(logits, temperature):
    y = logits + sample_gumbel(logits.size())
    return F.softmax(y / temperature, dim=-1)

def gumbel_softmax(logits, temperature, hard=False):
    y = gumbel_softmax_sample(logits, temperature)
    if not hard:
        return y
    shape = y.size()
    _, ind = y.max(dim=-1)
    y_hard = torch.zeros_like(y).view(-1, shape[-1])
    y_hard.scatter_(1, ind.view(-1, 1), 1)
    y_hard = y_hard.view(*shape)
    y_hard = (y_hard - y).detach() + y
    return y_hard

torch.manual_seed(0)
logits = torch.randn(3, 5, requires_grad=True)
for temp in [5.0, 1.0, 0.1]:
    y = gumbel_softmax(logits, temp)
    print(temp, y.max(dim=-1).values)
y = gumbel_softmax(logits, 0.5, hard=True)
print(y, y.grad_fn)
(y * torch.arange(5.)).sum().backward()
print(logits.grad)

# %%
torch.manual_seed(1)
logits = torch.randn(4, 6, requires_grad=True)
soft = F.gumbel_softmax(logits, tau=1, hard=False)
hard = F.gumbel_softmax(logits, tau=1, hard=True)
print(soft.sum(dim=-1))
print(hard, hard.argmax(-1))
(hard * torch.linspace(-1, 1, 6)).sum().backward()
print(logits.grad)
print(F.gumbel_softmax(logits, tau=0.5, hard=True, dim=0).sum(0))
for bad in [lambda: F.gumbel_softmax(logits, eps=1e-5).shape,
            lambda: F.gumbel_softmax(logits.detach().long()),
            lambda: F.gumbel_softmax(logits, dim=2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
temp = torch.tensor(0.5)
dist = torch.distributions.RelaxedOneHotCategorical(temp, logits=torch.tensor([[1.0, 2.0, 0.5]]))
torch.manual_seed(2)
z = dist.rsample((2,))
print(dist)
print(z, z.shape, z.grad_fn is not None)
print(dist.log_prob(z))
g = torch.distributions.Gumbel(torch.tensor(0.0), torch.tensor(1.0))
print(g, g.mean, g.stddev)
print(g.sample((4,)), g.log_prob(torch.tensor([0.0, 1.0])), g.entropy())
oh = torch.distributions.OneHotCategorical(logits=torch.tensor([0.0, 1.0, 2.0]))
print(oh.sample((3,)), oh.probs, oh.entropy())

# %%
class STEFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        return (input > 0).float()

    @staticmethod
    def backward(ctx, grad_output):
        return F.hardtanh(grad_output)

class StraightThroughEstimator(nn.Module):
    def __init__(self):
        super(StraightThroughEstimator, self).__init__()

    def forward(self, x):
        x = STEFunction.apply(x)
        return x

torch.manual_seed(3)
net = nn.Sequential(nn.Linear(4, 3), StraightThroughEstimator(), nn.Linear(3, 1))
x = torch.randn(5, 4)
out = net(x)
print(out.squeeze(), net[1](net[0](x)))
out.pow(2).mean().backward()
print(net[0].weight.grad)
print(net)

class BinarizeRound(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.round()

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * (x.abs() <= 1)

w = torch.tensor([-1.7, -0.4, 0.3, 0.5, 1.5, 2.5], requires_grad=True)
q = BinarizeRound.apply(w)
print(q, q.grad_fn)
q.sum().backward()
print(w.grad, w.grad.dtype)
w.grad = None
q2 = w + (torch.sign(w) - w).detach()
(q2 * 2).sum().backward()
print(q2, w.grad)
print(torch.round(w, decimals=1), w.round().grad_fn)
