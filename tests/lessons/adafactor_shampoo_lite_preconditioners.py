# Imitates papers' reference snippets and blog posts that write Adafactor's factored second moments (row/column
# means, rsqrt, update clipping by RMS) and a "Shampoo-lite" preconditioner (inverse fourth roots via
# torch.linalg.eigh with eigenvalue clamping, matrix_power) by hand, next to torch.optim.Adafactor.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(5, 6), nn.ReLU(), nn.Linear(6, 2))
X = torch.randn(20, 5)
t = torch.randint(0, 2, (20,))

# %%
# factored second moments of one gradient matrix
loss = F.cross_entropy(net(X), t)
loss.backward()
g = net[0].weight.grad
g2 = g.square() + 1e-30
row = g2.mean(dim=-1)
col = g2.mean(dim=-2)
print(row.shape, col.shape, row.dtype)
v_hat = torch.outer(row, col) / row.mean()
print(v_hat.shape, torch.allclose(v_hat.sum(1), g2.sum(1), rtol=1e-3))
approx = row.unsqueeze(-1) * col.unsqueeze(-2) / row.mean(dim=-1, keepdim=True).unsqueeze(-1)
print(torch.allclose(approx, v_hat), approx.grad_fn, torch.rsqrt(v_hat).shape)
u = g * torch.rsqrt(v_hat)
rms = u.square().mean().sqrt()
print(f"{rms.item():.4f}", u.norm() / u.numel() ** 0.5, torch.linalg.vector_norm(u) / (u.numel() ** 0.5))
u_clipped = u / torch.clamp(rms / 1.0, min=1.0)
print(u_clipped.pow(2).mean().sqrt() <= 1.0 + 1e-6, torch.clamp_min(rms, 1.0))

# %%
# a hand-written Adafactor (beta2 decaying as 1 - t^-0.8, relative step off, no momentum)
def adafactor_step(params, state, t, lr=1e-2, d=1.0, eps1=1e-30, eps2=1e-3):
    beta2 = 1.0 - t ** -0.8
    with torch.no_grad():
        for p in params:
            g = p.grad
            s = state.setdefault(p, {})
            if g.dim() >= 2:
                r = s.setdefault("row", torch.zeros(g.shape[:-1]))
                c = s.setdefault("col", torch.zeros(g.shape[:-2] + g.shape[-1:]))
                r.lerp_((g * g + eps1).mean(dim=-1), 1 - beta2)
                c.lerp_((g * g + eps1).mean(dim=-2), 1 - beta2)
                v = (r / r.mean(dim=-1, keepdim=True)).unsqueeze(-1) * c.unsqueeze(-2)
            else:
                v = s.setdefault("v", torch.zeros_like(g))
                v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
            upd = g * v.clamp(min=eps1).rsqrt()
            upd.div_((upd.pow(2).mean().sqrt() / d).clamp_(min=1.0))
            scale = max(eps2, p.pow(2).mean().sqrt().item())
            p.sub_(lr * scale * upd)

state = {}
torch.manual_seed(1)
net2 = nn.Sequential(nn.Linear(5, 6), nn.ReLU(), nn.Linear(6, 2))
for step in range(1, 6):
    net2.zero_grad()
    loss = F.cross_entropy(net2(X), t)
    loss.backward()
    adafactor_step(net2.parameters(), state, step)
    print(step, f"{loss.item():.5f}")
print({k: tuple(v.shape) for k, v in state[net2[0].weight].items()}, list(state[net2[0].bias]))

# %%
torch.manual_seed(1)
net3 = nn.Sequential(nn.Linear(5, 6), nn.ReLU(), nn.Linear(6, 2))
opt = torch.optim.Adafactor(net3.parameters(), lr=1e-2)
print(opt)
for step in range(3):
    opt.zero_grad()
    F.cross_entropy(net3(X), t).backward()
    opt.step()
st = opt.state[net3[0].weight]
print(sorted(st), st["step"], st["row_var"].shape, st["col_var"].shape)
print(sorted(opt.state[net3[0].bias]), opt.state[net3[0].bias]["variance"].shape)
try:
    torch.optim.Adafactor(net3.parameters(), lr=1e-2, beta2_decay=0.8)
except ValueError as e:
    print(type(e).__name__, e)

# %%
# Shampoo-lite: L = sum G G^T, R = sum G^T G; update = L^{-1/4} G R^{-1/4}
def matrix_inv_root(M, p=4, eps=1e-6):
    evals, evecs = torch.linalg.eigh(M)
    evals = evals.clamp(min=eps)
    return evecs @ torch.diag(evals ** (-1.0 / p)) @ evecs.T

torch.manual_seed(2)
W = torch.randn(4, 3, requires_grad=True)
Xs = torch.randn(10, 3)
L = torch.eye(4) * 1e-4
R = torch.eye(3) * 1e-4
for step in range(4):
    loss = (Xs @ W.T).tanh().sum()
    W.grad = None
    loss.backward()
    G = W.grad
    L += G @ G.T
    R += G.T @ G
    with torch.no_grad():
        upd = matrix_inv_root(L) @ G @ matrix_inv_root(R)
        W -= 0.1 * upd
    print(step, f"{loss.item():.4f}", upd.shape)
Li = matrix_inv_root(L)
print(torch.allclose(torch.linalg.matrix_power(Li, 4) @ L, torch.eye(4), atol=1e-3))
print(torch.linalg.matrix_power(torch.tensor([[2.0, 0.0], [1.0, 1.0]]), 3))
print(torch.linalg.matrix_power(torch.tensor([[2.0, 0.0], [1.0, 1.0]]), -1), torch.matrix_power(torch.eye(2), 0))
evals, evecs = torch.linalg.eigh(L)
print(evals.shape, evecs.shape, (evals > 0).all(), torch.linalg.eigvalsh(L).shape)
for bad in (lambda: torch.linalg.matrix_power(torch.ones(2, 3), 2), lambda: torch.linalg.eigh(torch.ones(2, 3)),
            lambda: torch.linalg.matrix_power(torch.zeros(2, 2), -1),
            lambda: torch.linalg.matrix_power(torch.ones(2, 2, dtype=torch.long), -1),
            lambda: torch.linalg.eigh(torch.ones(2, 2, dtype=torch.long))):
    try:
        bad()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)

# %%
# gradients through the root (a differentiable preconditioner)
A = torch.randn(3, 3, dtype=torch.float64)
S = (A @ A.T + torch.eye(3, dtype=torch.float64)).requires_grad_()
root = matrix_inv_root(S, p=2)
print(root.grad_fn, root.dtype)
root.trace().backward()
print(S.grad.shape, torch.allclose(S.grad, S.grad.T))
w, V = torch.linalg.eigh(S.detach().requires_grad_())
print(w.grad_fn, V.grad_fn, w.requires_grad)
print(torch.linalg.matrix_power(S, 2).grad_fn, torch.linalg.matrix_power(S, -1).grad_fn)
