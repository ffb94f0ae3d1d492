# Imitates older Glow / Real NVP code still copied into flow courses (chaiyujin's and y0ast's Glow ports, the Real NVP
# reproductions with weight-normalised ResNets): torch.qr / torch.lu / torch.lu_unpack for the 1x1 convolution's
# init and LU weights, torch.slogdet(weight.double()) cast back to float, F.conv2d with weight.view(c, c, 1, 1) and
# its inverse through torch.inverse, nn.utils.weight_norm on the coupling network, the Real NVP logit pre-processing
# alpha + (1 - 2 alpha) x with its log-det (softplus form), checkerboard masks from arange sums, and bits per dim.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
torch.set_warn_always(True)
# %%
c = 4
w = torch.qr(torch.randn(c, c))[0]
print(w, w.dtype)
w_lu, pivots = torch.lu(w)
p, l, u = torch.lu_unpack(w_lu, pivots)
print(pivots, p, torch.diag(u))
s = torch.diag(u)
log_s = torch.log(torch.abs(s))
print(log_s.sum(), torch.slogdet(w.double())[1].float())
# %%
x = torch.randn(2, c, 3, 3)
weight = nn.Parameter(w.clone())
h, wd = x.shape[2:]
z = F.conv2d(x, weight.view(c, c, 1, 1))
logdet = h * wd * torch.slogdet(weight.double())[1].float()
print(z.shape, z.grad_fn, logdet, logdet.grad_fn)
(z.sum() + logdet).backward()
print(weight.grad)
inv = torch.inverse(weight.double()).float().view(c, c, 1, 1)
xr = F.conv2d(z, inv)
print((xr - x).abs().max() < 1e-5, inv.grad_fn)
# %%
l_mask = torch.from_numpy(np.tril(np.ones((c, c), dtype=np.float32), -1))
print(l_mask, l_mask.dtype)
w_l = nn.Parameter(l)
w_u = nn.Parameter(torch.triu(u, 1))
w_s = nn.Parameter(log_s)
sign_s = torch.sign(s)
W = p @ (w_l * l_mask + torch.eye(c)) @ (w_u * l_mask.T + torch.diag(sign_s * torch.exp(w_s)))
print(torch.allclose(W, w, atol=1e-5), W.grad_fn)
ld = 9 * w_s.sum()
(W.sum() + ld).backward()
print(w_l.grad, w_s.grad, w_u.grad)
# %%
torch.manual_seed(1)
net = nn.Sequential(nn.utils.weight_norm(nn.Conv2d(2, 8, 3, padding=1)), nn.ReLU(),
                    nn.utils.weight_norm(nn.Conv2d(8, 4, 3, padding=1)))
print(net)
conv = net[0]
print(sorted(n for n, _ in conv.named_parameters()), conv.weight_g.shape, conv.weight_v.shape)
print(conv.weight_g.view(-1)[:4])
# %%
def checkerboard(h, w, parity=0):
    return ((torch.arange(h).view(-1, 1) + torch.arange(w).view(1, -1) + parity) % 2).float().view(1, 1, h, w)

mask = checkerboard(4, 4)
print(mask, mask.dtype)
x = torch.rand(3, 2, 4, 4)
out = net(x * mask)
log_s, t = out.chunk(2, dim=1)
scale = nn.Parameter(torch.ones(1, 2, 1, 1))
log_s = scale * torch.tanh(log_s) * (1 - mask)
t = t * (1 - mask)
y = x * mask + (1 - mask) * (x * torch.exp(log_s) + t)
ldj = log_s.sum(dim=[1, 2, 3])
print(y.shape, ldj, ldj.grad_fn)
ldj.sum().backward()
print(scale.grad, conv.weight_g.grad.view(-1)[:4], conv.weight_v.grad.shape)
# %%
torch.manual_seed(2)
alpha = 0.05
pix = torch.randint(0, 256, (2, 1, 2, 2)).float()
x = (pix + torch.rand_like(pix)) / 256.0
y = alpha + (1 - 2 * alpha) * x
xl = torch.log(y) - torch.log1p(-y)
ldj = (F.softplus(xl) + F.softplus(-xl) - F.softplus(torch.tensor(math.log(1 - alpha) - math.log(alpha)))
       ).view(2, -1).sum(-1)
print(xl, ldj)
prior = torch.distributions.Normal(torch.tensor(0.0), torch.tensor(1.0))
log_pz = prior.log_prob(xl).view(2, -1).sum(-1)
nll = -(log_pz - ldj)  # in nats, over a 2x2 image
bpd = (nll + math.log(256) * 4) / (4 * math.log(2))
print(log_pz, bpd, bpd.mean())
print(torch.logit(y), torch.logit(x, eps=1e-6)[0, 0])
# %%
try:
    torch.lu_unpack(w_lu, pivots.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv2d(torch.randn(2, 3, 3, 3), weight.view(c, c, 1, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.inverse(torch.zeros(3, 3))
except Exception as e:
    print(type(e).__name__, e)
