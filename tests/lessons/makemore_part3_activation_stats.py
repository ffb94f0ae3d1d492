# Imitates Karpathy's makemore part 3 diagnostics cells: the fixed initial loss (-log(1/27)), logits scaled down,
# tanh saturation fraction, per-layer mean/std/saturation printouts with retain_grad() on every layer's output,
# torch.histc histograms of activations and gradients, the "grad:data ratio" table, the update-to-data ratio, and
# a BatchNorm1d by hand vs nn.BatchNorm1d in train and eval modes.
import torch
import torch.nn.functional as F
print(-torch.tensor(1/27.0).log())
logits = torch.tensor([0.0, 0.0, 0.0, 0.0])
probs = torch.softmax(logits, dim=0)
loss = -probs[2].log()
print(probs, loss)
logits = torch.randn(4, generator=torch.Generator().manual_seed(1)) * 10
probs = torch.softmax(logits, dim=0)
print(logits, probs, -probs[2].log())

# %%
g = torch.Generator().manual_seed(2147483647)
n_embd, n_hidden, vocab_size, block_size = 10, 64, 27, 3
C = torch.randn((vocab_size, n_embd), generator=g)
layers = []
fan_in = n_embd * block_size
dims = [fan_in, n_hidden, n_hidden, n_hidden, vocab_size]
Ws = []
for i in range(4):
    W = torch.randn((dims[i], dims[i + 1]), generator=g) * (5/3) / dims[i]**0.5
    if i == 3:
        W = W * 0.1
    Ws.append(W)
parameters = [C] + Ws
for p in parameters:
    p.requires_grad = True
print(sum(p.nelement() for p in parameters))
Xb = torch.randint(0, vocab_size, (32, block_size), generator=g)
Yb = torch.randint(0, vocab_size, (32,), generator=g)
emb = C[Xb]
x = emb.view(emb.shape[0], -1)
outs = []
for i, W in enumerate(Ws):
    x = x @ W
    if i < 3:
        x = torch.tanh(x)
    x.retain_grad()
    outs.append(x)
loss = F.cross_entropy(x, Yb)
for p in parameters:
    p.grad = None
loss.backward()
print(loss.item())

# %%
for i, t in enumerate(outs[:-1]):
    print('layer %d (%10s): mean %+.2f, std %.2f, saturated: %.2f%%' % (i, 'Tanh', t.mean(), t.std(), (t.abs() > 0.97).float().mean() * 100))
    hy = torch.histc(t, bins=10, min=-1, max=1)
    print(hy)
for i, t in enumerate(outs[:-1]):
    gt = t.grad
    print('layer %d (%10s): mean %+f, std %e' % (i, 'Tanh', gt.mean(), gt.std()))
    print(torch.histc(gt, bins=5))

# %%
for i, p in enumerate(parameters):
    t = p.grad
    if p.ndim == 2:
        print('weight %10s | mean %+f | std %e | grad:data ratio %e' % (tuple(p.shape), t.mean(), t.std(), t.std() / p.std()))
lr = 0.1
ud = []
with torch.no_grad():
    ud.append([((lr * p.grad).std() / p.data.std()).log10().item() for p in parameters])
print([round(v, 3) for v in ud[0]])
print(outs[0].grad.shape, outs[-1].grad.sum())

# %%
torch.manual_seed(0)
hpreact = torch.randn(32, 8) * 3 + 1
bngain = torch.ones((1, 8)); bnbias = torch.zeros((1, 8))
bnmean_running = torch.zeros((1, 8)); bnstd_running = torch.ones((1, 8))
bnmeani = hpreact.mean(0, keepdim=True)
bnstdi = hpreact.std(0, keepdim=True)
out_hand = bngain * (hpreact - bnmeani) / bnstdi + bnbias
with torch.no_grad():
    bnmean_running = 0.999 * bnmean_running + 0.001 * bnmeani
    bnstd_running = 0.999 * bnstd_running + 0.001 * bnstdi
bn = torch.nn.BatchNorm1d(8, momentum=0.001, affine=True)
out_mod = bn(hpreact)
print((out_hand - out_mod).abs().max())
print(bn.running_mean, bnmean_running)
print(bn.running_var.sqrt() - bnstd_running)
bn.eval()
print(bn(hpreact[:2]))
print(bn.state_dict().keys(), bn.num_batches_tracked)
