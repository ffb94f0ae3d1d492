# Imitates Glow implementations written for teaching (rosinality's glow-pytorch "model.py", the "Glow from scratch"
# blog posts, the UvA flows notebook's exercises): ActNorm with data-dependent initialisation through .data.copy_
# and a uint8 "initialized" buffer, the invertible 1x1 convolution with its weight from torch.linalg.qr and the LU
# parametrisation (torch.linalg.lu, sign and log|s| of U's diagonal, masks from numpy), log-determinants as
# height * width * sum(log|s|) checked against torch.slogdet / torch.det of the weight and of its transpose,
# lu_factor / lu_unpack / lu_solve for the inverse, a float64 two-moons batch from numpy meeting float32 layers.
import math
import torch
import numpy as np
import torch.nn as nn
import torch.nn.functional as F
import torch.distributions as D
torch.manual_seed(0)
# %%
w_init = torch.linalg.qr(torch.randn(4, 4))[0]
print(w_init, torch.det(w_init).abs())
P, L, U = torch.linalg.lu(w_init)
print(P, L, U)
s = torch.diag(U)
sign_s = torch.sign(s)
log_s = torch.log(torch.abs(s))
U2 = torch.triu(U, 1)
l_mask = torch.tril(torch.ones(4, 4), -1)
eye = torch.eye(4)
W = P @ (L * l_mask + eye) @ (U2 * l_mask.T + torch.diag(sign_s * torch.exp(log_s)))
print(torch.allclose(W, w_init, atol=1e-6), log_s.sum(), torch.slogdet(w_init))
LU, piv = torch.linalg.lu_factor(w_init)
print(LU, piv, piv.dtype)
P2, L2, U3 = torch.lu_unpack(LU, piv)
print(torch.allclose(P2 @ L2 @ U3, w_init, atol=1e-6))
x = torch.randn(4, 2)
print(torch.linalg.lu_solve(LU, piv, x), torch.linalg.solve(w_init, x))
# %%
class InvConv2dLU(nn.Module):
    def __init__(self, in_channel):
        super().__init__()
        weight = np.random.RandomState(0).randn(in_channel, in_channel)
        q, _ = np.linalg.qr(weight)

        w = torch.from_numpy(q.astype(np.float32))
        P, L, U = torch.linalg.lu(w)
        w_s = torch.diag(U)
        self.register_buffer("w_p", P)
        self.register_buffer("u_mask", torch.from_numpy(np.triu(np.ones_like(q), 1)).float())
        self.register_buffer("l_mask", self.u_mask.T)
        self.register_buffer("s_sign", torch.sign(w_s))
        self.register_buffer("l_eye", torch.eye(in_channel))
        self.w_l = nn.Parameter(L)
        self.w_s = nn.Parameter(torch.log(torch.abs(w_s)))
        self.w_u = nn.Parameter(torch.triu(U, 1))
    def calc_weight(self):
        weight = self.w_p @ (self.w_l * self.l_mask + self.l_eye) @ ((self.w_u * self.u_mask) + torch.diag(self.s_sign * torch.exp(self.w_s)))
        return weight.unsqueeze(2).unsqueeze(3)
    def forward(self, input):
        _, _, height, width = input.shape
        weight = self.calc_weight()
        out = F.conv2d(input, weight)
        logdet = height * width * torch.sum(self.w_s)
        return out, logdet
    def reverse(self, output):
        weight = self.calc_weight()
        return F.conv2d(output, weight.squeeze().inverse().unsqueeze(2).unsqueeze(3))
m = InvConv2dLU(4)
x = torch.randn(2, 4, 3, 3)
y, ld = m(x)
print(y.shape, ld, m.reverse(y).sub(x).abs().max() < 1e-5)
(y.sum() + ld).backward()
print(m.w_s.grad, m.w_l.grad)
print(m.u_mask.dtype, m.l_mask.is_contiguous(), m.s_sign)
# %%
logabs = lambda x: torch.log(torch.abs(x))
class ActNorm(nn.Module):
    def __init__(self, in_channel, logdet=True):
        super().__init__()
        self.loc = nn.Parameter(torch.zeros(1, in_channel, 1, 1))
        self.scale = nn.Parameter(torch.ones(1, in_channel, 1, 1))
        self.register_buffer("initialized", torch.tensor(0, dtype=torch.uint8))
        self.logdet = logdet
    def initialize(self, input):
        with torch.no_grad():
            flatten = input.permute(1, 0, 2, 3).contiguous().view(input.shape[1], -1)
            mean = flatten.mean(1).unsqueeze(1).unsqueeze(2).unsqueeze(3).permute(1, 0, 2, 3)
            std = flatten.std(1).unsqueeze(1).unsqueeze(2).unsqueeze(3).permute(1, 0, 2, 3)
            self.loc.data.copy_(-mean)
            self.scale.data.copy_(1 / (std + 1e-6))
    def forward(self, input):
        _, _, height, width = input.shape
        if self.initialized.item() == 0:
            self.initialize(input)
            self.initialized.fill_(1)
        log_abs = logabs(self.scale)
        logdet = height * width * torch.sum(log_abs)
        return self.scale * (input + self.loc), logdet
an = ActNorm(4)
out, ld = an(x * 3 + 1)
print(an.initialized, out.mean(dim=(0, 2, 3)), out.std(dim=(0, 2, 3)), ld)
print(an.state_dict().keys(), an.initialized.dtype)
# %%
rng = np.random.RandomState(0)
n = 8
outer = np.linspace(0, np.pi, n)
X = np.vstack([np.append(np.cos(outer), 1 - np.cos(outer)), np.append(np.sin(outer), 1 - np.sin(outer) - .5)]).T
X += rng.normal(scale=0.05, size=X.shape)
Xt = torch.from_numpy(X)
print(Xt.dtype, Xt.shape)
lin = nn.Linear(2, 2)
try:
    lin(Xt)
except Exception as e:
    print(type(e).__name__, e)
try:
    D.Normal(0., 1.).log_prob(Xt).dtype
    print(D.Normal(0., 1.).log_prob(Xt).dtype, D.Normal(torch.zeros(2), 1.).log_prob(Xt).dtype)
except Exception as e:
    print(type(e).__name__, e)
mvn = D.MultivariateNormal(torch.zeros(2), torch.eye(2))
try:
    print(mvn.log_prob(Xt).dtype)
except Exception as e:
    print(type(e).__name__, e)
# %%
mix = D.MixtureSameFamily(D.Categorical(logits=torch.zeros(3)), D.Independent(D.Normal(torch.randn(3, 2), torch.ones(3, 2) * 0.5), 1))
print(mix, mix.batch_shape, mix.event_shape)
s = mix.sample((4,))
print(s.shape, mix.log_prob(s), mix.mean, mix.variance)
try:
    mix.rsample()
except Exception as e:
    print(type(e).__name__, e)
print(mix.cdf if False else mix.has_rsample)
# %%
quants = 256
x_int = torch.randint(0, quants, (4, 3))
u = torch.rand(x_int.shape)
y = (x_int.float() + u) / quants
prior = D.Independent(D.Normal(torch.zeros(3), torch.ones(3)), 1)
logit = torch.logit(y, eps=1e-6)
ldj = (-torch.log(y) - torch.log1p(-y)).sum(-1) - 3 * math.log(quants)
nll = -(prior.log_prob(logit) + ldj)
bpd = nll / (3 * math.log(2))
print(bpd, f"{bpd.mean().item():.4f}", torch.logit(torch.tensor([0., 1., 0.5])), torch.logit(torch.tensor([0., 1.]), eps=0.1))
print(D.Beta(torch.tensor(2.), torch.tensor(3.)).rsample((3,)), D.Uniform(0., 1.).log_prob(torch.tensor([0.5, 1.0])))
# %%
torch.manual_seed(5)
A = torch.randn(5, 5)
print(A.is_contiguous(), A.T.is_contiguous())
print(torch.det(A), torch.det(A.T), torch.linalg.det(A.T.contiguous()))
print(torch.slogdet(A), torch.linalg.slogdet(A.T))
print(torch.logdet(A @ A.T), torch.logdet((A @ A.T).T), torch.logdet(torch.linalg.qr(A)[0]))
Ab = torch.randn(3, 4, 4)
print(torch.det(Ab), torch.det(Ab.mT), torch.linalg.slogdet(Ab).logabsdet, torch.linalg.slogdet(Ab.transpose(1, 2)).logabsdet)
LU, piv = torch.linalg.lu_factor(A)
print(LU.diagonal().prod(), LU.diagonal().abs().log().sum(), piv)
W = m.calc_weight().squeeze()
print(torch.slogdet(W).logabsdet, m.w_s.sum(), W.is_contiguous())
