# Imitates the Examples blocks of the PyTorch documentation pages for nn.GroupNorm, nn.InstanceNorm1d / 2d (affine,
# track_running_stats), nn.LayerNorm (elementwise_affine=False, bias=False), nn.RMSNorm, nn.Identity (arguments
# ignored), nn.Bilinear, nn.Flatten / nn.Unflatten (with named shapes) and nn.CosineSimilarity /
# nn.PairwiseDistance, typed in by a learner with seeded randn: reprs, shapes, state dicts, gradients and errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
input = torch.randn(20, 6, 10, 10)
# Separate 6 channels into 3 groups
m = nn.GroupNorm(3, 6)
# Separate 6 channels into 6 groups (equivalent with InstanceNorm)
m = nn.GroupNorm(6, 6)
# Put all 6 channels into a single group (equivalent with LayerNorm)
m = nn.GroupNorm(1, 6)
# Activating the module
output = m(input)
print(output.shape, m)
print(output.mean().abs() < 1e-5, output[0].std(unbiased=False))
print(nn.GroupNorm(3, 6, affine=False), nn.GroupNorm(2, 4, eps=1e-3))
print(list(dict(nn.GroupNorm(3, 6).named_parameters())))

# %%
x = torch.arange(24.0).view(2, 4, 3).requires_grad_()
gn = nn.GroupNorm(2, 4)
y = gn(x)
print(y[0])
(y * torch.randn(2, 4, 3)).sum().backward()
print(x.grad[0])
print(gn.weight.grad, gn.bias.grad)
print(y.grad_fn.name())

# %%
# Without Learnable Parameters
m = nn.InstanceNorm1d(100)
# With Learnable Parameters
m = nn.InstanceNorm1d(100, affine=True)
input = torch.randn(20, 100, 40)
output = m(input)
print(output.shape, m)
# Without Learnable Parameters
m = nn.InstanceNorm2d(100)
# With Learnable Parameters
m = nn.InstanceNorm2d(100, affine=True)
input = torch.randn(20, 100, 35, 45)
output = m(input)
print(output.shape, m)
print(nn.InstanceNorm2d(3, track_running_stats=True))

# %%
m = nn.InstanceNorm1d(3, track_running_stats=True, momentum=0.5)
x = torch.arange(24.0).view(2, 3, 4)
print(m(x)[0])
print(m.running_mean, m.running_var, m.num_batches_tracked)
m.eval()
print(m(x)[0])
print(sorted(m.state_dict()))
m2 = nn.InstanceNorm1d(3)
print(sorted(m2.state_dict()), m2.running_mean)
print(nn.InstanceNorm1d(3)(torch.arange(12.0).view(3, 4)))

# %%
# NLP Example
batch, sentence_length, embedding_dim = 20, 5, 10
embedding = torch.randn(batch, sentence_length, embedding_dim)
layer_norm = nn.LayerNorm(embedding_dim)
# Activate module
print(layer_norm(embedding).shape, layer_norm)
# Image Example
N, C, H, W = 20, 5, 10, 10
input = torch.randn(N, C, H, W)
# Normalize over the last three dimensions (i.e. the channel and spatial dimensions)
# as shown in the image below
layer_norm = nn.LayerNorm([C, H, W])
output = layer_norm(input)
print(output.shape, layer_norm)
ln = nn.LayerNorm(4, elementwise_affine=False)
print(ln, ln.weight, ln.bias, list(ln.parameters()))
ln = nn.LayerNorm(4, bias=False)
print(ln, ln.bias, [n for n, _ in ln.named_parameters()])
x = torch.arange(8.0).view(2, 4).requires_grad_()
y = ln(x)
print(y)
y[:, 0].sum().backward()
print(x.grad, ln.weight.grad)

# %%
rms_norm = nn.RMSNorm([2, 3])
input = torch.randn(2, 2, 3)
print(rms_norm(input))
print(rms_norm)
print(nn.RMSNorm(4, eps=1e-6, elementwise_affine=False), nn.RMSNorm(4).eps)
x = torch.arange(1.0, 9.0).view(2, 4).requires_grad_()
r = nn.RMSNorm(4)
y = r(x)
print(y)
(y * torch.tensor([1.0, 2.0, 3.0, 4.0])).sum().backward()
print(x.grad, r.weight.grad)

# %%
m = nn.Identity(54, unused_argument1=0.1, unused_argument2=False)
input = torch.randn(128, 20)
output = m(input)
print(output.size())
print(m, output is input)

# %%
m = nn.Bilinear(20, 30, 40)
input1 = torch.randn(128, 20)
input2 = torch.randn(128, 30)
output = m(input1, input2)
print(output.size())
print(m, m.weight.shape, m.bias.shape)
b = nn.Bilinear(2, 3, 1, bias=False)
with torch.no_grad():
    b.weight.copy_(torch.arange(6.0).view(1, 2, 3))
x1 = torch.tensor([[1.0, 2.0]], requires_grad=True)
x2 = torch.tensor([[1.0, 0.0, -1.0]], requires_grad=True)
y = b(x1, x2)
print(y, y.grad_fn.name())
y.sum().backward()
print(x1.grad, x2.grad, b.weight.grad)

# %%
input = torch.randn(32, 1, 5, 5)
# With default parameters
m = nn.Flatten()
output = m(input)
print(output.size())
# With non-default parameters
m = nn.Flatten(0, 2)
output = m(input)
print(output.size(), m)
input = torch.randn(2, 50)
# With tuple of ints
m = nn.Sequential(
    nn.Linear(50, 50),
    nn.Unflatten(1, (2, 5, 5))
)
output = m(input)
print(output.size())
print(m)
# With torch.Size
m = nn.Sequential(
    nn.Linear(50, 50),
    nn.Unflatten(1, torch.Size([2, 5, 5]))
)
output = m(input)
print(output.size(), m[1])

# %%
try:
    input = torch.randn(2, 50, names=('N', 'features'))
except Exception as e:
    print(type(e).__name__, e)
unflatten = nn.Unflatten('features', (('C', 2), ('H', 5), ('W', 5)))
print(unflatten)
try:
    print(unflatten(torch.randn(2, 50)).shape)
except Exception as e:
    print(type(e).__name__, e)
for make in [lambda: torch.rand(3, names=None), lambda: torch.randn(size=(2, 3), names=('a', 'b')),
             lambda: torch.randn(names=None), lambda: torch.rand(2, 3, requires_grad=True, name="x")]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
for make in [lambda: nn.Unflatten(1, (2, 5, 6))(torch.randn(2, 50)),
             lambda: nn.Unflatten(1, [2, 5]),
             lambda: nn.Unflatten('features', (2, 25)),
             lambda: nn.Flatten(2, 1)(torch.randn(2, 3, 4)),
             lambda: nn.Unflatten(1, (-1, 5))(torch.randn(2, 50)).shape]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
input1 = torch.randn(100, 128)
input2 = torch.randn(100, 128)
cos = nn.CosineSimilarity(dim=1, eps=1e-6)
output = cos(input1, input2)
print(output.shape, cos)
pdist = nn.PairwiseDistance(p=2)
input1 = torch.randn(100, 128)
input2 = torch.randn(100, 128)
output = pdist(input1, input2)
print(output.shape, pdist)
print(nn.PairwiseDistance(p=1, eps=0.0, keepdim=True))

# %%
a = torch.tensor([[1.0, 2.0, 2.0], [0.0, 0.0, 0.0]], requires_grad=True)
b = torch.tensor([[2.0, 0.0, 1.0], [1.0, 1.0, 0.0]])
c = nn.CosineSimilarity(dim=1)(a, b)
print(c)
c.sum().backward()
print(a.grad)
a.grad = None
d = nn.PairwiseDistance(keepdim=True)(a, b)
print(d, d.shape)
d.sum().backward()
print(a.grad)
print(nn.PairwiseDistance(p=1)(a, b), nn.PairwiseDistance(p=float("inf"))(a, b))
print(F.pairwise_distance(a, a), F.cosine_similarity(a, a, dim=0))
print(nn.CosineSimilarity(dim=0)(torch.randn(3), torch.randn(2, 3)).shape)
print(F.pairwise_distance(torch.ones(3), torch.zeros(2, 3), keepdim=True))

# %%
for make in [lambda: nn.GroupNorm(4, 6),
             lambda: nn.GroupNorm(2, 4)(torch.randn(3, 6, 2)),
             lambda: nn.InstanceNorm1d(3)(torch.randn(2, 3)),
             lambda: nn.InstanceNorm1d(4, affine=True)(torch.randn(2, 3, 5)),
             lambda: nn.LayerNorm(5)(torch.randn(2, 4)),
             lambda: nn.RMSNorm([2, 3])(torch.randn(3, 2)),
             lambda: nn.Bilinear(2, 3, 4)(torch.randn(5, 3), torch.randn(5, 3)),
             lambda: nn.Bilinear(2, 3, 4)(torch.randn(5, 2), torch.randn(4, 3)),
             lambda: nn.CosineSimilarity()(torch.randn(2, 3), torch.randn(2, 4)),
             lambda: nn.PairwiseDistance()(torch.randn(2, 3), torch.randn(3, 3))]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)
