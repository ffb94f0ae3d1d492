# Imitates the Examples blocks of the PyTorch documentation for F.affine_grid + F.grid_sample (padding_mode,
# align_corners), F.embedding (padding_idx, max_norm), F.embedding_bag (offsets, mode), F.normalize,
# F.pairwise_distance, F.cosine_similarity and F.pdist, typed in with seeded randn: values, grads and errors.
import torch
import torch.nn.functional as F

torch.manual_seed(0)

# %%
theta = torch.tensor([[[0.8, -0.2, 0.1], [0.3, 0.9, -0.2]]], requires_grad=True)
grid = F.affine_grid(theta, size=(1, 1, 3, 4), align_corners=False)
print(grid.shape)
print(grid[0, 0])
img = torch.arange(12.0).view(1, 1, 3, 4).requires_grad_()
for pm in ["zeros", "border", "reflection"]:
    for ac in [False, True]:
        out = F.grid_sample(img, grid * 1.3, mode="bilinear", padding_mode=pm, align_corners=ac)
        print(pm, ac, out[0, 0])
out = F.grid_sample(img, grid, mode="nearest", align_corners=False)
print(out)
out = F.grid_sample(img, grid, mode="bicubic", padding_mode="border", align_corners=True)
print(out)
out.sum().backward()
print(img.grad, theta.grad)

# %%
theta3 = torch.eye(3, 4).unsqueeze(0)
g3 = F.affine_grid(theta3, [1, 1, 2, 2, 3], align_corners=True)
print(g3.shape, g3[0, 1, 1])
vol = torch.randn(1, 2, 2, 2, 3)
print(F.grid_sample(vol, g3 * 0.9, align_corners=True).shape)
print(F.grid_sample(vol, g3 * 1.2, mode="nearest", padding_mode="reflection", align_corners=False)[0, 1, 0])
print(F.affine_grid(theta, (1, 1, 3, 4)).equal(grid))
for make in [lambda: F.affine_grid(theta[0], (1, 1, 3, 4), align_corners=False),
             lambda: F.affine_grid(theta, (2, 1, 3, 4), align_corners=False),
             lambda: F.affine_grid(theta, (1, 1, 3), align_corners=False),
             lambda: F.grid_sample(img, grid, mode="area", align_corners=False),
             lambda: F.grid_sample(img, grid, padding_mode="circular", align_corners=False),
             lambda: F.grid_sample(img, grid[..., :1], align_corners=False),
             lambda: F.grid_sample(img[0], grid, align_corners=False),
             lambda: F.grid_sample(vol, grid, align_corners=False),
             lambda: F.grid_sample(vol, g3, mode="bicubic", align_corners=False)]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# a batch of 2 samples of 4 indices each
input = torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])
# an embedding matrix containing 10 tensors of size 3
embedding_matrix = torch.rand(10, 3)
print(F.embedding(input, embedding_matrix))
# example with padding_idx
weights = torch.rand(10, 3)
weights[0, :].zero_()
embedding_matrix = weights
input = torch.tensor([[0, 2, 0, 5]])
print(F.embedding(input, embedding_matrix, padding_idx=0))

# %%
w = torch.randn(6, 4, requires_grad=True)
idx = torch.tensor([[0, 2, 2], [5, 0, 1]])
e = F.embedding(idx, w, padding_idx=2)
print(e.grad_fn.name())
(e * torch.arange(4.0)).sum().backward()
print(w.grad)
w2 = torch.randn(6, 4) * 3
w2.requires_grad_()
with torch.no_grad():
    e = F.embedding(idx, w2, max_norm=1.0)
print(e.norm(dim=-1))
print(w2.norm(dim=-1))
print(F.embedding(torch.tensor([1, 3]), torch.randn(5, 3) * 4, max_norm=2.0, norm_type=1.0).abs().sum(-1))
for make in [lambda: F.embedding(torch.tensor([6]), w), lambda: F.embedding(torch.tensor([1.0]), w),
             lambda: F.embedding(idx, w, padding_idx=6), lambda: F.embedding(idx, w, padding_idx=-2).shape,
             lambda: F.embedding(idx, w[0])]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# an Embedding module containing 10 tensors of size 3
embedding_matrix = torch.rand(10, 3, requires_grad=True)
# a batch of 2 samples of 4 indices each
input = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
offsets = torch.tensor([0, 4])
out = F.embedding_bag(input, embedding_matrix, offsets)
print(out)
for mode in ["sum", "mean", "max"]:
    o = F.embedding_bag(input, embedding_matrix, torch.tensor([0, 3, 3]), mode=mode)
    print(mode, o, o.grad_fn.name())
    g, = torch.autograd.grad(o.sum(), embedding_matrix)
    print(g.sum(1))
psw = torch.arange(8.0) / 8
print(F.embedding_bag(input, embedding_matrix, offsets, mode="sum", per_sample_weights=psw))
print(F.embedding_bag(input.view(2, 4), embedding_matrix, padding_idx=2))
print(F.embedding_bag(input, embedding_matrix, torch.tensor([0, 4, 8]), include_last_offset=True))
for make in [lambda: F.embedding_bag(input.view(2, 4), embedding_matrix, offsets),
             lambda: F.embedding_bag(input, embedding_matrix),
             lambda: F.embedding_bag(input, embedding_matrix, offsets, mode="max", per_sample_weights=psw),
             lambda: F.embedding_bag(input, embedding_matrix, offsets, mode="median"),
             lambda: F.embedding_bag(input, embedding_matrix, torch.tensor([1, 4]))]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.randn(3, 4, requires_grad=True)
for kw in [{}, {"p": 1}, {"dim": 0}, {"p": float("inf"), "dim": -1}, {"p": 3, "eps": 10.0}]:
    n = F.normalize(x, **kw)
    print(kw, n)
g, = torch.autograd.grad(F.normalize(x)[:, 0].sum(), x)
print(g)
print(F.normalize(torch.zeros(2, 3)))
out = torch.empty(3, 4)
print(F.normalize(x.detach(), out=out) is out)
print(F.normalize(torch.tensor([3.0, 4.0]), dim=0))

# %%
input1 = torch.randn(100, 128)
input2 = torch.randn(100, 128)
output = F.cosine_similarity(input1, input2)
print(output.shape, output[:4])
a = torch.randn(3, 5, requires_grad=True)
b = torch.randn(3, 5)
print(F.pairwise_distance(a, b), F.pairwise_distance(a, b, p=1, keepdim=True))
print(F.pairwise_distance(a, b[0]), F.pairwise_distance(a[0], b[0], p=float("inf")))
print(F.cosine_similarity(a, b, dim=0), F.cosine_similarity(a, torch.zeros(5), dim=1, eps=1e-3))
print(F.pdist(a), F.pdist(a, p=1), F.pdist(a, p=0))
d = F.pdist(a)
print(d.grad_fn.name())
d.sum().backward()
print(a.grad)
for make in [lambda: F.pdist(a[0]), lambda: F.pdist(a, p=-1), lambda: F.cosine_similarity(a, b[:2]),
             lambda: F.pairwise_distance(a, b[:, :4]), lambda: F.pdist(a.long()),
             lambda: F.cosine_similarity(a.long(), b.long())]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
