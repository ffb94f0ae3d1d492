# Imitates the torch.cdist documentation example and the "k-nearest neighbours from scratch in PyTorch" posts
# (a distance matrix with torch.cdist, topk(largest=False), a majority vote with torch.mode): 40 training points,
# so PyTorch's default compute_mode takes its matrix-product path (more than 25 rows), the three compute_mode
# values side by side, a batched query, and the gradient of a soft nearest-neighbour loss through the distances.
import torch

a = torch.tensor([[0.9041, 0.0196], [-0.3108, -2.4423], [-0.4821, 1.059]])
b = torch.tensor([[-2.1763, -0.4713], [-0.6986, 1.3702]])
print(torch.cdist(a, b, p=2))

# %%
torch.manual_seed(0)
X_train = torch.cat([torch.randn(20, 2) + torch.tensor([2.0, 0.0]), torch.randn(20, 2) - torch.tensor([2.0, 0.0])])
y_train = torch.cat([torch.zeros(20, dtype=torch.long), torch.ones(20, dtype=torch.long)])
X_test = torch.tensor([[1.5, 0.3], [-1.0, -0.5], [0.1, 0.2], [3.0, 1.0]])
dist = torch.cdist(X_test, X_train)
print(dist.shape, dist.grad_fn)
print(dist[:, :6])
knn = dist.topk(5, largest=False)
print(knn.values)
print(y_train[knn.indices].mode(dim=1).values)

# %%
for mode in ["use_mm_for_euclid_dist_if_necessary", "use_mm_for_euclid_dist", "donot_use_mm_for_euclid_dist"]:
    d = torch.cdist(X_test, X_train, compute_mode=mode)
    print(mode, d[0, :4].tolist())
try:
    torch.cdist(X_test, X_train, compute_mode="fast")
except Exception as e:
    print(type(e).__name__, e)

# %%
Xq = X_test.double().requires_grad_()
d = torch.cdist(Xq, X_train.double())
weights = torch.softmax(-d, dim=1)
p_class1 = (weights * y_train.double()).sum(1)
loss = torch.nn.functional.binary_cross_entropy(p_class1, torch.tensor([0.0, 1.0, 1.0, 0.0], dtype=torch.float64))
loss.backward()
print(loss.item())
print(Xq.grad.tolist())

# %%
batch = torch.randn(3, 30, 4)
centres = torch.randn(3, 5, 4, requires_grad=True)
d = torch.cdist(batch, centres)
print(d.shape, d.min(dim=2).values.sum(1))
(d.min(dim=2).values * torch.linspace(0.5, 1.5, 30)).sum().backward()
print(centres.grad)
