"""What the two-hundred-thirty-third probe (parameter-efficient fine-tuning written by hand: LoRA wrappers, merging,
freezing, adapters, prefix and prompt tuning, BitFit, (IA)^3, QLoRA-style dtypes) found, each checked against
PyTorch. Every in-place update an optimizer makes to a parameter counts on its version counter as in PyTorch's
single-tensor updates (decoupled weight decay's param.mul_ for AdamW / Adam / NAdam / RAdam, NAdam's two addcdiv_,
ASGD's mul_ then add_), which the "modified by an inplace operation ... is at version N" error shows when a step
falls between two backward passes; clip_grad_value_'s default foreach path is two in-place ops on each gradient.
A leaf frozen with requires_grad_(False) after its graph was built takes no gradient at backward (PyTorch's
AccumulateGrad reads requires_grad when it runs), while its hooks still run. float16 addmm / F.linear /
baddbmm / small bmm sum each dot in float32 and round once (the bias added in float32 first), as ATen's Half gemm
and its bmm loop do."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "optimizer_in_place_updates_count_on_the_version": ['''O = torch.optim
for name, kw in (("AdamW", {}), ("Adam", {"weight_decay": 0.1, "decoupled_weight_decay": True}), ("Adam", {}),
                 ("NAdam", {}), ("NAdam", {"weight_decay": 0.1, "decoupled_weight_decay": True}),
                 ("RAdam", {"weight_decay": 0.1, "decoupled_weight_decay": True}), ("RAdam", {"weight_decay": 0.1}),
                 ("ASGD", {}), ("ASGD", {"foreach": True}), ("AdamW", {"weight_decay": 0.0}), ("SGD", {})):
    torch.manual_seed(0)
    w = torch.nn.Parameter(torch.randn(3, 4))
    opt = getattr(O, name)([w], lr=0.01, **kw)
    versions = []
    for _ in range(2):
        opt.zero_grad()
        (torch.ones(2, 3) @ w).pow(2).sum().backward()
        opt.step()
        versions.append(w._version)
    print(name, kw, versions)
'''],
    "step_between_two_backward_passes_names_the_version": ['''import torch.nn as nn
for cls in (torch.optim.AdamW, torch.optim.NAdam, torch.optim.ASGD):
    torch.manual_seed(1)
    net = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 2))
    opt = cls(net.parameters(), lr=0.01)
    out = net(torch.randn(5, 4))
    out.sum().backward(retain_graph=True)
    opt.step()
    try:
        out.pow(2).sum().backward()
    except RuntimeError as e:
        print(cls.__name__, e)
'''],
    "clip_grad_value_default_foreach_is_two_in_place_ops": ['''w = torch.nn.Parameter(torch.zeros(3))
for foreach in (None, True, False):
    w.grad = torch.tensor([-2.0, 0.5, 3.0])
    torch.nn.utils.clip_grad_value_([w], 1.0, foreach=foreach)
    print(foreach, w.grad, w.grad._version)
w.grad = torch.tensor([-2.0, 0.5, 3.0])
torch.nn.utils.clip_grad_value_(w, 1.0)
print(w.grad._version)
'''],
    "leaf_frozen_after_forward_takes_no_gradient": ['''import torch.nn as nn
torch.manual_seed(0)
lin = nn.Linear(4, 3)
x = torch.randn(2, 4)
out = lin(x)
lin.weight.register_hook(lambda g: print("tensor hook", tuple(g.shape)))
lin.weight.register_post_accumulate_grad_hook(lambda p: print("post accumulate", p.grad is None))
lin.weight.requires_grad_(False)
out.sum().backward(retain_graph=True)
print(lin.weight.grad, lin.bias.grad)
lin.weight.requires_grad_(True)
out.sum().backward(retain_graph=True)
print(lin.weight.grad, lin.bias.grad)
lin.bias.requires_grad = False
lin.bias.grad = None
(out.sum() * 3).backward(create_graph=True)
print(lin.bias.grad, lin.weight.grad.grad_fn)
''', '''# the learner's "optimizer built before freezing": the frozen leaf keeps its old gradient,
# Adam still skips nothing
import torch.nn as nn
torch.manual_seed(1)
layer = nn.Linear(3, 2)
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
loss = layer(torch.ones(4, 3)).pow(2).mean()
layer.requires_grad_(False)
loss.backward()
print(layer.weight.grad, layer.bias.grad)
before = layer.weight.clone()
opt.step()
print(torch.equal(before, layer.weight))
'''],
    "float16_addmm_sums_in_float32_and_rounds_once": ['''import torch.nn.functional as F
torch.manual_seed(0)
same = []
for M, K, N in ((2, 5, 6), (7, 9, 5), (16, 33, 12), (1, 8, 3)):
    x = torch.randn(M, K, dtype=torch.float16)
    w = torch.randn(N, K, dtype=torch.float16)
    b = torch.randn(N, dtype=torch.float16)
    x3 = torch.randn(2, M, K, dtype=torch.float16)
    ref = (x.float() @ w.float().T + b.float()).half()
    ref_ab = (2.0 * (x.float() @ w.float().T) + 0.5 * b.float()).half()
    ref3 = (x3.float() @ w.float().T + b.float()).half()
    same.append((torch.equal(F.linear(x, w, b), ref), torch.equal(torch.addmm(b, x, w.T), ref),
                 torch.equal(torch.addmm(b, x, w.T, beta=0.5, alpha=2.0), ref_ab),
                 torch.equal(F.linear(x3, w, b), ref3), torch.equal(F.linear(x3.transpose(0, 1), w, b),
                                                                   (x3.transpose(0, 1) @ w.T) + b),
                 torch.equal(torch.baddbmm(b, x3, w.T.expand(2, K, N)), ref3),
                 # (bmm's own loop, below 400 multiply-adds a matrix; above, its gemm's order depends on the CPU)
                 torch.equal(torch.bmm(x3, w.T.expand(2, K, N)), (x3.float() @ w.float().T).half())
                 if M * K * N < 400 else None))
print(same)
lin = torch.nn.Linear(5, 6, dtype=torch.float16)
y = lin(torch.randn(3, 5, dtype=torch.float16))
print(y, y.view(torch.int16).sum())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe233(name):
    assert_same_as_pytorch(CELLS[name], name=name)
