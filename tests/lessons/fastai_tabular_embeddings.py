# Imitates fast.ai's tabular model written from scratch (the "Rossmann / Adult from the foundations" notebooks,
# emb_sz_rule, TabularModel) and the "entity embeddings" blog posts: categorical codes built with
# torch.unique(return_inverse=True), emb_sz_rule, a ModuleList of nn.Embedding, embedding dropout, BatchNorm1d on
# the continuous columns, LinBnDrop blocks, y_range with sigmoid_range, training a few epochs, and embedding weights
# inspected afterwards (nearest categories by cosine similarity).
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
n = 200
workclass = ["Private", "Self-emp", "Gov", "Never-worked"]
education = ["HS", "Bachelors", "Masters", "Doctorate", "Some-college"]
raw_cat = [(workclass[i % 4], education[(i * 7) % 5]) for i in range(n)]
age = torch.randint(18, 70, (n,)).float()
hours = torch.randint(10, 60, (n,)).float()
cont = torch.stack([age, hours], dim=1)
codes = []
vocabs = []
for j in range(2):
    col = [r[j] for r in raw_cat]
    vocab = sorted(set(col))
    vocabs.append(["#na#"] + vocab)
    codes.append(torch.tensor([vocab.index(c) + 1 for c in col]))
cat = torch.stack(codes, dim=1)
y = ((age > 40) & (cat[:, 1] >= 3)).float() * 50 + hours * 0.5 + torch.randn(n)
print(vocabs)
print(cat[:5], cat.dtype, cont[:3])
u, inv, cnt = torch.unique(cat[:, 0], return_inverse=True, return_counts=True)
u, cnt, torch.equal(u[inv], cat[:, 0])

# %%
def emb_sz_rule(n_cat):
    return min(600, round(1.6 * n_cat ** 0.56))
emb_szs = [(len(v), emb_sz_rule(len(v))) for v in vocabs]
print(emb_szs)
means, stds = cont.mean(0), cont.std(0)
print(means, stds)
cont_norm = (cont - means) / stds
cont_norm.mean(0), cont_norm.std(0, unbiased=False)

# %%
def sigmoid_range(x, low, high):
    return torch.sigmoid(x) * (high - low) + low

class LinBnDrop(nn.Sequential):
    def __init__(self, n_in, n_out, bn=True, p=0., act=None):
        layers = [nn.BatchNorm1d(n_in)] if bn else []
        if p != 0:
            layers.append(nn.Dropout(p))
        layers.append(nn.Linear(n_in, n_out, bias=not bn))
        if act is not None:
            layers.append(act)
        super().__init__(*layers)

class TabularModel(nn.Module):
    def __init__(self, emb_szs, n_cont, out_sz, layers, ps=None, embed_p=0., y_range=None, use_bn=True):
        super().__init__()
        ps = ps or [0] * len(layers)
        self.embeds = nn.ModuleList([nn.Embedding(ni, nf) for ni, nf in emb_szs])
        self.emb_drop = nn.Dropout(embed_p)
        self.bn_cont = nn.BatchNorm1d(n_cont)
        n_emb = sum(e.embedding_dim for e in self.embeds)
        self.n_emb, self.n_cont, self.y_range = n_emb, n_cont, y_range
        sizes = [n_emb + n_cont] + layers + [out_sz]
        actns = [nn.ReLU(inplace=True) for _ in range(len(sizes) - 2)] + [None]
        self.layers = nn.Sequential(*[LinBnDrop(sizes[i], sizes[i + 1], bn=use_bn and i != 0, p=p, act=a)
                                      for i, (p, a) in enumerate(zip(ps + [0.], actns))])
    def forward(self, x_cat, x_cont=None):
        if self.n_emb != 0:
            x = [e(x_cat[:, i]) for i, e in enumerate(self.embeds)]
            x = torch.cat(x, 1)
            x = self.emb_drop(x)
        if self.n_cont != 0:
            x_cont = self.bn_cont(x_cont)
            x = torch.cat([x, x_cont], 1) if self.n_emb != 0 else x_cont
        x = self.layers(x)
        if self.y_range is not None:
            x = sigmoid_range(x, *self.y_range)
        return x

torch.manual_seed(0)
model = TabularModel(emb_szs, 2, 1, [20, 10], ps=[0.01, 0.1], embed_p=0.04, y_range=(0, 100))
print(model)
model(cat[:4], cont[:4]).shape

# %%
opt = torch.optim.Adam(model.parameters(), lr=1e-2, weight_decay=1e-2)
for epoch in range(5):
    model.train()
    perm = torch.randperm(n)
    tot = 0.
    for i in range(0, n, 50):
        idx = perm[i:i + 50]
        pred = model(cat[idx], cont[idx]).squeeze(1)
        loss = F.mse_loss(pred, y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        tot += loss.item() * len(idx)
    model.eval()
    with torch.no_grad():
        val = F.l1_loss(model(cat, cont).squeeze(1), y)
    print(f"epoch {epoch}: train mse {tot / n:.3f} valid mae {val:.3f}")
model.bn_cont.running_mean, model.bn_cont.num_batches_tracked

# %%
emb = model.embeds[1].weight.detach()
sims = F.cosine_similarity(emb[1:, None, :], emb[None, 1:, :], dim=-1)
print(sims.shape, sims.diagonal())
nearest = sims.fill_diagonal_(-2).argmax(dim=1)
print([(vocabs[1][i + 1], vocabs[1][j + 1]) for i, j in enumerate(nearest.tolist())])
e2 = nn.Embedding(5, 3, padding_idx=0, max_norm=1.0)
out = e2(torch.tensor([[0, 2, 2, 4]]))
print(out[0, 0], e2.weight.norm(dim=1) <= 1.0 + 1e-6)
try:
    model.embeds[0](torch.tensor([5]))
except IndexError as e:
    print("IndexError:", e)
nn.Embedding.from_pretrained(emb[:3], freeze=False, padding_idx=0)

# %%
one_hot_cat = torch.cat([F.one_hot(cat[:, i], len(vocabs[i])) for i in range(2)], dim=1).float()
X = torch.cat([one_hot_cat, cont_norm], dim=1)
print(X.shape, X.dtype)
A = torch.cat([X, torch.ones(n, 1)], 1).double()
W = torch.linalg.lstsq(A, y.unsqueeze(1).double(), driver='gelsd').solution
baseline = A @ W
F.l1_loss(baseline.squeeze(1), y.double()).float(), W.shape, torch.linalg.matrix_rank(A)
