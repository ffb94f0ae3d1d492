"""What the sixty-eighth probe (the UvA Deep Learning course's tutorials 4 to 9 without Lightning: hand-written
optimizers and initializations, Inception / ResNet / DenseNet blocks, a Transformer written by hand with its
warmup scheduler, GCN and GAT layers on adjacency matrices, Langevin sampling of an energy model, a convolutional
autoencoder) found, each checked against PyTorch: setting the `requires_grad` attribute to True on a tensor that is
not a leaf raises PyTorch's short error (the Langevin sampler's `inp_imgs.requires_grad = True` on a computed
input), while requires_grad_(True) lets it be; and a float sum or mean over some dims of a tensor whose dims are a
permutation of a contiguous one (an NHWC batch seen as NCHW, the per-channel statistics of images loaded as
(N, H, W, C) and permuted) adds in PyTorch's order, which shows when the values cancel (a normalised batch's mean)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "requires_grad_attribute_on_non_leaf": [
        ATTEMPT + '''a = torch.ones(2, requires_grad=True)
b = a * 2
def set_flag(x, flag):
    x.requires_grad = flag
    return x.requires_grad
for make in [lambda: set_flag(b, True), lambda: set_flag(b, False), lambda: set_flag(a[0], True),
             lambda: set_flag(a.view(2, 1), True), lambda: set_flag(b, 1), lambda: b.requires_grad_(True).grad_fn,
             lambda: b.requires_grad_(False), lambda: set_flag(a.detach() * 2, True), lambda: set_flag(a, False)]:
    attempt(make)
''',
        ATTEMPT + '''model = torch.nn.Linear(3, 1)
for p in model.parameters():
    p.requires_grad = False
x = torch.rand(2, 3) * 2 - 1 + model.bias.sum()
y = torch.rand(2, 3) * 2 - 1 + torch.ones(3, requires_grad=True)
attempt(lambda: setattr(x, "requires_grad", True) or x.requires_grad)
attempt(lambda: setattr(y, "requires_grad", True) or y.grad_fn)
print(x.is_leaf, y.is_leaf, y.requires_grad)
''',
    ],
    "sums_over_dims_of_permuted_tensors": [
        '''import numpy as np
torch.set_printoptions(precision=10)
data = np.random.RandomState(0).randint(0, 256, size=(64, 16, 16, 3)).astype(np.uint8)
means, stds = (data / 255.0).mean(axis=(0, 1, 2)), (data / 255.0).std(axis=(0, 1, 2))
imgs = torch.from_numpy(data).permute(0, 3, 1, 2).float() / 255.0
imgs = ((imgs - torch.tensor(means).view(1, 3, 1, 1)) / torch.tensor(stds).view(1, 3, 1, 1)).float()
print(imgs.stride(), imgs.is_contiguous())
print(imgs.mean(dim=[0, 2, 3]))
print(imgs.sum(dim=(0, 2, 3)))
print(imgs.mean(dim=[0, 2, 3], keepdim=True).shape, imgs.sum(dim=(0, 2, 3), keepdim=True).flatten())
print(imgs.sum(dim=(2, 3))[:2], imgs.sum(dim=(0, 1))[0, :3])
torch.set_printoptions(profile="default")   # (the print options are global: later tests print as usual)
''',
        '''torch.set_printoptions(precision=10)
g = torch.Generator().manual_seed(0)
base = torch.randn(6, 40, 3, 5, generator=g) * 1000
for perm in [(0, 3, 1, 2), (2, 0, 3, 1), (0, 2, 3, 1)]:
    a = base.permute(*perm)
    print(perm, a.sum(dim=0).flatten()[:3], a.sum(dim=(0, 1)).flatten()[:3], a.mean(dim=(1, 3)).flatten()[:3])
torch.set_printoptions(profile="default")
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe68_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe68/{name}", warns="per_cell")
