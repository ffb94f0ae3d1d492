# Imitates a DeepSEA / Basset-style genomics lesson: a small Conv1d -> ReLU -> MaxPool1d -> Linear network on
# one-hot DNA predicting several chromatin marks at once (multi-label sigmoid outputs, BCEWithLogitsLoss with
# pos_weight from label frequencies), a few Adam steps, saliency maps (input gradient x input) on the one-hot input,
# and k-mer features (unfold windows, rolling base-4 hashes, torch.unique(return_counts=True) and bincount).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(42)
N, L, T = 8, 24, 3
tokens = torch.randint(0, 4, (N, L))
x = F.one_hot(tokens, 4).transpose(1, 2).float()
y = (torch.rand(N, T) < torch.tensor([0.5, 0.2, 0.1])).float()
print(x.shape, y, y.sum(0))

# %%
class Basset(nn.Module):
    def __init__(self, n_targets=3):
        super().__init__()
        self.conv = nn.Conv1d(4, 6, kernel_size=7, padding=3, bias=False)
        self.bn = nn.BatchNorm1d(6)
        self.pool = nn.MaxPool1d(4)
        self.conv2 = nn.Conv1d(6, 5, kernel_size=3, dilation=2, padding="same")
        self.fc = nn.Linear(5 * 6, n_targets)
        self.drop = nn.Dropout(0.2)

    def forward(self, x):
        h = self.pool(F.relu(self.bn(self.conv(x))))
        h = F.relu(self.conv2(h))
        return self.fc(self.drop(h.flatten(1)))

model = Basset(T)
print(model)
print(sum(p.numel() for p in model.parameters()))
out = model(x)
print(out.shape, out.grad_fn)

# %%
pos = y.sum(0)
pos_weight = (N - pos) / pos.clamp(min=1)
print(pos_weight)
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for step in range(4):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
print(model.conv.weight.grad[0, :, :3])

# %%
model.eval()
with torch.no_grad():
    probs = torch.sigmoid(model(x))
print(probs)
print((probs > 0.5).int(), ((probs > 0.5) == y.bool()).float().mean(0))
print(F.binary_cross_entropy_with_logits(model(x), y, pos_weight=pos_weight, reduction="none").shape)
print(F.binary_cross_entropy_with_logits(model(x), y, reduction="sum"))

# %%
xs = x[:2].clone().requires_grad_(True)
logit = model(xs)[:, 0].sum()
logit.backward()
sal = (xs.grad * xs).sum(dim=1)
print(xs.grad.shape, sal.shape)
print(sal)
print(sal.abs().argmax(dim=1), xs.grad.norm(dim=1).max(dim=1))
print(xs.grad[0, :, :5])

# %%
k = 3
windows = tokens.unfold(1, k, 1)
print(windows.shape, windows[0, :3])
powers = 4 ** torch.arange(k - 1, -1, -1)
hashes = (windows * powers).sum(-1)
print(powers, hashes[0])
counts = torch.bincount(hashes.flatten(), minlength=4 ** k)
print(counts.shape, counts[:16], counts.sum())
kmers, c = torch.unique(hashes[0], return_counts=True)
print(kmers, c)
u, inv, c2 = torch.unique(windows[0], dim=0, return_inverse=True, return_counts=True)
print(u.shape, inv, c2)
feat = torch.stack([torch.bincount(h, minlength=64) for h in hashes]).float()
feat = feat / feat.sum(1, keepdim=True)
print(feat.shape, feat[0].nonzero().flatten()[:8], feat.max())
print(torch.unique(tokens, sorted=True, return_counts=True))

# %%
try:
    model(x.transpose(1, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    model(F.one_hot(tokens, 4).transpose(1, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    loss_fn(model(x), y.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BCEWithLogitsLoss(pos_weight=torch.ones(4))(model(x), y)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bincount(torch.tensor([1, -1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bincount(torch.tensor([[1, 2]]))
except Exception as e:
    print(type(e).__name__, e)
