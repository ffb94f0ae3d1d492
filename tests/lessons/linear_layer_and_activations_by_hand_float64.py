# "Build nn.Linear and the activations yourself" (the hand-written linear layer of Karpathy's micrograd/makemore
# lectures and d2l.ai's "Linear Regression Implementation from Scratch", checked as the PyTorch docs' nn.Linear
# formula y = x A^T + b; the old-tutorial spelling torch.addmm(b, x, W.T, beta=, alpha=)): a learner compares,
# in float64, a hand-written linear layer and hand-written activations with PyTorch's, printing max differences
# and exact-equality checks; then addmv / addr / baddbmm with beta and alpha, and two caught errors.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(8, 5, dtype=torch.float64)
lin = torch.nn.Linear(5, 3).double()
W, b = lin.weight.detach(), lin.bias.detach()

# %%
by_hand = x @ W.T + b
print("max |x @ W.T + b - lin(x)|:", (by_hand - lin(x)).abs().max().item())
print("F.linear equal:", torch.equal(F.linear(x, W, b), lin(x)))
print("addmm equal:", torch.equal(torch.addmm(b, x, W.T), lin(x)))
scaled = torch.addmm(b, x, W.T, beta=0.5, alpha=2.0)
print("addmm(beta=0.5, alpha=2) vs 0.5 * b + 2 * (x @ W.T):", (scaled - (0.5 * b + 2 * (x @ W.T))).abs().max().item())
print(scaled[:2])

# %%
relu = lambda t: torch.where(t > 0, t, torch.zeros_like(t))
sigmoid = lambda t: 1 / (1 + torch.exp(-t))
tanh = lambda t: (torch.exp(t) - torch.exp(-t)) / (torch.exp(t) + torch.exp(-t))
leaky = lambda t: torch.where(t > 0, t, 0.01 * t)
hardtanh = lambda t: t.clamp(-1, 1)
z = torch.linspace(-4, 4, 17, dtype=torch.float64)
for name, mine, theirs in [("relu", relu, F.relu), ("sigmoid", sigmoid, torch.sigmoid), ("tanh", tanh, torch.tanh),
                           ("leaky_relu", leaky, F.leaky_relu), ("hardtanh", hardtanh, F.hardtanh)]:
    d = (mine(z) - theirs(z)).abs().max().item()
    print(f"{name:10s} max diff {d:.3e} equal {torch.equal(mine(z), theirs(z))}")

# %%
h = torch.addmm(b, x, W.T, beta=1.0, alpha=0.5).requires_grad_()
loss = torch.tanh(h).pow(2).mean()
loss.backward()
print(loss.item())
print(h.grad)

# %%
v = torch.randn(5, dtype=torch.float64)
print(torch.addmv(b, W, v, beta=0.25, alpha=3.0))
print(torch.addr(torch.eye(3, dtype=torch.float64), b, b, beta=2.0, alpha=-1.0))
batch = torch.stack([W.T, 2 * W.T])
print(batch.shape, batch.stride(), batch.is_contiguous())
print(torch.baddbmm(b, torch.stack([x, -x]), batch, beta=0.1, alpha=0.7)[1, :2])

# %%
try:
    torch.addmm(b, x, W, beta=0.5)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.addr(torch.zeros(3, 3), b, v)
except Exception as e:
    print(type(e).__name__, e)
