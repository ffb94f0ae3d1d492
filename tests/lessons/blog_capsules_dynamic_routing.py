# Capsule networks from a blog post: squash, dynamic routing by agreement, margin loss
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

# %%
def squash(s, dim=-1):
    sq_norm = (s ** 2).sum(dim=dim, keepdim=True)
    scale = sq_norm / (1 + sq_norm)
    return scale * s / torch.sqrt(sq_norm + 1e-8)

s = torch.randn(2, 3, 4)
v = squash(s)
print(v.shape)
print(v.norm(dim=-1))
v.norm(dim=-1, keepdim=True).shape

# %%
# the other way people write it, with norm and keepdim
def squash2(s, dim=-1):
    n = s.norm(dim=dim, keepdim=True)
    return (n ** 2 / (1 + n ** 2)) * (s / n)

print(torch.allclose(squash(s), squash2(s), atol=1e-6))
squash2(torch.zeros(1, 4))

# %%
# a forgotten keepdim: the broadcast goes the wrong way
n = s.norm(dim=-1)
print(n.shape)
s / n

# %%
class PrimaryCaps(nn.Module):
    def __init__(self, in_ch=8, caps=4, dim=4):
        super().__init__()
        self.conv = nn.Conv2d(in_ch, caps * dim, kernel_size=3, stride=2)
        self.dim = dim
    def forward(self, x):
        u = self.conv(x)
        u = u.view(x.size(0), -1, self.dim)
        return squash(u)

primary = PrimaryCaps()
x = torch.randn(2, 8, 7, 7)
u = primary(x)
print(u.shape, u.grad_fn)

# %%
n_in, n_out, d_in, d_out = u.shape[1], 3, 4, 6
W = nn.Parameter(0.1 * torch.randn(1, n_in, n_out, d_out, d_in))
u_hat = (W @ u[:, :, None, :, None]).squeeze(-1)
print(u_hat.shape, u_hat.grad_fn)

# %%
# the same prediction vectors with einsum, then flattened
u_hat_e = torch.einsum('ijok,bik->bijo', W[0], u)
print(u_hat_e.grad_fn, u_hat_e.stride(), u_hat_e.is_contiguous(), torch.allclose(u_hat_e, u_hat, atol=1e-6))
u_hat_e.view(u.size(0), -1)

# %%
flat = u_hat_e.reshape(u.size(0), -1)
print(flat.grad_fn, flat.shape)
agreement = torch.einsum('bjo,bijo->bij', squash(u_hat_e.sum(1)), u_hat_e)
agreement.grad_fn, agreement.stride(), agreement.view(-1).shape

# %%
def routing(u_hat, iters=3):
    b = torch.zeros(u_hat.shape[:3])
    for it in range(iters):
        c = F.softmax(b, dim=2)
        s = (c.unsqueeze(-1) * u_hat).sum(dim=1)
        v = squash(s)
        if it < iters - 1:
            b = b + (u_hat * v.unsqueeze(1)).sum(dim=-1)
    return v, c

v, c = routing(u_hat)
print(v.shape, c.shape)
print(c[0, :3])
print(c.sum(dim=2)[0, :4])
v.grad_fn

# %%
# detaching u_hat in the inner iterations, as the paper's implementations do
def routing_detached(u_hat, iters=3):
    b = torch.zeros(u_hat.shape[:3])
    u_d = u_hat.detach()
    for it in range(iters):
        c = F.softmax(b, dim=2)
        if it == iters - 1:
            return squash((c.unsqueeze(-1) * u_hat).sum(dim=1))
        v = squash((c.unsqueeze(-1) * u_d).sum(dim=1))
        b = b + (u_d * v.unsqueeze(1)).sum(dim=-1)

v2 = routing_detached(u_hat)
print(torch.allclose(v, v2, atol=1e-6), v2.requires_grad)

# %%
def margin_loss(v, target, m_pos=0.9, m_neg=0.1, lam=0.5):
    lengths = v.norm(dim=-1)
    T = F.one_hot(target, num_classes=v.size(1)).float()
    pos = T * F.relu(m_pos - lengths) ** 2
    neg = lam * (1 - T) * F.relu(lengths - m_neg) ** 2
    return (pos + neg).sum(dim=1).mean()

target = torch.tensor([0, 2])
loss = margin_loss(v2, target)
print(loss)
loss.backward()
print(W.grad.shape, W.grad.abs().sum() > 0)
print(primary.conv.weight.grad.norm())

# %%
# one_hot needs an int64 target
margin_loss(v2, target.float())

# %%
# reconstruction masking: keep the longest capsule only
lengths = v2.norm(dim=-1)
pred = lengths.argmax(dim=1)
mask = F.one_hot(pred, 3).unsqueeze(-1)
print(pred, mask.dtype)
masked = (v2 * mask).flatten(1)
masked.shape, masked.grad_fn

# %%
# norm at exactly zero: the gradient is nan for squash2 without an epsilon
z = torch.zeros(1, 4, requires_grad=True)
squash2(z).sum().backward()
z.grad

# %%
z = torch.zeros(1, 4, requires_grad=True)
squash(z).sum().backward()
z.grad
