"""What the two-hundred-and-thirty-fourth probe (genomics lessons by hand: one-hot DNA, PWM scans with conv1d,
Basset-style CNNs with BatchNorm1d, k-mer counting) found, each checked against PyTorch: batch norm's backward for a
contiguous (N, C, L...) input and gradient as ATen's contiguous kernel rounds it (per sample and channel the
gradient's sum and the dot product with x - mean reduced in 8-float vectors, the samples added in double, then
(dy - grad_mean - (x - mean) * k) * invstd * w with the subtraction fused; eval: 1 / sqrt(running_var + eps) in
double). A conv's bias before the norm gets a gradient made of these roundings only, which Adam turns into whole
steps. The values are printed as hex so that a last-bit difference shows."""
from helpers import assert_same_as_pytorch

CELLS = {
    "batch_norm_backward_rounds_as_atens_contiguous_kernel": ['''torch.manual_seed(0)
hexes = lambda t: [v.hex() for v in t.double().flatten().tolist()]
for shape in [(8, 6, 24), (4, 3, 5, 5), (4, 3, 10), (3, 5, 9), (6, 3, 33), (3, 2, 2, 3, 4)]:
    bn = getattr(torch.nn, f"BatchNorm{len(shape) - 2}d")(shape[1])
    x = (torch.randn(shape) * 3 + 1).requires_grad_()
    g = torch.randn(shape)
    bn(x).backward(g)
    print(hexes(x.grad), hexes(bn.weight.grad), hexes(bn.bias.grad))
    bn.eval()
    x.grad = None
    bn(x).backward(g)
    print(hexes(x.grad), hexes(bn.weight.grad))
x = torch.randn(8, 6, 24, dtype=torch.float64, requires_grad=True)
bn = torch.nn.BatchNorm1d(6, dtype=torch.float64)
bn(x).backward(torch.randn(8, 6, 24, dtype=torch.float64))
print(hexes(x.grad), hexes(bn.weight.grad), hexes(bn.bias.grad))
'''],
    "conv_bias_before_batch_norm_with_adam": ['''torch.manual_seed(0)
hexes = lambda t: [v.hex() for v in t.double().flatten().tolist()]
h = torch.randn(8, 6, 24, requires_grad=True)
b = torch.zeros(6, requires_grad=True)
bn = torch.nn.BatchNorm1d(6)
opt = torch.optim.Adam([b], lr=1e-2)
for _ in range(3):
    opt.zero_grad()
    out = bn(h + b.view(1, 6, 1))
    out.backward(torch.randn(8, 6, 24))
    print(hexes(b.grad))
    opt.step()
print(b)
'''],
}


def test_batch_norm_backward_rounds_as_atens_contiguous_kernel():
    assert_same_as_pytorch(CELLS["batch_norm_backward_rounds_as_atens_contiguous_kernel"],
                           name="probe234 batch norm backward")


def test_conv_bias_before_batch_norm_with_adam():
    assert_same_as_pytorch(CELLS["conv_bias_before_batch_norm_with_adam"], name="probe234 bias before batch norm")
