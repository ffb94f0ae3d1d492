# Imitates "Mamba / S4 in minimal PyTorch" posts: the discretised state space (exp of delta*A), a selective scan
# written with cumsum and einsum, F.softplus for delta, a depthwise causal conv1d (padding then slicing, groups=d),
# the residual block with RMSNorm, and the learners' shape mistakes along the way.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
b, l, d_in, n = 2, 5, 4, 3
x = torch.randn(b, l, d_in, requires_grad=True)
A_log = torch.log(torch.arange(1, n + 1, dtype=torch.float32).repeat(d_in, 1))
A_log.requires_grad_()
A = -torch.exp(A_log)
print(A, A.grad_fn)

# %%
delta = F.softplus(torch.randn(b, l, d_in) * 2 - 1)
print(delta.min() > 0, delta.dtype, F.softplus(torch.tensor([-30., 0., 30.]), beta=2, threshold=10))

# %%
deltaA = torch.exp(torch.einsum('bld,dn->bldn', delta, A))
B = torch.randn(b, l, n)
C = torch.randn(b, l, n)
deltaB_u = torch.einsum('bld,bln,bld->bldn', delta, B, x)
print(deltaA.shape, deltaA.grad_fn, deltaB_u.grad_fn)

# %%
def selective_scan_seq(deltaA, deltaB_u, C):
    h = torch.zeros(b, d_in, n)
    ys = []
    for i in range(l):
        h = deltaA[:, i] * h + deltaB_u[:, i]
        ys.append(torch.einsum('bdn,bn->bd', h, C[:, i]))
    return torch.stack(ys, dim=1)

y_seq = selective_scan_seq(deltaA, deltaB_u, C)
print(y_seq.shape, y_seq.grad_fn)
print(y_seq[0, :2])

# %%
# the "parallel" scan: log-space cumsum of deltaA
log_dA = torch.einsum('bld,dn->bldn', delta, A)
cum = torch.cumsum(log_dA, dim=1)
ratio = torch.exp(cum.unsqueeze(2) - cum.unsqueeze(1))    # (b, t, s, d, n)
mask = torch.tril(torch.ones(l, l, dtype=torch.bool))
ratio = ratio.masked_fill(~mask[None, :, :, None, None], 0.)
h_par = torch.einsum('btsdn,bsdn->btdn', ratio, deltaB_u)
y_par = torch.einsum('btdn,btn->btd', h_par, C)
print(torch.allclose(y_par, y_seq, atol=1e-5), y_par.grad_fn, cum.grad_fn)

# %%
y_par.sum().backward()
print(x.grad[0, 0], A_log.grad[:2])

# %%
# learner mistake: the einsum subscripts do not agree with the operands
torch.einsum('bld,dn->bldn', delta, A.T)

# %%
torch.einsum('bld,bln->bldn', delta)

# %%
# depthwise causal conv1d: pad on both sides, keep the first l outputs
conv = nn.Conv1d(d_in, d_in, kernel_size=4, groups=d_in, padding=3, bias=True)
print(conv, conv.weight.shape)
xc = x.transpose(1, 2)
yc = conv(xc)[..., :l]
print(yc.shape, yc.grad_fn)
print(F.silu(yc)[0, :, -1])

# %%
# forgetting to transpose: channels must come second
conv(x)

# %%
nn.Conv1d(d_in, 6, kernel_size=4, groups=4)

# %%
nn.Conv1d(d_in, d_in, kernel_size=4, groups=d_in, padding='same', stride=2)

# %%
class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(d))
    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight

class MambaBlock(nn.Module):
    def __init__(self, d_model=4, d_inner=8, d_state=3, d_conv=3):
        super().__init__()
        self.in_proj = nn.Linear(d_model, 2 * d_inner, bias=False)
        self.conv1d = nn.Conv1d(d_inner, d_inner, d_conv, groups=d_inner, padding=d_conv - 1)
        self.x_proj = nn.Linear(d_inner, 1 + 2 * d_state, bias=False)
        self.dt_proj = nn.Linear(1, d_inner)
        A = torch.arange(1, d_state + 1).repeat(d_inner, 1)
        self.A_log = nn.Parameter(torch.log(A))
        self.D = nn.Parameter(torch.ones(d_inner))
        self.out_proj = nn.Linear(d_inner, d_model, bias=False)
        self.norm = RMSNorm(d_model)
        self.d_state = d_state
    def forward(self, x):
        bsz, L, _ = x.shape
        xz = self.in_proj(self.norm(x))
        xi, z = xz.chunk(2, dim=-1)
        xi = F.silu(self.conv1d(xi.transpose(1, 2))[:, :, :L].transpose(1, 2))
        dt, Bm, Cm = self.x_proj(xi).split([1, self.d_state, self.d_state], dim=-1)
        dt = F.softplus(self.dt_proj(dt))
        A = -torch.exp(self.A_log.float())
        dA = torch.exp(torch.einsum('bld,dn->bldn', dt, A))
        dBu = torch.einsum('bld,bln,bld->bldn', dt, Bm, xi)
        h = x.new_zeros(bsz, xi.shape[-1], self.d_state)
        ys = []
        for i in range(L):
            h = dA[:, i] * h + dBu[:, i]
            ys.append((h @ Cm[:, i].unsqueeze(-1)).squeeze(-1))
        y = torch.stack(ys, 1) + xi * self.D
        return x + self.out_proj(y * F.silu(z))

torch.manual_seed(1)
blk = MambaBlock()
print(blk.A_log.dtype, blk.A_log.requires_grad)
print(blk)

# %%
out = blk(torch.randn(2, 6, 4))
print(out.shape, out.grad_fn)
out.pow(2).mean().backward()
print(blk.A_log.grad[:2], blk.conv1d.weight.grad.shape)

# %%
# integer A_log: torch.log of an int64 tensor is float
print(torch.log(torch.arange(1, 4)).dtype, torch.arange(1, 4).repeat(2, 1).dtype)
nn.Parameter(torch.arange(1, 4))

# %%
torch.cumsum(torch.arange(5), 0).dtype, torch.cumsum(torch.arange(5, dtype=torch.int8), 0).dtype, torch.arange(5.).cumprod(0)

# %%
w = torch.randn(3, requires_grad=True)
w.cumsum(0).cumprod(0).logcumsumexp(0)

# %%
torch.cumsum(torch.ones(2, 3), dim=2)
