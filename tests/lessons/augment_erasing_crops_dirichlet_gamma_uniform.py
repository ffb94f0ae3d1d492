# Imitates tensor-only augmentation cells (random erasing as in Zhong et al. written by hand, random crops by slicing
# with drawn offsets, flips with torch.flip / torch.rot90 and torch.where on a drawn mask) and the distribution draws
# that drive them: torch.distributions.Dirichlet / Gamma / Uniform samples, log_prob, entropy, rsample gradients,
# and the parameter errors learners meet.
import torch
from torch.distributions import Dirichlet, Gamma, Uniform

torch.manual_seed(0)
imgs = torch.rand(3, 2, 5, 5)

# %%
def random_erase(img, p=0.5, value=0.0):
    if torch.rand(1).item() > p:
        return img
    C, H, W = img.shape
    area = torch.empty(1).uniform_(0.1, 0.4).item() * H * W
    ratio = torch.empty(1).uniform_(0.5, 2.0).item()
    h = min(H, int(round((area * ratio) ** 0.5)))
    w = min(W, int(round((area / ratio) ** 0.5)))
    top = torch.randint(0, H - h + 1, (1,)).item()
    left = torch.randint(0, W - w + 1, (1,)).item()
    out = img.clone()
    out[:, top:top + h, left:left + w] = value
    return out, (top, left, h, w)

torch.manual_seed(5)
for i in range(3):
    r = random_erase(imgs[i], p=0.9)
    if isinstance(r, tuple):
        print(r[1], (r[0] == 0).sum().item())
    else:
        print("kept")
e = imgs[0].clone()
e[:, 1:3, 2:4] = torch.randn(2, 2, 2)
print(e[0])
e[:, 0:2, 0:2].normal_()
print(e[1, :2, :2])

# %%
# random erasing inside the graph: the erased region is redrawn in place, so no gradient flows back there
torch.manual_seed(11)
x = imgs.clone().requires_grad_()
feat = x * 2
top, left = torch.randint(0, 3, (2,)).tolist()
feat[:, :, top:top + 2, left:left + 3].normal_(0, 1)
print(top, left, feat.grad_fn.name(), feat._version)
feat.pow(2).sum().backward()
print(x.grad[0, 0])
noise = x * 1
noise[1].uniform_(0, 1)
noise[2, 0, 0].random_(0, 4)
noise.sum().backward()
print(noise[2, 0, 0], x.grad[1, 0, 0], x.grad[2, 0])
r = (x * 1).exponential_()
print(r.grad_fn.name(), r.requires_grad, torch.autograd.grad(r.sum(), x)[0].abs().sum())

# %%
torch.manual_seed(6)
padded = torch.nn.functional.pad(imgs, (1, 1, 1, 1), mode="reflect")
print(padded.shape)
crops = []
for i in range(imgs.size(0)):
    t, l = torch.randint(0, 3, (2,)).tolist()
    crops.append(padded[i, :, t:t + 5, l:l + 5])
    print(t, l)
batch = torch.stack(crops)
print(batch.shape, batch[0, 0, 0])
off = torch.randint(0, 3, (3, 2))
print(off)
idx_h = off[:, :1] + torch.arange(5)
print(idx_h)
rows = padded[torch.arange(3)[:, None], :, idx_h]
print(rows.shape)

# %%
torch.manual_seed(7)
x = imgs.clone().requires_grad_()
flip_mask = torch.rand(3) < 0.5
print(flip_mask)
flipped = torch.where(flip_mask[:, None, None, None], x.flip(-1), x)
print(flipped.grad_fn.name(), flipped[:, 0, 0, :2])
rot = torch.rot90(flipped, 1, dims=(2, 3))
print(rot.grad_fn.name(), rot.shape)
(rot * torch.arange(5.)).sum().backward()
print(x.grad[0, 0], x.grad[2, 1])
k = torch.randint(0, 4, (3,))
print(k, torch.stack([torch.rot90(imgs[i], int(k[i]), (1, 2)) for i in range(3)]).shape)
vflip = torch.where(torch.tensor([True, False, True]).view(3, 1, 1, 1), imgs.flip(2), imgs)
print(vflip[:, 0, :, 0])

# %%
torch.manual_seed(8)
d = Dirichlet(torch.tensor([0.5, 1.0, 2.0]))
s = d.sample()
print(s, s.sum(), d.log_prob(s), d.mean, d.variance, d.entropy())
print(d.sample((2,)), d.batch_shape, d.event_shape)
conc = torch.tensor([1.5, 0.7, 3.0], requires_grad=True)
dd = Dirichlet(conc)
v = torch.tensor([0.2, 0.3, 0.5])
lp = dd.log_prob(v)
lp.backward()
print(lp, lp.grad_fn.name(), conc.grad)
r = dd.rsample()
print(r, r.grad_fn.name())
Dirichlet(torch.ones(2, 4)).log_prob(torch.full((2, 4), 0.25))

# %%
torch.manual_seed(9)
g = Gamma(torch.tensor([2.0, 0.5]), torch.tensor([1.0, 3.0]))
s = g.sample()
print(s, g.log_prob(s), g.mean, g.variance, g.entropy(), g.cdf(torch.tensor([1.0, 0.1])))
a = torch.tensor(3.0, requires_grad=True)
b = torch.tensor(2.0, requires_grad=True)
lp = Gamma(a, b).log_prob(torch.tensor(1.25))
lp.backward()
print(lp, a.grad, b.grad)
rs = Gamma(a, b).rsample((4,))
print(rs, rs.grad_fn.name())
rs.sum().backward()
print(a.grad, b.grad)
print(torch._standard_gamma(torch.tensor([1.0, 2.0, 0.3])))

# %%
torch.manual_seed(10)
u = Uniform(torch.tensor([0.0, -1.0]), torch.tensor([1.0, 3.0]))
s = u.sample((3,))
print(s, u.log_prob(s), u.entropy(), u.mean, u.stddev, u.cdf(torch.tensor([0.5, 0.0])), u.icdf(torch.tensor([0.5, 0.25])))
lo = torch.tensor(0.5, requires_grad=True)
hi = torch.tensor(2.0, requires_grad=True)
r = Uniform(lo, hi).rsample((2,))
r.sum().backward()
print(r, lo.grad, hi.grad)
print(Uniform(0.0, 1.0, validate_args=False).log_prob(torch.tensor([-0.5, 0.5, 1.0])))
print(Uniform(2, 5).sample(), torch.empty(3).uniform_(-1, 1))

# %%
for make in [lambda: Dirichlet(torch.tensor([1.0, -0.1])),
             lambda: Dirichlet(torch.tensor(1.0)),
             lambda: Dirichlet(torch.ones(3)).log_prob(torch.tensor([0.5, 0.6, -0.1])),
             lambda: Gamma(torch.tensor(-1.0), torch.tensor(1.0)),
             lambda: Gamma(1.0, 0.0),
             lambda: Gamma(1.0, 1.0).log_prob(torch.tensor(-2.0)),
             lambda: Uniform(1.0, 0.0),
             lambda: Uniform(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 1.0])),
             lambda: Uniform(0.0, 1.0).log_prob(torch.tensor(1.5)),
             lambda: torch.empty(2).uniform_(3, 1),
             lambda: torch.rot90(imgs, 1, (0, 0)),
             lambda: torch.where(torch.tensor([1, 0, 1]).view(3, 1, 1, 1), imgs, 0.0).shape,
             lambda: imgs[:, :, 3:1].shape]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
