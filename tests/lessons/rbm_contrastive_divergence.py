# Imitates the "RBM from scratch in PyTorch" tutorials (GabrielBianconi's pytorch-rbm, the odie2630 notebook with a
# free-energy loss, Deep Learning tutorial CD-k): sigmoid hidden/visible probabilities, torch.bernoulli samples,
# CD-k updates of W and biases by outer products under no_grad, free energy with F.softplus, and the autograd version
# whose loss is free_energy(v) - free_energy(v_k) (samples drawn from probabilities that require grad).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
n_vis, n_hid, k = 6, 4, 2
data = torch.bernoulli(torch.full((8, n_vis), 0.3))
data[:4, :3] = 1.0
W = torch.randn(n_hid, n_vis) * 0.1
vb = torch.zeros(n_vis)
hb = torch.zeros(n_hid)
print(data)

# %%
def sample_h(v):
    p = torch.sigmoid(F.linear(v, W, hb))
    return p, torch.bernoulli(p)

def sample_v(h):
    p = torch.sigmoid(F.linear(h, W.t(), vb))
    return p, p.bernoulli()

lr = 0.1
for epoch in range(3):
    ph0, h0 = sample_h(data)
    hk = h0
    for _ in range(k):
        pvk, vk = sample_v(hk)
        phk, hk = sample_h(vk)
    W += lr * (torch.matmul(ph0.t(), data) - torch.matmul(phk.t(), vk)) / data.size(0)
    vb += lr * torch.mean(data - vk, 0)
    hb += lr * torch.mean(ph0 - phk, 0)
    err = torch.sum((data - pvk) ** 2)
    print(epoch, round(err.item(), 4), W.norm().item() > 0)
print(torch.outer(data[0], ph0[0]).shape, torch.ger(vb, hb).shape)

# %%
def free_energy(v, W, vb, hb):
    vbias_term = v.mv(vb)
    hidden_term = F.softplus(F.linear(v, W, hb)).sum(1)
    return -hidden_term - vbias_term

print(free_energy(data, W, vb, hb))
manual = -(F.linear(data, W, hb).exp().add(1).log().sum(1)) - data @ vb
print(torch.allclose(manual, free_energy(data, W, vb, hb)))

# %%
class RBM(nn.Module):
    def __init__(self, n_vis, n_hid, k=1):
        super().__init__()
        self.W = nn.Parameter(torch.randn(n_hid, n_vis) * 1e-2)
        self.v_bias = nn.Parameter(torch.zeros(n_vis))
        self.h_bias = nn.Parameter(torch.zeros(n_hid))
        self.k = k
    def v_to_h(self, v):
        p_h = torch.sigmoid(F.linear(v, self.W, self.h_bias))
        return p_h, torch.bernoulli(p_h)
    def h_to_v(self, h):
        p_v = torch.sigmoid(F.linear(h, self.W.t(), self.v_bias))
        return p_v, torch.bernoulli(p_v)
    def forward(self, v):
        _, h = self.v_to_h(v)
        for _ in range(self.k):
            _, v_ = self.h_to_v(h)
            _, h = self.v_to_h(v_)
        return v, v_
    def free_energy(self, v):
        return (-v.mv(self.v_bias) - F.softplus(F.linear(v, self.W, self.h_bias)).sum(1)).mean()

rbm = RBM(n_vis, n_hid, k=1)
v, v_ = rbm(data)
print(v_.requires_grad, v_.grad_fn)
print(v_[:2])
loss = rbm.free_energy(v) - rbm.free_energy(v_)
loss.backward()
print(loss, rbm.W.grad.abs().sum() > 0, rbm.v_bias.grad)

# %%
opt = torch.optim.SGD(rbm.parameters(), lr=0.1)
for epoch in range(3):
    v, v_ = rbm(data)
    loss = rbm.free_energy(v) - rbm.free_energy(v_.detach())
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(epoch, round(loss.item(), 5))
p_h, h = rbm.v_to_h(data[:2])
print(h.grad_fn.name(), h.grad_fn.next_functions[0][0].name())
x = p_h.clone()
x.bernoulli_(0.5)
print(x.grad_fn)
x = p_h * 1
x.bernoulli_(torch.full_like(p_h, 0.5))
print(x.grad_fn, x.grad_fn.next_functions[1])
try:
    torch.bernoulli(p_h, 0.5).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    p_h.bernoulli(torch.rand(2, n_hid))
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    print(torch.bernoulli(p_h).requires_grad)
