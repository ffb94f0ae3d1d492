"""What the two-hundred-and-twenty-first probe (Andrew Ng's Deep Learning Specialization courses 1-2 ported to
PyTorch by learners: logistic regression as one neuron, a tanh shallow network and an L-layer network with
parameter and cache dicts, initialisation experiments, L2 and inverted dropout by hand, gradient checking with
parameters_to_vector / vector_to_parameters, mini-batches from randperm, momentum / RMSprop / Adam by hand against
torch.optim, learning-rate decay) found, each checked against PyTorch. Three float32 / float64 values differed in
the last bits:
- F.binary_cross_entropy: ATen's scalar kernel calls the C library's log1p and log (glibc's logf is up to 0.82
  units off); the engine took the correctly rounded float32 value, so a mean BCE printed with .item() differed;
- F.binary_cross_entropy_with_logits: ATen composes (1 - t) * z - log_sigmoid(z) (times (pos_weight - 1) t + 1);
  the engine added numpy's logaddexp(0, -z), a different rounding (a gradient check's 1e-9 difference showed it);
  a float16 mean of it is computed in float32 and rounded once (the engine rounded the sum first);
- torch.nansum: the sum kernel's cascade order reading NaN as 0; the engine used numpy's pairwise nansum (a
  `1/m * torch.nansum(logprobs)` cost printed to full precision differed)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "bce_uses_the_c_library_log": ['''import torch.nn.functional as F
torch.manual_seed(0)
for dt in (torch.float32, torch.float64, torch.float16):
    p = torch.rand(3000).to(dt)
    t = torch.rand(3000).round().to(dt)
    soft = torch.rand(3000).to(dt)
    w = torch.rand(3000).to(dt)
    a = F.binary_cross_entropy(p, t, reduction="none")
    b = F.binary_cross_entropy(p, soft, weight=w, reduction="none")
    print(dt, a.sum().item(), b.sum().item(), F.binary_cross_entropy(p, t).item(), a[:3].tolist())
    # (the bits, as text: the parity policy lets printed float32 values differ by a few units)
    print([v.hex() for v in a[:8].tolist()], [v.hex() for v in b[:8].tolist()], a.sum().item().hex())
p = torch.tensor([0.3004138171672821, 0.4911136329174042, 0.0, 1.0, 1e-30])
t = torch.tensor([0.0, 1.0, 0.0, 1.0, 1.0])
print([v.hex() for v in F.binary_cross_entropy(p, t, reduction="none").tolist()])
''', '''torch.manual_seed(1)
w = torch.randn(4, 1, requires_grad=True)
X = torch.randn(4, 64)
Y = (torch.rand(1, 64) > 0.5).float()
A = torch.sigmoid(w.T @ X + 0.1)
loss = torch.nn.BCELoss()(A, Y)
loss.backward()
print(loss.item().hex(), w.grad.flatten().tolist())
'''],
    "bce_with_logits_is_log_sigmoid_composed": ['''import torch.nn.functional as F
torch.manual_seed(0)
for dt in (torch.float64, torch.float32, torch.float16):
    z = (torch.randn(3000) * 4).to(dt)
    t = torch.rand(3000).round().to(dt)
    soft = torch.rand(3000).to(dt)
    pw = (torch.rand(3000) * 3).to(dt)
    w = torch.rand(3000).to(dt)
    for kw in ({}, {"pos_weight": pw}, {"weight": w}, {"weight": w, "pos_weight": pw[:1]}):
        a = F.binary_cross_entropy_with_logits(z, soft, reduction="none", **kw)
        print(dt, sorted(kw), a.sum().item(), a[:3].tolist(), F.binary_cross_entropy_with_logits(z, t, **kw).item())
z = torch.tensor([1.0, -2.0, 30.0, -30.0, 0.0], dtype=torch.float64)
t = torch.tensor([1.0, 0.0, 0.0, 1.0, 0.5], dtype=torch.float64)
print(F.binary_cross_entropy_with_logits(z, t, reduction="none").tolist())
print(F.binary_cross_entropy_with_logits(z.float(), t, reduction="none").tolist())
print(F.binary_cross_entropy_with_logits(z, t.float(), reduction="none").tolist())
''', '''import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 1)).double()
X = torch.randn(6, 4, dtype=torch.float64)
Y = (torch.rand(6, 1, dtype=torch.float64) > 0.5).double()
loss = nn.BCEWithLogitsLoss()(model(X), Y)
print(loss.item().hex())
loss.backward()
print(model[2].weight.grad.tolist())
'''],
    "nansum_adds_in_the_sum_kernels_order": ['''torch.manual_seed(0)
for dt in (torch.float32, torch.float64, torch.float16):
    for shape in ((60,), (1, 60), (7, 33), (5, 100, 3), (3000,)):
        x = torch.randn(shape).to(dt)
        x[x > 1.5] = float("nan")
        out = [torch.nansum(x).item()] + [torch.nansum(x, d, keepdim=k)[..., :2].flatten().tolist()
                                          for d in (0, -1) for k in (False, True)]
        print(dt, shape, out)
x = torch.randn(7, 33)
x[0, 3] = float("nan")
print(torch.nansum(x, (0, 1)).item(), torch.nansum(x, (0, 1), keepdim=True).shape, torch.nanmean(x).item())
a3 = torch.full((1, 60), 0.5)
Y = torch.ones(1, 60)
print((1.0 / 60 * torch.nansum(-torch.log(a3) * Y)).item())
''', '''x = torch.tensor([[1.0, float("nan"), 2.0]], dtype=torch.bfloat16, requires_grad=True)
y = torch.nansum(x * 3)
y.backward()
print(y, x.grad)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe221(name):
    assert_same_as_pytorch(CELLS[name], name=name)
