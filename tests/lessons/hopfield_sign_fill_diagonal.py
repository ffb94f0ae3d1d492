# Imitates the "Hopfield networks from scratch" tutorials (the classic binary Hopfield network notebooks and the
# "Hopfield Networks is All You Need" blog's first section): bipolar patterns, Hebbian outer-product weights with
# fill_diagonal_(0), synchronous and asynchronous sign updates, energy -1/2 s^T W s, recall from a noisy pattern,
# and the continuous modern-Hopfield update with softmax.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, P = 16, 3
patterns = torch.randint(0, 2, (P, N)) * 2 - 1
print(patterns.dtype, patterns.shape)
X = patterns.float()
W = X.t() @ X / N
W.fill_diagonal_(0)
print(W.diagonal().abs().sum(), torch.allclose(W, W.t()))
W2 = sum(torch.outer(p, p) for p in X) / N
print(torch.allclose(W2.fill_diagonal_(0.0), W))
print(torch.zeros(3, 5).fill_diagonal_(2), torch.zeros(7, 3).fill_diagonal_(1, wrap=True))
for bad in [lambda: torch.zeros(3).fill_diagonal_(1), lambda: torch.zeros(2, 3, 4).fill_diagonal_(1),
            lambda: torch.zeros(2, 2, requires_grad=True).fill_diagonal_(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.zeros(3, 3, 3).fill_diagonal_(5)[1])

# %%
def energy(s, W):
    return -0.5 * s @ W @ s

noisy = X[0].clone()
flip = torch.randperm(N)[:3]
noisy[flip] *= -1
print((noisy != X[0]).sum().item(), energy(noisy, W))
s = noisy.clone()
for it in range(5):
    s_new = torch.sign(W @ s)
    s_new[s_new == 0] = 1
    print(it, energy(s_new, W).item(), (s_new == X[0]).all().item())
    if torch.equal(s_new, s):
        break
    s = s_new
print(torch.sign(torch.tensor([-2.0, 0.0, 3.0, -0.0])), torch.tensor([-2, 0, 3]).sign())

# %%
s = noisy.clone()
for sweep in range(2):
    for i in torch.randperm(N).tolist():
        h = W[i] @ s
        s[i] = 1.0 if h >= 0 else -1.0
    print(sweep, energy(s, W).item(), (s * X[0]).sum().item())
print(torch.where(W @ s >= 0, 1, -1).dtype, torch.where(W @ s >= 0, 1.0, -1.0).dtype)

# %%
beta = 4.0
xi = X.t()
q = noisy.clone().requires_grad_()
for step in range(2):
    new = xi @ torch.softmax(beta * xi.t() @ q, dim=0)
    print(step, new.shape, new.grad_fn.name())
    q = new
e = -torch.logsumexp(beta * xi.t() @ q, 0) / beta + 0.5 * q @ q
e.backward()
print(e, torch.sign(q.detach())[:6])
Wt = torch.randn(4, 4, requires_grad=True)
M = Wt * 1
M.fill_diagonal_(0)
print(M.grad_fn)
M.sum().backward()
print(Wt.grad)
