# Imitates the UvA Deep Learning course, Tutorial 11 ("Normalizing Flows for image modeling"), without Lightning and
# on tiny random 8-level 1x4x4 "images": the ImageFlow with a Normal(loc=0.0, scale=1.0) prior and the bits-per-dim
# NLL (nll * np.log2(np.exp(1)) / np.prod(shape[1:])), Dequantization (uniform noise, the sigmoid with its ldj, the
# quantisation back with floor/clamp), the checkerboard and channel masks, CouplingLayer with its scaling_factor
# parameter, GatedConv / ConcatELU / LayerNormChannels, SqueezeFlow and SplitFlow, the invertibility check and sampling.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
torch.manual_seed(42)
np.random.seed(42)
imgs = torch.randint(0, 8, (6, 1, 4, 4))
print(imgs.dtype, imgs.shape, imgs.float().mean())

# %%
class Dequantization(nn.Module):
    def __init__(self, alpha=1e-5, quants=8):
        super().__init__()
        self.alpha = alpha
        self.quants = quants

    def forward(self, z, ldj, reverse=False):
        if not reverse:
            z, ldj = self.dequant(z, ldj)
            z, ldj = self.sigmoid(z, ldj, reverse=True)
        else:
            z, ldj = self.sigmoid(z, ldj, reverse=False)
            z = z * self.quants
            ldj += np.log(self.quants) * np.prod(z.shape[1:])
            z = torch.floor(z).clamp(min=0, max=self.quants - 1).to(torch.int32)
        return z, ldj

    def sigmoid(self, z, ldj, reverse=False):
        if not reverse:
            ldj += (-z - 2 * F.softplus(-z)).sum(dim=[1, 2, 3])
            z = torch.sigmoid(z)
        else:
            z = z * (1 - self.alpha) + 0.5 * self.alpha
            ldj += np.log(1 - self.alpha) * np.prod(z.shape[1:])
            ldj += (-torch.log(z) - torch.log(1 - z)).sum(dim=[1, 2, 3])
            z = torch.log(z) - torch.log(1 - z)
        return z, ldj

    def dequant(self, z, ldj):
        z = z.to(torch.float32)
        z = z + torch.rand_like(z).detach()
        z = z / self.quants
        ldj -= np.log(self.quants) * np.prod(z.shape[1:])
        return z, ldj

dq = Dequantization()
ldj = torch.zeros(imgs.shape[0])
z, ldj = dq(imgs, ldj)
print(z.dtype, z.shape, ldj.dtype, ldj)
back, ldj2 = dq(z, ldj, reverse=True)
print(back.dtype, torch.equal(back, imgs.to(torch.int32)), ldj2.abs().max() < 1e-2)
print((back != imgs).sum(), type(np.log(8) * np.prod(z.shape[1:])))

# %%
def create_checkerboard_mask(h, w, invert=False):
    x, y = torch.arange(h, dtype=torch.int32), torch.arange(w, dtype=torch.int32)
    xx, yy = torch.meshgrid(x, y, indexing='ij')
    mask = torch.fmod(xx + yy, 2)
    mask = mask.to(torch.float32).view(1, 1, h, w)
    if invert:
        mask = 1 - mask
    return mask

def create_channel_mask(c_in, invert=False):
    mask = torch.cat([torch.ones(c_in // 2, dtype=torch.float32),
                      torch.zeros(c_in - c_in // 2, dtype=torch.float32)])
    mask = mask.view(1, c_in, 1, 1)
    if invert:
        mask = 1 - mask
    return mask

print(create_checkerboard_mask(4, 4))
print(create_checkerboard_mask(2, 3, invert=True).squeeze())
print(create_channel_mask(4).flatten(), create_channel_mask(5, invert=True).flatten())
print(torch.fmod(torch.tensor([-3, 3, 5]), 2), torch.remainder(torch.tensor([-3, 3, 5]), 2))

# %%
class ConcatELU(nn.Module):
    def forward(self, x):
        return torch.cat([F.elu(x), F.elu(-x)], dim=1)

class LayerNormChannels(nn.Module):
    def __init__(self, c_in, eps=1e-5):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(1, c_in, 1, 1))
        self.beta = nn.Parameter(torch.zeros(1, c_in, 1, 1))
        self.eps = eps

    def forward(self, x):
        mean = x.mean(dim=1, keepdim=True)
        var = x.var(dim=1, unbiased=False, keepdim=True)
        y = (x - mean) / torch.sqrt(var + self.eps)
        y = y * self.gamma + self.beta
        return y

class GatedConv(nn.Module):
    def __init__(self, c_in, c_hidden):
        super().__init__()
        self.net = nn.Sequential(
            ConcatELU(),
            nn.Conv2d(2 * c_in, c_hidden, kernel_size=3, padding=1),
            ConcatELU(),
            nn.Conv2d(2 * c_hidden, 2 * c_in, kernel_size=1)
        )

    def forward(self, x):
        out = self.net(x)
        val, gate = out.chunk(2, dim=1)
        return x + val * torch.sigmoid(gate)

class GatedConvNet(nn.Module):
    def __init__(self, c_in, c_hidden=8, c_out=-1, num_layers=2):
        super().__init__()
        c_out = c_out if c_out > 0 else 2 * c_in
        layers = []
        layers += [nn.Conv2d(c_in, c_hidden, kernel_size=3, padding=1)]
        for layer_index in range(num_layers):
            layers += [GatedConv(c_hidden, c_hidden), LayerNormChannels(c_hidden)]
        layers += [ConcatELU(), nn.Conv2d(2 * c_hidden, c_out, kernel_size=3, padding=1)]
        self.nn = nn.Sequential(*layers)
        self.nn[-1].weight.data.zero_()
        self.nn[-1].bias.data.zero_()

    def forward(self, x):
        return self.nn(x)

net = GatedConvNet(c_in=1, num_layers=1)
print(net)
print(sum(p.numel() for p in net.parameters()), net(torch.randn(2, 1, 4, 4)).abs().sum())
ln = LayerNormChannels(3)
print(ln(torch.randn(2, 3, 2, 2)).mean(dim=1).abs().max() < 1e-5)

# %%
class CouplingLayer(nn.Module):
    def __init__(self, network, mask, c_in):
        super().__init__()
        self.network = network
        self.scaling_factor = nn.Parameter(torch.zeros(c_in))
        self.register_buffer('mask', mask)

    def forward(self, z, ldj, reverse=False, orig_img=None):
        z_in = z * self.mask
        if orig_img is None:
            nn_out = self.network(z_in)
        else:
            nn_out = self.network(torch.cat([z_in, orig_img], dim=1))
        s, t = nn_out.chunk(2, dim=1)
        s_fac = self.scaling_factor.exp().view(1, -1, 1, 1)
        s = torch.tanh(s / s_fac) * s_fac
        s = s * (1 - self.mask)
        t = t * (1 - self.mask)
        if not reverse:
            z = (z + t) * torch.exp(s)
            ldj += s.sum(dim=[1, 2, 3])
        else:
            z = (z * torch.exp(-s)) - t
            ldj -= s.sum(dim=[1, 2, 3])
        return z, ldj

class SqueezeFlow(nn.Module):
    def forward(self, z, ldj, reverse=False):
        B, C, H, W = z.shape
        if not reverse:
            z = z.reshape(B, C, H // 2, 2, W // 2, 2)
            z = z.permute(0, 1, 3, 5, 2, 4)
            z = z.reshape(B, 4 * C, H // 2, W // 2)
        else:
            z = z.reshape(B, C // 4, 2, 2, H, W)
            z = z.permute(0, 1, 4, 2, 5, 3)
            z = z.reshape(B, C // 4, H * 2, W * 2)
        return z, ldj

class SplitFlow(nn.Module):
    def __init__(self):
        super().__init__()
        self.prior = torch.distributions.normal.Normal(loc=0.0, scale=1.0)

    def forward(self, z, ldj, reverse=False):
        if not reverse:
            z, z_split = z.chunk(2, dim=1)
            ldj += self.prior.log_prob(z_split).sum(dim=[1, 2, 3])
        else:
            z_split = self.prior.sample(sample_shape=z.shape).to(z.device)
            z = torch.cat([z, z_split], dim=1)
            ldj -= self.prior.log_prob(z_split).sum(dim=[1, 2, 3])
        return z, ldj

sq = SqueezeFlow()
x = torch.arange(16).view(1, 1, 4, 4)
y, _ = sq(x, None)
print(y.shape, y[0, :, 0, 0], y.is_contiguous())
x2, _ = sq(y, None, reverse=True)
print(torch.equal(x, x2))
print(SplitFlow().prior, SplitFlow().prior.loc, SplitFlow().prior.batch_shape)

# %%
class ImageFlow(nn.Module):
    def __init__(self, flows, import_samples=4):
        super().__init__()
        self.flows = nn.ModuleList(flows)
        self.import_samples = import_samples
        self.prior = torch.distributions.normal.Normal(loc=0.0, scale=1.0)

    def encode(self, imgs):
        z, ldj = imgs, torch.zeros(imgs.shape[0], device=imgs.device)
        for flow in self.flows:
            z, ldj = flow(z, ldj, reverse=False)
        return z, ldj

    def _get_likelihood(self, imgs, return_ll=False):
        z, ldj = self.encode(imgs)
        log_pz = self.prior.log_prob(z).sum(dim=[1, 2, 3])
        log_px = ldj + log_pz
        nll = -log_px
        bpd = nll * np.log2(np.exp(1)) / np.prod(imgs.shape[1:])
        return bpd.mean() if not return_ll else log_px

    @torch.no_grad()
    def sample(self, img_shape, z_init=None):
        if z_init is None:
            z = self.prior.sample(sample_shape=img_shape)
        else:
            z = z_init
        ldj = torch.zeros(img_shape[0])
        for flow in reversed(self.flows):
            z, ldj = flow(z, ldj, reverse=True)
        return z

torch.manual_seed(1)
flow_layers = [Dequantization()]
for i in range(2):
    flow_layers += [CouplingLayer(network=GatedConvNet(c_in=1, c_hidden=8, num_layers=1),
                                  mask=create_checkerboard_mask(h=4, w=4, invert=(i % 2 == 1)), c_in=1)]
flow_layers += [SqueezeFlow()]
for i in range(2):
    flow_layers += [CouplingLayer(network=GatedConvNet(c_in=4, c_hidden=8, num_layers=1),
                                  mask=create_channel_mask(c_in=4, invert=(i % 2 == 1)), c_in=4)]
flow_layers += [SplitFlow(), SqueezeFlow()]
model = ImageFlow(flow_layers)
print(len(model.flows), sum(p.numel() for p in model.parameters()))
bpd = model._get_likelihood(imgs)
print(bpd, bpd.grad_fn, type(bpd.item()))
ll = model._get_likelihood(imgs, return_ll=True)
print(ll.shape, ll.dtype)

# %%
optimizer = optim.Adam(model.parameters(), lr=1e-2)
scheduler = optim.lr_scheduler.StepLR(optimizer, 1, gamma=0.99)
for step in range(6):
    loss = model._get_likelihood(imgs)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    scheduler.step()
    print(step, f"{loss.item():.4f} bpd", [round(float(l.scaling_factor.grad.abs().sum()), 4) for l in model.flows if isinstance(l, CouplingLayer)])
print(scheduler.get_last_lr())

# %%
torch.manual_seed(3)
samples = model.sample(img_shape=[4, 8, 1, 1])
print(samples.shape, samples.dtype, samples.min() >= 0, samples.max() <= 7)
z, ldj = model.encode(imgs)
print(z.shape, ldj.shape)
try:
    model.sample(img_shape=[4, 3, 1, 1])
except Exception as e:
    print(type(e).__name__, e)
