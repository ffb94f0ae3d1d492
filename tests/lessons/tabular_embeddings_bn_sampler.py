# Imitates a tabular deep-learning lesson: categorical columns through nn.Embedding, continuous columns binned with
# torch.bucketize and normalised by BatchNorm1d, dropout, class weights in CrossEntropyLoss, and a
# WeightedRandomSampler for the minority class, with the mistakes learners make on the way.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

torch.manual_seed(0)
n = 64
city = torch.randint(0, 5, (n,))
job = torch.randint(0, 3, (n,))
age = torch.rand(n) * 60 + 18
income = torch.randn(n) * 1000 + 3000
label = (torch.rand(n) < 0.2).long()
print(city[:8], job[:8], age[:4], income[:4])
print(label.bincount(), torch.bincount(label, minlength=3))

# %%
edges = torch.tensor([25.0, 35.0, 50.0, 65.0])
age_bin = torch.bucketize(age, edges)
print(age_bin[:10], age_bin.dtype, age_bin.max())
print(torch.bucketize(torch.tensor([25.0, 30.0, 65.0]), edges), torch.bucketize(torch.tensor([25.0, 30.0, 65.0]), edges, right=True))
print(torch.bucketize(3, torch.tensor([1, 3, 5])), torch.bucketize(torch.tensor([[1, 6], [2, 3]]), torch.tensor([1, 3, 5]), out_int32=True))
print(torch.searchsorted(edges, torch.tensor([30.0, 70.0])), torch.searchsorted(edges, 30.0, side="right"))

# %%
torch.bucketize(age, edges.view(2, 2))

# %%
torch.bucketize(age, edges.long())

# %%
# unsorted boundaries give no error, only wrong bins
print(torch.bucketize(torch.tensor([1.0, 4.0]), torch.tensor([5.0, 2.0, 3.0])))
print(torch.bucketize(torch.tensor([1.0, float("nan"), float("inf")]), torch.tensor([0.0, 2.0])))
print(torch.bucketize(torch.tensor([1, 2], dtype=torch.int32), torch.tensor([1.5])), torch.searchsorted(torch.tensor([[1, 3], [2, 4]]), torch.tensor([[2], [3]])))

# %%
torch.searchsorted(edges, torch.tensor([30.0]), side="left", right=True)

# %%
torch.searchsorted(edges, torch.tensor([30.0]), side="middle")

# %%
cont = torch.stack([age, income], dim=1)
mean, std = cont.mean(0), cont.std(0)
cont_n = (cont - mean) / std
print(mean, std, cont_n[:3])
cats = torch.stack([city, job, age_bin], dim=1)
print(cats.shape, cats.dtype, cats.max(0).values + 1)

# %%
class TabularModel(nn.Module):
    def __init__(self, cardinalities, n_cont, out=2, p=0.2):
        super().__init__()
        self.embeds = nn.ModuleList([nn.Embedding(c, min(50, (c + 1) // 2)) for c in cardinalities])
        self.emb_drop = nn.Dropout(p)
        self.bn_cont = nn.BatchNorm1d(n_cont)
        n_emb = sum(e.embedding_dim for e in self.embeds)
        self.layers = nn.Sequential(
            nn.Linear(n_emb + n_cont, 16), nn.ReLU(), nn.BatchNorm1d(16), nn.Dropout(p),
            nn.Linear(16, out))

    def forward(self, x_cat, x_cont):
        x = torch.cat([e(x_cat[:, i]) for i, e in enumerate(self.embeds)], 1)
        x = self.emb_drop(x)
        x = torch.cat([x, self.bn_cont(x_cont)], 1)
        return self.layers(x)

model = TabularModel([5, 3, 5], 2)
print(model)
print([tuple(e.weight.shape) for e in model.embeds])
print(model(cats[:4], cont[:4]).shape)

# %%
# mistake: a batch of one in training mode
model.train()
model(cats[:1], cont[:1])

# %%
model.eval()
print(model(cats[:1], cont[:1]).shape, model.bn_cont.running_mean, model.bn_cont.num_batches_tracked)
model.train()

# %%
# mistake: continuous features as float64
model(cats[:4], cont[:4].double())

# %%
# mistake: categorical codes as floats
model(cats[:4].float(), cont[:4])

# %%
counts = torch.bincount(label)
class_w = counts.sum() / (len(counts) * counts.float())
print(counts, class_w)
crit = nn.CrossEntropyLoss(weight=class_w)
print(crit, crit.weight)
logits = torch.tensor([[1.0, -1.0], [0.2, 0.3], [-0.5, 2.0], [0.0, 0.0]])
target = torch.tensor([0, 1, 1, 0])
print(crit(logits, target), F.cross_entropy(logits, target))
print(F.cross_entropy(logits, target, weight=class_w, reduction="sum"), F.cross_entropy(logits, target, weight=class_w, reduction="none"))
print(F.cross_entropy(logits, target, weight=class_w, label_smoothing=0.1), F.cross_entropy(logits, torch.tensor([0, -100, 1, 0]), weight=class_w))

# %%
# mistake: integer class weights
nn.CrossEntropyLoss(weight=counts)(logits, target)

# %%
# mistake: one weight per sample instead of per class
nn.CrossEntropyLoss(weight=torch.ones(4))(logits, target)

# %%
# mistake: float targets for class indices
F.cross_entropy(logits, target.float())

# %%
F.cross_entropy(logits, torch.tensor([0, 2, 1, 0]), weight=class_w)

# %%
F.nll_loss(logits.log_softmax(1), target, weight=class_w.double())

# %%
sample_w = class_w[label]
print(sample_w[:8], sample_w.dtype)
sampler = WeightedRandomSampler(sample_w, num_samples=len(sample_w), replacement=True, generator=torch.Generator().manual_seed(1))
print(len(sampler), sampler.replacement, sampler.weights.dtype)
drawn = torch.tensor(list(sampler))
print(drawn[:10], label[drawn].bincount())
print(list(WeightedRandomSampler([0.1, 0.9, 0.4, 0.7], 4, replacement=False, generator=torch.Generator().manual_seed(0))))
print(list(WeightedRandomSampler([1, 3, 0], 5, generator=torch.Generator().manual_seed(2))))

# %%
WeightedRandomSampler([0.5, 0.5], 3, replacement=False)

# %%
list(WeightedRandomSampler([0.5, 0.5], 3, replacement=False))

# %%
WeightedRandomSampler([0.5, -0.5], 2)

# %%
list(WeightedRandomSampler([0.5, -0.5], 2))

# %%
WeightedRandomSampler(torch.ones(2, 2), 2)

# %%
WeightedRandomSampler([1.0, 2.0], 0)

# %%
WeightedRandomSampler([1.0, 2.0], 2, replacement=1)

# %%
ds = TensorDataset(cats, cont, label)
loader = DataLoader(ds, batch_size=16, sampler=sampler)
opt = torch.optim.AdamW(model.parameters(), lr=0.01)
torch.manual_seed(3)
for epoch in range(3):
    total = 0.0
    for xc, xn, y in loader:
        opt.zero_grad()
        loss = crit(model(xc, xn), y)
        loss.backward()
        opt.step()
        total += loss.item() * len(y)
    print(epoch, round(total / len(ds), 4))
print(model.bn_cont.running_mean, model.bn_cont.num_batches_tracked)

# %%
DataLoader(ds, batch_size=16, sampler=sampler, shuffle=True)

# %%
model.eval()
with torch.no_grad():
    pred = model(cats, cont).argmax(1)
conf = torch.zeros(2, 2, dtype=torch.long)
conf.index_put_((label, pred), torch.ones_like(label), accumulate=True)
print(conf, (pred == label).float().mean())
print(torch.bincount(label * 2 + pred, minlength=4).view(2, 2))

# %%
# binning with a Python number, into a preallocated out, and against int32 outputs
print(torch.bucketize(35.2, edges), torch.bucketize(35.0, edges, right=True), torch.bucketize(25, edges))
bins_out = torch.empty(4, dtype=torch.long)
torch.bucketize(age[:4], edges, out=bins_out)
print(bins_out, torch.searchsorted(edges, age[:4], out_int32=True))

# %%
torch.bucketize(age[:4], edges, out=torch.empty(4, dtype=torch.int32))

# %%
torch.bucketize(age[:4], [25.0, 35.0, 50.0, 65.0])

# %%
torch.bucketize(age[:4], edges, out_int32=1)

# %%
torch.searchsorted(edges[None], torch.tensor(40.0))

# %%
torch.searchsorted(torch.tensor([65.0, 25.0, 50.0, 35.0]), age[:4], sorter=torch.tensor([1, 3, 2, 4]))

# %%
print(torch.searchsorted(torch.tensor([65.0, 25.0, 50.0, 35.0]), age[:4], sorter=torch.tensor([1, 3, 2, 0])))
torch.searchsorted(torch.tensor([65.0, 25.0, 50.0, 35.0]), age[:4], sorter=torch.tensor([1, 3, 2, 0], dtype=torch.int32))

# %%
# mistake: the norm of the categorical codes
cats.norm(dim=0)

# %%
print(cats.float().norm(dim=0), cats.double().norm())
torch.norm(city)

# %%
# mistake: class weights as a list, as a row, or learnable
F.cross_entropy(logits, target, weight=[0.6, 2.7])

# %%
F.cross_entropy(logits, target, weight=class_w.view(1, -1))

# %%
F.cross_entropy(logits, logits.softmax(1), weight=class_w[None])

# %%
learn_w = class_w.clone().requires_grad_()
F.cross_entropy(logits, target, weight=learn_w)

# %%
soft = F.cross_entropy(logits, logits.softmax(1), weight=learn_w)
soft.backward()
print(soft, learn_w.grad)
print(F.nll_loss(logits.log_softmax(1)[:, :, None, None], target[:, None, None], weight=class_w.view(1, -1)))
