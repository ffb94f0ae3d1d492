# Imitates the "sparse embeddings for large vocabularies" lessons and the forum threads they send learners to: an
# nn.Embedding(sparse=True) next to dense layers needs two optimizers (SparseAdam for the embedding, Adam for the
# rest); what a sparse .grad looks like (uncoalesced entries, coalesce, to_dense) and how it accumulates; SGD and
# Adagrad taking sparse gradients, with the options they refuse; EmbeddingBag(sparse=True); and the mistakes.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


# %%
class TextModel(nn.Module):
    def __init__(self, vocab, dim, n_classes):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, padding_idx=0, sparse=True)
        self.fc = nn.Linear(dim, n_classes)

    def forward(self, x):
        return self.fc(self.emb(x).mean(dim=1))


model = TextModel(12, 4, 3)
print(model)
x = torch.tensor([[3, 5, 0, 0], [7, 3, 9, 0], [11, 1, 2, 3]])
y = torch.tensor([0, 2, 1])
loss = F.cross_entropy(model(x), y)
loss.backward()
print(model.emb.weight.grad.layout, model.fc.weight.grad.layout, torch.sparse_coo)
print(model.emb.weight.grad._nnz(), model.emb.weight.grad.is_coalesced())

# %%
model.emb.weight.grad

# %%
torch.optim.SparseAdam(model.parameters(), lr=0.01).step()

# %%
print(model.emb.weight[3])
torch.optim.Adam(model.parameters(), lr=0.01).step()

# %%
print(model.emb.weight[3], model.fc.bias)
sparse_opt = torch.optim.SparseAdam(list(model.emb.parameters()), lr=0.01)
dense_opt = torch.optim.Adam(model.fc.parameters(), lr=0.01)
for step in range(5):
    sparse_opt.zero_grad()
    dense_opt.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    sparse_opt.step()
    dense_opt.step()
    print(step, round(loss.item(), 5))
print(model.emb.weight[[0, 3, 4]])
print(sparse_opt.state[model.emb.weight]["step"], sparse_opt.state[model.emb.weight]["exp_avg"][3])

# %%
g = model.emb.weight.grad
gc = g.coalesce()
print(gc.indices(), gc.is_coalesced(), gc._nnz())
print(gc.values())
print(torch.equal(g.to_dense(), gc.to_dense()), g.to_dense().sum(dim=1))
g.indices()

# %%
g.values()

# %%
g.numpy()

# %%
g + model.emb.weight

# %%
print(model.emb.weight.detach() + g)
print((g * 2)._values()[:2], (g / 4).is_sparse, (-g).is_coalesced())
print(g.sum(), g.norm(), g.type(), g.double().dtype)

# %%
emb = nn.Embedding(6, 2, sparse=True)
emb.weight.register_hook(lambda grad: print("hook:", grad.layout, grad.shape))
emb(torch.tensor([4, 1])).sum().backward()
emb(torch.tensor([2, 0, 2])).sum().backward()
print(emb.weight.grad)
(emb.weight ** 2).sum().backward()
print(emb.weight.grad.is_sparse)
emb.weight.grad

# %%
emb.weight.grad = None
out = emb(torch.tensor([[1, 5], [5, 1]]))
(out[0] * 3 + out[1]).sum().backward()
emb.weight.grad

# %%
sgd = torch.optim.SGD(emb.parameters(), lr=0.1, momentum=0.9)
before = emb.weight.detach().clone()
for _ in range(2):
    sgd.zero_grad()
    emb(torch.tensor([1, 1, 3])).pow(2).sum().backward()
    sgd.step()
print(emb.weight.detach() - before)
print(sgd.state[emb.weight]["momentum_buffer"])

# %%
torch.optim.SGD(emb.parameters(), lr=0.1, weight_decay=1e-4).step()

# %%
ada = torch.optim.Adagrad(emb.parameters(), lr=0.5)
ada.step()
print(emb.weight)
print(ada.state[emb.weight]["sum"])
torch.optim.Adagrad(emb.parameters(), lr=0.5, weight_decay=0.01).step()

# %%
for cls in (torch.optim.AdamW, torch.optim.RMSprop, torch.optim.Adamax, torch.optim.NAdam, torch.optim.RAdam,
            torch.optim.Adadelta, torch.optim.ASGD, torch.optim.Rprop):
    try:
        cls(emb.parameters()).step()
    except RuntimeError as e:
        print(cls.__name__, "->", e)

# %%
sgd.zero_grad(set_to_none=False)
print(emb.weight.grad)
emb(torch.tensor([5])).sum().backward()
emb.weight.grad

# %%
bag = nn.EmbeddingBag(8, 3, mode="sum", sparse=True)
print(bag, bag.sparse)
bag(torch.tensor([1, 2, 4, 4, 7]), torch.tensor([0, 2]), per_sample_weights=torch.tensor([1., .5, 2., 1., 3.])).sum().backward()
bag.weight.grad

# %%
nn.EmbeddingBag(8, 3, mode="max", sparse=True)(torch.tensor([[1, 2]]))

# %%
e2 = nn.Embedding(5, 2, scale_grad_by_freq=True, sparse=True)
e2(torch.tensor([1, 1, 2])).sum().backward()

# %%
pre = nn.Embedding.from_pretrained(torch.arange(8.).view(4, 2), freeze=False, sparse=True)
print(pre, pre.weight.requires_grad)
F.embedding(torch.tensor([3, 3]), pre.weight, sparse=True).sum().backward()
pre.weight.grad

# %%
torch.optim.SparseAdam(pre.parameters(), lr=0)

# %%
torch.optim.SparseAdam(pre.parameters(), betas=(0.9, 1.0))

# %%
opt = torch.optim.SparseAdam(pre.parameters(), lr=0.1, maximize=True)
opt.step()
print(pre.weight, opt.state_dict()["state"][0]["step"])
print(opt.state_dict()["param_groups"])
