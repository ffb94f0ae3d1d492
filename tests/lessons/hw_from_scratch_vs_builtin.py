# Problem set 2: implement it yourself, compare with the built-in (autograder uses allclose / assert_close)
import torch
import torch.nn.functional as F

torch.manual_seed(42)
torch.use_deterministic_algorithms(True)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
print(torch.are_deterministic_algorithms_enabled(), torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark)
print(torch.is_deterministic_algorithms_warn_only_enabled())

# %%
def my_softmax(x, dim=-1):
    x = x - x.max(dim=dim, keepdim=True).values
    e = x.exp()
    return e / e.sum(dim=dim, keepdim=True)

def my_log_softmax(x, dim=-1):
    return x - torch.logsumexp(x, dim=dim, keepdim=True)

def my_cross_entropy(logits, target):
    N = logits.shape[0]
    return -my_log_softmax(logits)[torch.arange(N), target].mean()

logits = torch.randn(5, 4, requires_grad=True)
target = torch.tensor([0, 3, 1, 1, 2])
print(torch.allclose(my_softmax(logits), F.softmax(logits, dim=-1)))
print(torch.allclose(my_log_softmax(logits), F.log_softmax(logits, dim=-1), atol=1e-6))
l1, l2 = my_cross_entropy(logits, target), F.cross_entropy(logits, target)
print(l1, l2)
torch.testing.assert_close(l1, l2)
g1, = torch.autograd.grad(l1, logits)
g2, = torch.autograd.grad(l2, logits)
torch.testing.assert_close(g1, g2)
print((g1 - g2).abs().max() < 1e-6)

# %%
def my_batchnorm(x, gamma, beta, eps=1e-5):
    mean = x.mean(dim=0)
    var = x.var(dim=0, unbiased=False)
    return gamma * (x - mean) / torch.sqrt(var + eps) + beta

def my_layernorm(x, gamma, beta, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True, correction=0)
    return gamma * (x - mean) / (var + eps).sqrt() + beta

x = torch.randn(8, 6)
gamma, beta = torch.ones(6), torch.zeros(6)
bn = torch.nn.BatchNorm1d(6)
ln = torch.nn.LayerNorm(6)
out_bn = my_batchnorm(x, gamma, beta)
print(out_bn.shape == (8, 6), out_bn.shape == torch.Size([8, 6]), out_bn.shape == [8, 6])
torch.testing.assert_close(out_bn, bn(x))
torch.testing.assert_close(my_layernorm(x, gamma, beta), ln(x))
print(bn.running_mean)
print(F.batch_norm(x, None, None, training=True).sub(out_bn).abs().max() < 1e-5)

# %%
# the student forgot to use the biased variance
def my_batchnorm_bad(x, eps=1e-5):
    return (x - x.mean(0)) / torch.sqrt(x.var(0) + eps)

try:
    torch.testing.assert_close(my_batchnorm_bad(x), bn(x))
except AssertionError as e:
    print(e)

# %%
try:
    torch.testing.assert_close(my_batchnorm_bad(x), bn(x), rtol=1e-2)
except ValueError as e:
    print("ValueError:", e)

# %%
try:
    torch.testing.assert_close(torch.ones(3), torch.ones(3, dtype=torch.float64))
except AssertionError as e:
    print(e)
print(torch.allclose(torch.ones(3), torch.ones(3, dtype=torch.float64)))

# %%
try:
    torch.testing.assert_close(torch.ones(2, 3), torch.ones(3, 2))
except AssertionError as e:
    print(e)
try:
    torch.testing.assert_close(torch.ones(3), torch.ones(3).requires_grad_())
    print("requires_grad is not compared")
except AssertionError as e:
    print(e)

# %%
def dropout(x, p, training=True):
    if not training or p == 0:
        return x
    mask = (torch.rand_like(x) > p).float()
    return mask * x / (1 - p)

torch.manual_seed(0)
x = torch.ones(4, 5)
mine = dropout(x, 0.5)
torch.manual_seed(0)
ref = F.dropout(x, 0.5)
print(mine)
print(ref)
print((mine == 0).sum(), (ref == 0).sum())
print(torch.equal(dropout(x, 0.5, training=False), x))
