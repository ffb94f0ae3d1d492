# Imitates an LLM.int8() walkthrough (Dettmers-style blog / course notebook): vector-wise absmax quantisation,
# outlier-column detection with boolean masks, mixed decomposition with index_select, and int8 matmul emulated in
# int32 (integer matmul dtype rules and errors).
import torch
torch.manual_seed(0)

# %%
X = torch.randn(4, 8)
X[:, 2] *= 25
X[:, 5] -= 12
W = torch.randn(8, 3) * 0.2
threshold = 6.0
outlier_cols = (X.abs() > threshold).any(dim=0)
print(outlier_cols, outlier_cols.dtype, outlier_cols.sum())
idx = torch.nonzero(outlier_cols).squeeze(1)
regular = torch.where(~outlier_cols)[0]
print(idx, regular, idx.dtype)

# %%
X_out = X.index_select(1, idx)
W_out = W.index_select(0, idx)
X_reg = X[:, ~outlier_cols]
W_reg = W[~outlier_cols]
print(X_out.shape, W_out.shape, X_reg.shape, W_reg.shape)
print(X_out)

# %%
# vector-wise quantisation: rows of X, columns of W
sx = X_reg.abs().amax(dim=1, keepdim=True) / 127
sw = W_reg.abs().amax(dim=0, keepdim=True) / 127
Xq = (X_reg / sx).round().clamp(-127, 127).to(torch.int8)
Wq = (W_reg / sw).round().clamp(-127, 127).to(torch.int8)
print(Xq.dtype, Wq.dtype, sx.shape, sw.shape)
acc = torch.matmul(Xq.to(torch.int32), Wq.to(torch.int32))
print(acc, acc.dtype)
out_int8 = acc.to(torch.float32) * (sx * sw)
out_fp = X_out.half() @ W_out.half()
print(out_fp.dtype)
Y = out_int8 + out_fp.float()
print(Y)
print((Y - X @ W).abs().max() < 0.1)

# %%
# what naive int8 does with outliers
s_all = X.abs().max() / 127
Xq_all = (X / s_all).round().to(torch.int8)
print((Xq_all == 0).float().mean(), Xq_all[:, regular].abs().max())
Y_naive = (Xq_all.float() * s_all) @ W
print(((Y_naive - X @ W) ** 2).mean() > ((Y - X @ W) ** 2).mean())

# %%
Xq @ Wq

# %%
Xq.to(torch.int32) @ Wq

# %%
torch.mm(Xq.long(), Wq.long()).dtype, torch.bmm(Xq.long()[None], Wq.long()[None]).dtype

# %%
torch.mm(Xq.int(), Wq.float())

# %%
Xq.int() @ Wq.int().float()

# %%
torch.matmul(Xq[0].int(), Wq.int()), torch.dot(Xq[0].int(), Xq[1].int()), torch.mv(Wq.t().int(), Xq[0].int())

# %%
torch.dot(Xq[0], Xq[1].int())

# %%
torch.nn.functional.linear(Xq.int(), Wq.t().int())

# %%
torch.einsum('ij,jk->ik', Xq.int(), Wq.int())

# %%
torch.addmm(torch.zeros(4, 3, dtype=torch.int32), Xq.int(), Wq.int(), alpha=2, beta=1)

# %%
torch.addmm(torch.zeros(4, 3, dtype=torch.int32), Xq.int(), Wq.int(), alpha=0.5)

# %%
Xq.int().matmul(Wq.int()).float().mean(dim=0)

# %%
# masked fill / where on outliers
Xc = X.masked_fill(X.abs() > threshold, 0.0)
print(Xc[:, 2], torch.where(X.abs() > threshold, torch.zeros_like(X), X).eq(Xc).all())
print(X.abs().amax(dim=0).topk(2))
print(torch.masked_select(X, X.abs() > threshold))

# %%
X.index_select(1, idx.int())

# %%
X.index_select(1, idx.float())

# %%
X.index_select(1, torch.tensor([9]))
