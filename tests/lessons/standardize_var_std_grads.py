# Imitates the torch.var / torch.std / torch.var_mean docs examples and the "normalize your features" steps of
# beginner tutorials (d2l's data preprocessing, the Kaggle house-prices notebooks): per-feature mean and std,
# unbiased vs correction=0, keepdim, standardised features feeding a tiny regression, and the gradient flowing
# through the std (a learner's "why is my std's gradient nan" question on a constant column included).
import torch

torch.manual_seed(1)
torch.set_printoptions(precision=6)

# %%
a = torch.tensor([[0.2035, 1.2959, 1.8101, -0.4644],
                  [1.5027, -0.3270, 0.5905, 0.6538],
                  [-1.5745, 1.3330, -0.5596, -0.6548],
                  [0.1264, -0.5080, 1.6420, 0.1992]])
print(torch.var(a, dim=1, keepdim=True))
print(torch.std(a, dim=1, keepdim=True))
print(torch.var_mean(a, dim=0, correction=0))
print(torch.std(a, unbiased=False))

# %%
X = torch.randn(10, 3) * torch.tensor([1.0, 5.0, 0.2]) + torch.tensor([0.0, 3.0, -1.0])
X.requires_grad_()
mu = X.mean(0, keepdim=True)
sigma = X.std(0, keepdim=True)
Z = (X - mu) / sigma
print(Z.mean(0), Z.std(0))
w = torch.tensor([0.5, -1.0, 2.0])
(Z @ w).pow(2).mean().backward()
print(X.grad[:3])

# %%
x = torch.randn(6, 4, requires_grad=True)
weights = torch.tensor([1.0, 0.5, 0.25, 2.0])
loss = (x.var(0) * weights).sum() + 0.1 * x.std()
loss.backward()
print(loss)
print(x.grad)

# %%
c = torch.ones(5, requires_grad=True)
s = c.std()
s.backward()
print(s, c.grad)
v = torch.ones(1, requires_grad=True)
with torch.no_grad():
    print(v.var())
