"""What the two-hundred-and-thirty-sixth probe (adversarial robustness, second round: PGD with L-inf / L2
projections, Carlini-Wagner's tanh change of variables with Adam, TRADES' KL term, interval bounds, randomized
smoothing, learners' attack mistakes) found, each checked against PyTorch. torch.atanh runs ATen's cpu_kernel_vec:
SLEEF's atanh_u10 (half the double-float log of (1 + |x|) / (1 - |x|)) on whole pairs of vectors, the C library's
atanh on the tail of each contiguous row (of each thread's piece of a tensor of more than 32768 elements); the float64 value rounded once differs from it in about one value in a
thousand, and Adam turns such a last bit of the Carlini-Wagner box change of variables into a different attack."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "atanh_float32_bits_in_the_vector_body_and_tail": ['''torch.manual_seed(0)
x = (torch.rand(400, 6) * 2 - 1) * 0.999999
a = torch.atanh(x)
print(a.sum().item(), a[37], a[-1])
print(torch.arctanh(x[:5, :5].t()), x[:, ::2].atanh()[-3:])
print(torch.atanh(torch.tensor([0.2088173, -0.06009728, 0.8670155, 1.0, -1.0, 2.0, 0.0, -0.0] * 5)))
print((a != x.double().atanh().float()).sum().item(), sum(hash(v) for v in a.flatten().tolist()) % 1000003)
print(sum(hash(v) for v in x[:, 1:].atanh().flatten().tolist()) % 1000003)
'''],
    "atanh_float64_bits": ['''torch.manual_seed(0)
torch.set_printoptions(precision=17)
x = (torch.rand(300, 5, dtype=torch.float64) * 2 - 1) * 0.999999
a = x.atanh()
print(a.sum().item(), a[11], a[-1], x[:3].t().atanh())
y = x.clone()
y.atanh_()
print(torch.equal(y, a), sum(hash(v) for v in a.flatten().tolist()) % 1000003)
'''],
    "atanh_of_a_large_tensor_has_a_tail_per_thread": ['''torch.manual_seed(0)
n = torch.get_num_threads()
x = (torch.rand(100003) * 2 - 1) * 0.999999
h = lambda t: sum(hash(v) for v in t.tolist()) % 1000003
print(h(x.atanh()), h(x.double().atanh()), h(x[:70001].atanh()))
torch.set_num_threads(1)
try:
    print(h(x.atanh()), h(x.double().atanh()))
finally:
    torch.set_num_threads(n)
'''],
    "carlini_wagner_tanh_box_with_adam": ['''torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(6, 10), torch.nn.Tanh(), torch.nn.Linear(10, 3))
for p in model.parameters():
    p.requires_grad_(False)
x = torch.rand(4, 6)
y = torch.tensor([0, 1, 2, 1])
w = torch.atanh((x * 2 - 1) * 0.999999).detach().requires_grad_(True)
opt = torch.optim.Adam([w], lr=0.05)
one_hot = torch.eye(3)[y]
for step in range(6):
    x_adv = (torch.tanh(w) + 1) / 2
    logits = model(x_adv)
    real = (one_hot * logits).sum(1)
    other = ((1 - one_hot) * logits - one_hot * 10000).max(1)[0]
    loss = (x_adv - x).pow(2).flatten(1).sum(1).sum() + torch.clamp(real - other, min=0).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, loss.item(), w.grad.norm().item())
print(sum(hash(v) for v in w.flatten().tolist()) % 1000003)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe236(name):
    assert_same_as_pytorch(CELLS[name], name=name)
