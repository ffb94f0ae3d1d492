# Imitates dataflowr (Marc Lelarge) module 5 "stacking layers" (an MLP from nn.Sequential with an OrderedDict,
# printed, parameters counted) and module 8 "embeddings" (nn.Embedding with padding_idx and max_norm, a
# collaborative-filtering dot-product model with user/item biases trained on synthetic ratings).
from collections import OrderedDict
import torch
import torch.nn as nn

# %%
torch.manual_seed(0)
model = nn.Sequential(OrderedDict([
    ('fc1', nn.Linear(4, 8)),
    ('relu1', nn.ReLU()),
    ('drop', nn.Dropout(0.2)),
    ('fc2', nn.Linear(8, 3)),
    ('out', nn.LogSoftmax(dim=1)),
]))
print(model)
print(model.fc1, model[0] is model.fc1, model[-1])
print(sum(p.numel() for p in model.parameters()))
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
for name, p in model.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print([n for n, _ in model.named_children()])
print(model[1:3])

# %%
try:
    model.fc3
except Exception as e:
    print(type(e).__name__, e)
try:
    model[5]
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Sequential(OrderedDict([('fc.1', nn.Linear(2, 2))]))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(torch.randn(2, 5))
except Exception as e:
    print(type(e).__name__, e)
model.add_module('extra', nn.Identity())
print(model)
del model.extra
print(len(model))

# %%
torch.manual_seed(0)
emb = nn.Embedding(10, 3, padding_idx=0)
print(emb)
print(emb.weight[0])
idx = torch.tensor([[0, 2, 4], [4, 3, 0]])
out = emb(idx)
print(out.shape)
out.sum().backward()
print(emb.weight.grad[:5])
try:
    emb(torch.tensor([1.0, 2.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    emb(torch.tensor([10]))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Embedding(5, 2, padding_idx=5)
except Exception as e:
    print(type(e).__name__, e)
print(nn.Embedding(5, 2, padding_idx=-1).padding_idx)

# %%
torch.manual_seed(0)
emb = nn.Embedding(6, 4, max_norm=1.0)
print(emb)
print(emb.weight.norm(dim=1))
y = emb(torch.tensor([1, 2, 1]))
print(y.norm(dim=1))
print(emb.weight.norm(dim=1))
y.sum().backward()
print(emb.weight.grad)
w = nn.Embedding.from_pretrained(torch.arange(12.).view(4, 3), freeze=False, max_norm=2.0, norm_type=1.0)
print(w(torch.tensor([3])), w.weight)

# %%
class DotModel(nn.Module):
    def __init__(self, n_users, n_items, k=3):
        super().__init__()
        self.u = nn.Embedding(n_users, k)
        self.i = nn.Embedding(n_items, k)
        self.ub = nn.Embedding(n_users, 1)
        self.ib = nn.Embedding(n_items, 1)
    def forward(self, users, items):
        dot = (self.u(users) * self.i(items)).sum(1)
        return dot + self.ub(users).squeeze() + self.ib(items).squeeze()

torch.manual_seed(3)
n_u, n_i = 7, 5
users = torch.randint(0, n_u, (40,))
items = torch.randint(0, n_i, (40,))
ratings = (users % 3 + items % 2).float() + 1
net = DotModel(n_u, n_i)
print(net)
print(sum(p.numel() for p in net.parameters()))
opt = torch.optim.Adam(net.parameters(), lr=0.05, weight_decay=1e-4)
lossf = nn.MSELoss()
for epoch in range(40):
    opt.zero_grad()
    loss = lossf(net(users, items), ratings)
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(epoch, round(loss.item(), 4))
print(net(users[:3], items[:3]), ratings[:3])
