# Imitates d2l.ai's "Softmax Regression Implementation from Scratch" / "Concise Implementation" sections on
# softmax overflow ("softmax revisited": subtract the max, the LogSumExp trick) and the blog posts that redo them
# in double precision to compare naive and stable versions: torch.softmax vs the hand-written exp / sum, sigmoid as
# a two-class softmax, and KL divergence between two predicted distributions, printing full-precision lists.
import torch
import torch.nn.functional as F

torch.manual_seed(4)

# %%
X = torch.randn(3, 5, dtype=torch.float64) * 4

def softmax_naive(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition

def softmax_stable(X):
    X_exp = torch.exp(X - X.max(1, keepdim=True).values)
    return X_exp / X_exp.sum(1, keepdim=True)

print(torch.softmax(X, dim=1).tolist()[0])
print((softmax_naive(X) - torch.softmax(X, dim=1)).abs().max() < 1e-12)
print((softmax_stable(X) - torch.softmax(X, dim=1)).abs().max() < 1e-12)

# %%
big = torch.tensor([[1000.0, 1001.0, 999.5, 1002.0, 998.0]], dtype=torch.float64)
print(softmax_naive(big))
print(F.softmax(big, dim=1).tolist())
print(F.softmax(big, dim=0))

# %%
z = torch.randn(8, dtype=torch.float64, requires_grad=True)
two_class = torch.stack([torch.zeros_like(z), z], dim=1)
p = torch.softmax(two_class, dim=1)[:, 1]
s = torch.sigmoid(z)
print(p.tolist()[:3], s.tolist()[:3])
(s * torch.arange(8.0, dtype=torch.float64)).sum().backward()
print(z.grad.tolist()[:4])

# %%
logits_p = torch.randn(4, 6, dtype=torch.float64, requires_grad=True)
logits_q = torch.randn(4, 6, dtype=torch.float64)
q = torch.softmax(logits_q, dim=1)
kl = F.kl_div(torch.softmax(logits_p, dim=1).log(), q, reduction="batchmean")
kl.backward()
print(kl.item())
print(logits_p.grad[0].tolist())
