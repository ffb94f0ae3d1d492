# Imitates the most-viewed PyTorch error threads on Stack Overflow and discuss.pytorch.org, each the asker's failing
# snippet then the accepted fix: "mat1 and mat2 must have the same dtype", "expected scalar type Long but found Float",
# "Found dtype Double but expected Float", "Trying to backward through the graph a second time", "element 0 of
# tensors does not require grad", "is at version 2; expected version 1", "Can't call numpy() on Tensor that requires
# grad", "grad can be implicitly created only for scalar outputs", "mat1 and mat2 shapes cannot be multiplied",
# "Expected more than 1 value per channel when training", "index out of range in self", Conv2d channel mismatches,
# and reproducibility with manual_seed / get_rng_state / set_rng_state.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

def attempt(f):
    try:
        out = f()
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)

torch.manual_seed(0)
lin = nn.Linear(3, 2)
x64 = torch.from_numpy(np.array([[1.0, 2.0, 3.0]]))
attempt(lambda: lin(x64))
attempt(lambda: lin(x64.float()))
attempt(lambda: lin(torch.tensor([[1, 2, 3]])))
attempt(lambda: lin.double()(x64).dtype)
lin.float()
attempt(lambda: lin(torch.randn(4, 5)))
attempt(lambda: lin(torch.randn(3)))
attempt(lambda: torch.randn(2, 3) @ torch.randn(2, 3))
attempt(lambda: torch.mm(torch.randn(2, 3), torch.randn(4)))

# %%
logits = torch.randn(3, 4, requires_grad=True)
attempt(lambda: F.cross_entropy(logits, torch.tensor([1., 0., 3.])))
attempt(lambda: F.nll_loss(F.log_softmax(logits, 1), torch.tensor([1., 0., 3.])))
attempt(lambda: F.nll_loss(F.log_softmax(logits, 1), torch.tensor([1, 0, 3], dtype=torch.int32)))
attempt(lambda: F.cross_entropy(logits, torch.tensor([1, 0, 4])))
attempt(lambda: F.cross_entropy(logits, torch.tensor([[1], [0], [3]])))
attempt(lambda: F.cross_entropy(logits, torch.tensor([1, 0, 3])))
attempt(lambda: nn.CrossEntropyLoss()(logits, torch.tensor([1, 0])))
attempt(lambda: F.binary_cross_entropy(torch.sigmoid(logits[:, 0]), torch.tensor([1, 0, 1])))
attempt(lambda: F.binary_cross_entropy_with_logits(logits[:, 0], torch.tensor([1, 0, 1])))

# %%
pred = torch.randn(3, 1, requires_grad=True)
target = torch.tensor(np.array([[0.5], [1.0], [2.0]]))
loss = nn.MSELoss()(pred, target)
print(loss.dtype)
attempt(lambda: loss.backward())
print(pred.grad)
loss = nn.MSELoss()(pred, target.float())
loss.backward()
print(pred.grad, loss)
p2 = torch.randn(3, requires_grad=True)
attempt(lambda: (p2 * torch.ones(3, dtype=torch.float64)).sum().backward())
attempt(lambda: nn.L1Loss()(p2, torch.ones(3, dtype=torch.float64)).backward())

# %%
w = torch.tensor([1., 2.], requires_grad=True)
y = (w * w).sum()
y.backward()
attempt(lambda: y.backward())
z = (w.exp()).sum()
z.backward(retain_graph=True)
z.backward()
print(w.grad)
h = w * 2
(h ** 2).sum().backward()
attempt(lambda: (h ** 2).sum().backward())
attempt(lambda: torch.tensor([1., 2.]).sum().backward())
with torch.no_grad():
    q = (w * 3).sum()
attempt(lambda: q.backward())
m = nn.Linear(2, 1)
for p in m.parameters():
    p.requires_grad = False
attempt(lambda: m(torch.ones(1, 2)).sum().backward())
attempt(lambda: torch.autograd.grad(m(torch.ones(1, 2)).sum(), m.weight))

# %%
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a.sigmoid()
b.mul_(2)
attempt(lambda: b.sum().backward())
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a * 1
c = b.exp()
b += 1
b += 1
attempt(lambda: c.sum().backward())
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU(inplace=True))
inp = torch.randn(3, 2, requires_grad=True)
out = net(inp)
attempt(lambda: out.sum().backward())
x = torch.randn(2, requires_grad=True)
attempt(lambda: x.add_(1))
attempt(lambda: x.numpy())
print(x.detach().numpy().dtype, x.detach().cpu().numpy().shape, x.numpy(force=True).shape)
attempt(lambda: x.tolist())
attempt(lambda: np.array(x))
v = x * 2
attempt(lambda: v.backward())
v.backward(torch.ones_like(v))
print(x.grad)
attempt(lambda: v.backward(torch.ones(3)))

# %%
torch.manual_seed(1)
bn_net = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4))
attempt(lambda: bn_net(torch.randn(1, 3)))
bn_net.eval()
print(bn_net(torch.randn(1, 3)).shape)
bn_net.train()
attempt(lambda: nn.BatchNorm2d(2)(torch.randn(1, 2, 1, 1)))
print(nn.BatchNorm2d(2)(torch.randn(1, 2, 2, 1)).shape)
attempt(lambda: nn.BatchNorm1d(4)(torch.randn(3, 5)))
attempt(lambda: nn.BatchNorm2d(4)(torch.randn(3, 4)))
emb = nn.Embedding(5, 2)
attempt(lambda: emb(torch.tensor([1, 5])))
attempt(lambda: emb(torch.tensor([-1])))
attempt(lambda: emb(torch.tensor([1., 2.])))
print(emb(torch.tensor([[0, 4]])).shape)
emb_pad = nn.Embedding(5, 2, padding_idx=0)
print(emb_pad.weight[0], emb_pad)

# %%
conv = nn.Conv2d(3, 4, kernel_size=3)
attempt(lambda: conv(torch.randn(1, 1, 5, 5)))
attempt(lambda: conv(torch.randn(1, 5, 5, 3)))
attempt(lambda: conv(torch.randn(2, 3, 2, 2)))
attempt(lambda: conv(torch.randn(3, 5, 5)).shape)
attempt(lambda: conv(torch.randn(5, 5)))
attempt(lambda: conv(torch.randn(1, 3, 5, 5).double()))
attempt(lambda: nn.Conv1d(2, 3, 2)(torch.randn(1, 3, 4)))
attempt(lambda: nn.Conv2d(4, 4, 3, groups=3))
attempt(lambda: nn.Conv2d(2, 2, 3, padding="same", stride=2))

# %%
torch.manual_seed(42)
a1 = torch.rand(3)
state = torch.get_rng_state()
b1 = torch.randn(2)
torch.set_rng_state(state)
b2 = torch.randn(2)
print(torch.equal(b1, b2), state.dtype, state.shape)
torch.manual_seed(42)
print(torch.equal(torch.rand(3), a1), torch.initial_seed())
g = torch.Generator().manual_seed(7)
r1 = torch.randn(2, generator=g)
gs = g.get_state()
r2 = torch.randn(2, generator=g)
g.set_state(gs)
print(torch.equal(r2, torch.randn(2, generator=g)), g.initial_seed())
torch.use_deterministic_algorithms(True)
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
torch.use_deterministic_algorithms(False)
print(torch.are_deterministic_algorithms_enabled(), torch.backends.cudnn.deterministic)
attempt(lambda: torch.set_rng_state(torch.zeros(3)))
attempt(lambda: torch.manual_seed(-1))
attempt(lambda: torch.manual_seed(2 ** 64))
attempt(lambda: torch.manual_seed(1.5))
