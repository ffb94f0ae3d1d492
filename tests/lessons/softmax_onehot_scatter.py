# Imitates a wikidocs-style softmax regression cost lesson: one-hot labels with scatter_, then F.nll_loss and
# F.cross_entropy.
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(1)
z = torch.FloatTensor([1, 2, 3]) if False else torch.tensor([1., 2., 3.])
hypothesis = F.softmax(z, dim=0)
print(hypothesis)
hypothesis.sum()

# %%
z = torch.rand(3, 5, requires_grad=True)
hypothesis = F.softmax(z, dim=1)
print(hypothesis)

# %%
y = torch.randint(5, (3,)).long()
print(y)

# %%
y_one_hot = torch.zeros_like(hypothesis)
y_one_hot.scatter_(1, y.unsqueeze(1), 1)

# %%
cost = (y_one_hot * -torch.log(hypothesis)).sum(dim=1).mean()
print(cost)

# %%
print((y_one_hot * -torch.log(F.softmax(z, dim=1))).sum(dim=1).mean())
print((y_one_hot * - F.log_softmax(z, dim=1)).sum(dim=1).mean())
print(F.nll_loss(F.log_softmax(z, dim=1), y))
print(F.cross_entropy(z, y))

# %%
y_one_hot2 = F.one_hot(y, num_classes=5).float()
print(y_one_hot2)
print(torch.equal(y_one_hot, y_one_hot2))
