# Imitates Alfredo Canziani's NYU Deep Learning course (Atcold/pytorch-Deep-Learning, NYU-DLSP20/21), notebook
# 12-regularization.ipynb: a small classifier with and without nn.Dropout (train() vs eval() outputs), an L1
# penalty added by hand (sum of p.abs().sum() over weights), L2 through weight_decay, and weight histograms with
# torch.histc(weights, bins, min, max), on random data at tiny sizes.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
X = torch.randn(40, 10)
y = torch.randint(0, 2, (40,))

# %%
class FFN(nn.Module):
    def __init__(self, p=0.0):
        super().__init__()
        self.layer1 = nn.Linear(10, 16)
        self.dropout = nn.Dropout(p)
        self.layer2 = nn.Linear(16, 2)

    def forward(self, x):
        x = F.relu(self.layer1(x))
        x = self.dropout(x)
        return self.layer2(x)

model = FFN(p=0.5)
print(model)
model.train()
a, b = model(X[:3]), model(X[:3])
print(torch.equal(a, b), model.training, model.dropout.training)
model.eval()
a, b = model(X[:3]), model(X[:3])
print(torch.equal(a, b), model.training, model.dropout.training)
d = nn.Dropout(0.25)
o = d(torch.ones(2, 8))
print(o, o.unique())
d.eval()
print(d(torch.ones(2, 4)), d)
print(F.dropout(torch.ones(2, 4), 0.5, training=False), F.dropout(torch.ones(6), p=0.0))
try:
    nn.Dropout(1.5)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.dropout(torch.ones(3), p=-0.1)
except Exception as e:
    print(type(e).__name__, e)
print(F.dropout(torch.ones(4), p=1.0), nn.Dropout(p=1)(torch.ones(3)))

# %%
def train(model, l1_lambda=0.0, weight_decay=0.0, epochs=30):
    optimiser = torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=weight_decay)
    for epoch in range(epochs):
        model.train()
        out = model(X)
        loss = F.cross_entropy(out, y)
        if l1_lambda > 0:
            l1 = 0
            for name, p in model.named_parameters():
                if 'weight' in name:
                    l1 = l1 + p.abs().sum()
            loss = loss + l1_lambda * l1
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    model.eval()
    with torch.no_grad():
        acc = (model(X).argmax(1) == y).float().mean()
    return round(loss.item(), 4), acc

torch.manual_seed(1)
print(train(FFN()))
torch.manual_seed(1)
print(train(FFN(), l1_lambda=1e-2))
torch.manual_seed(1)
print(train(FFN(), weight_decay=1e-2))
torch.manual_seed(1)
print(train(FFN(p=0.3)))

# %%
torch.manual_seed(1)
m_plain = FFN()
train(m_plain)
torch.manual_seed(1)
m_l1 = FFN()
train(m_l1, l1_lambda=5e-2)
for m in (m_plain, m_l1):
    w = m.layer1.weight.data.flatten()
    h = torch.histc(w, bins=8, min=-0.5, max=0.5)
    print(h, h.sum(), h.dtype, (w.abs() < 1e-2).sum())
    print(torch.histc(w, bins=4), w.min(), w.max())
print(torch.histc(torch.tensor([1., 2, 1]), bins=4, min=0, max=3))
print(torch.histc(torch.tensor([0., 1., 2., 3.]), bins=3, min=0, max=3))
print(torch.histc(torch.tensor([5., 5., 5.]), bins=3))
print(torch.histc(torch.tensor([-1., 0.5, 9.]), bins=2, min=0, max=1))
print(torch.histc(torch.tensor([1., float('nan'), 2.]), bins=2, min=0, max=4))
print(torch.tensor([1., 2, 1]).histc(bins=2), torch.histc(torch.ones(2, 3, dtype=torch.float64), 3))
print(torch.histogram(torch.tensor([1., 2, 1]), bins=4, range=(0., 3.)))

# %%
for make in [
    lambda: torch.histc(torch.tensor([1, 2, 3]), bins=3),
    lambda: torch.histc(torch.tensor([1., 2.]), bins=0),
    lambda: torch.histc(torch.tensor([1., 2.]), bins=-2),
    lambda: torch.histc(torch.tensor([1., 2.]), bins=2, min=3, max=1),
    lambda: torch.histc(torch.tensor([1., float('inf')]), bins=2),
    lambda: torch.histc(torch.tensor([1., 2.], requires_grad=True), bins=2),
    lambda: torch.histc(torch.tensor([]), bins=3),
    lambda: torch.histc(torch.tensor([1., 2.]), bins=2.5),
    lambda: torch.histc(torch.tensor([True, False]), bins=2),
    lambda: torch.histc(torch.tensor([1., 2.], dtype=torch.float16), bins=2),
    lambda: torch.histc(torch.tensor(3.), bins=2),
    lambda: torch.histc(torch.tensor([1., 2.]), 2, 1, 1),
]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(1)
model = FFN()
optimiser = torch.optim.SGD(model.parameters(), lr=0.1)
l1 = sum(p.abs().sum() for p in model.parameters())
l2 = sum(p.pow(2.0).sum() for p in model.parameters())
print(l1, l2, l1.grad_fn)
loss = F.cross_entropy(model(X), y) + 1e-3 * l1 + 1e-3 * l2
loss.backward()
print(model.layer2.weight.grad)
print(torch.norm(model.layer1.weight, p=1), model.layer1.weight.norm(1), torch.linalg.norm(model.layer2.weight))
print(sum(p.numel() for p in model.parameters()), sum(p.numel() for p in model.parameters() if p.requires_grad))
weights = torch.cat([p.detach().flatten() for n, p in model.named_parameters() if 'weight' in n])
print(weights.shape, torch.histc(weights, bins=5, min=-1, max=1))
