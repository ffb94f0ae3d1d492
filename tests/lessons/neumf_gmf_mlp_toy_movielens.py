# Imitates the NeuMF / Neural Collaborative Filtering PyTorch ports (He et al. 2017; guoyang9/NCF and the
# "Neural Collaborative Filtering" d2l.ai chapter): a GMF branch and an MLP branch with separate embeddings,
# concatenated into a prediction layer, trained with BCEWithLogitsLoss on a toy MovieLens-like implicit tensor
# with 4 sampled negatives per positive; leave-one-out evaluation with HR@3 and NDCG@3.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)
ratings = torch.tensor([[0, 0, 5], [0, 2, 3], [1, 1, 4], [1, 3, 5], [2, 0, 2], [2, 4, 5], [3, 5, 4],
                        [3, 1, 1], [4, 2, 5], [4, 6, 3], [5, 7, 4], [5, 3, 2]])
n_users, n_items = int(ratings[:, 0].max()) + 1, int(ratings[:, 1].max()) + 1
implicit = (ratings[:, 2] >= 3)
u_pos, i_pos = ratings[implicit, 0], ratings[implicit, 1]
print(n_users, n_items, implicit.sum().item(), u_pos, i_pos)
R = torch.sparse_coo_tensor(torch.stack([u_pos, i_pos]), torch.ones(len(u_pos)), (n_users, n_items))
print(R.to_dense())
dense_R = R.to_dense()

# %%
def sample_negatives(n_neg):
    u = u_pos.repeat_interleave(n_neg)
    j = torch.randint(0, n_items, (len(u),))
    bad = dense_R[u, j] > 0
    while bad.any():
        j[bad] = torch.randint(0, n_items, (int(bad.sum()),))
        bad = dense_R[u, j] > 0
    return u, j

u_neg, i_neg = sample_negatives(4)
print(u_neg.shape, i_neg[:8])
users = torch.cat([u_pos, u_neg]); items = torch.cat([i_pos, i_neg])
labels = torch.cat([torch.ones(len(u_pos)), torch.zeros(len(u_neg))])
print(labels.mean())

# %%
class NeuMF(nn.Module):
    def __init__(self, n_users, n_items, factors=4, layers=(16, 8)):
        super().__init__()
        self.gmf_u = nn.Embedding(n_users, factors)
        self.gmf_i = nn.Embedding(n_items, factors)
        self.mlp_u = nn.Embedding(n_users, layers[0] // 2)
        self.mlp_i = nn.Embedding(n_items, layers[0] // 2)
        self.mlp = nn.Sequential(nn.Linear(layers[0], layers[1]), nn.ReLU(), nn.Dropout(0.0))
        self.predict = nn.Linear(factors + layers[1], 1)
        for m in self.modules():
            if isinstance(m, nn.Embedding):
                nn.init.normal_(m.weight, std=0.01)
            elif isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, u, i):
        gmf = self.gmf_u(u) * self.gmf_i(i)
        mlp = self.mlp(torch.cat([self.mlp_u(u), self.mlp_i(i)], dim=-1))
        return self.predict(torch.cat([gmf, mlp], dim=-1)).squeeze(-1)

model = NeuMF(n_users, n_items)
print(model)
print(sum(p.numel() for p in model.parameters()), [n for n, _ in model.named_parameters()][:4])

# %%
opt = torch.optim.Adam(model.parameters(), lr=0.01)
crit = nn.BCEWithLogitsLoss()
for epoch in range(60):
    perm = torch.randperm(len(labels))
    total = 0.0
    for b in perm.split(16):
        opt.zero_grad()
        loss = crit(model(users[b], items[b]), labels[b])
        loss.backward()
        opt.step()
        total += loss.item() * len(b)
    if epoch % 20 == 0:
        print(epoch, round(total / len(labels), 4))
print(model.predict.weight.grad.shape, model.gmf_u.weight.grad.abs().sum().item() > 0)

# %%
model.eval()
with torch.no_grad():
    test_u = torch.arange(n_users)
    test_i = torch.tensor([2, 3, 4, 5, 6, 7])
    cand = torch.stack([torch.cat([test_i[u:u + 1], torch.randint(0, n_items, (4,))]) for u in range(n_users)])
    logits = model(test_u[:, None].expand_as(cand), cand)
print(cand.shape, logits.shape)
top = logits.topk(3, dim=1).indices
hits = (top == 0)
print(top, hits.any(1))
ndcg = (hits.float() / torch.log2(torch.arange(2, 5).float())).sum(1)
print("HR@3", hits.any(1).float().mean().item(), "NDCG@3", ndcg.mean().item())
print(torch.sigmoid(logits).round(decimals=3))
