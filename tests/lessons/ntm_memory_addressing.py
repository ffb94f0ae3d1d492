# Imitates the Neural Turing Machine walk-throughs and the loudinthecloud/pytorch-ntm code (memory.py's NTMMemory:
# content addressing with F.cosine_similarity and key strength beta, the interpolation gate, the circular-convolution
# shift, sharpening with gamma; read and write heads with erase/add vectors via outer products), plus the torch.roll
# / stack version of the shift from blog posts and the addressing weights printed at each step.
import torch
import torch.nn.functional as F

# %%
class NTMMemory:
    def __init__(self, N, M):
        self.N, self.M = N, M
        self.reset(1)

    def reset(self, batch_size):
        self.batch_size = batch_size
        self.memory = torch.ones(batch_size, self.N, self.M) * 1e-6

    def size(self):
        return self.N, self.M

    def read(self, w):
        return torch.matmul(w.unsqueeze(1), self.memory).squeeze(1)

    def write(self, w, e, a):
        self.prev_mem = self.memory
        erase = torch.matmul(w.unsqueeze(-1), e.unsqueeze(1))
        add = torch.matmul(w.unsqueeze(-1), a.unsqueeze(1))
        self.memory = self.prev_mem * (1 - erase) + add

    def address(self, k, beta, g, s, gamma, w_prev):
        wc = self._similarity(k, beta)
        wg = self._interpolate(w_prev, wc, g)
        w_hat = self._shift(wg, s)
        w = self._sharpen(w_hat, gamma)
        return w

    def _similarity(self, k, beta):
        k = k.view(self.batch_size, 1, -1)
        w = F.softmax(beta * F.cosine_similarity(self.memory + 1e-16, k + 1e-16, dim=-1), dim=1)
        return w

    def _interpolate(self, w_prev, wc, g):
        return g * wc + (1 - g) * w_prev

    def _shift(self, wg, s):
        result = torch.zeros(wg.size())
        for b in range(self.batch_size):
            result[b] = _convolve(wg[b], s[b])
        return result

    def _sharpen(self, w_hat, gamma):
        w = w_hat ** gamma
        w = torch.div(w, torch.sum(w, dim=1).view(-1, 1) + 1e-16)
        return w

def _convolve(w, s):
    assert s.size(0) == 3
    t = torch.cat([w[-1:], w, w[:1]])
    c = F.conv1d(t.view(1, 1, -1), s.view(1, 1, -1)).view(-1)
    return c

torch.manual_seed(0)
mem = NTMMemory(6, 4)
mem.memory = torch.randn(1, 6, 4) * 0.5
k = torch.randn(1, 4, requires_grad=True)
beta = F.softplus(torch.tensor([[2.0]], requires_grad=True))
g = torch.sigmoid(torch.tensor([[0.5]]))
s = F.softmax(torch.tensor([[0.1, 2.0, 0.3]]), dim=1)
gamma = 1 + F.softplus(torch.tensor([[1.0]]))
w_prev = F.one_hot(torch.tensor([0]), 6).float()
torch.set_printoptions(precision=3)
wc = mem._similarity(k, beta)
print("content:", wc)
w = mem.address(k, beta, g, s, gamma, w_prev)
print("final:  ", w, w.grad_fn)
r = mem.read(w)
print(r)
r.sum().backward()
print(k.grad)
torch.set_printoptions(profile="default")

# %%
e = torch.sigmoid(torch.randn(1, 4))
a = torch.tanh(torch.randn(1, 4))
before = mem.memory.clone()
mem.write(w.detach(), e, a)
print((mem.memory - before).abs().sum(dim=-1))
print(torch.outer(w[0].detach(), e[0]).shape, torch.ger(w[0].detach(), a[0]).allclose(torch.einsum("n,m->nm", w[0], a[0])))
print(torch.einsum("bn,bm->bnm", w, e).grad_fn)
for bad in [lambda: torch.ger(torch.ones(2, 2), torch.ones(2)),
            lambda: F.cosine_similarity(torch.randn(2, 3), torch.randn(4, 3)),
            lambda: F.cosine_similarity(torch.randn(2, 3), torch.randn(2, 3), dim=2),
            lambda: torch.roll(torch.arange(6).view(2, 3), (1, 1), 0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
def shift_roll(wg, s):
    shifted = torch.stack([torch.roll(wg, sh, dims=-1) for sh in (1, 0, -1)], dim=-1)
    return (shifted * s.unsqueeze(1)).sum(-1)

wg = torch.tensor([[0.7, 0.2, 0.1, 0.0, 0.0]], requires_grad=True)
s = torch.tensor([[0.0, 0.0, 1.0]])
print(shift_roll(wg, s), torch.roll(wg, -1, -1))
s = torch.tensor([[0.1, 0.8, 0.1]], requires_grad=True)
out = shift_roll(wg, s)
print(out, out.sum())
out[0, 1].backward()
print(wg.grad, s.grad)
print(torch.roll(torch.arange(6).view(2, 3), 1), torch.roll(torch.arange(6).view(2, 3), (1, -1), (0, 1)))
x = torch.zeros(2, 3, requires_grad=True)
c = F.cosine_similarity(x, torch.ones(2, 3))
c.sum().backward()
print(c, x.grad)
print(F.cosine_similarity(torch.tensor([[1.0, 0.0]]), torch.tensor([[1.0, 1.0], [0.0, 1.0]]), eps=1e-8))
print(torch.nn.CosineSimilarity(dim=1))
