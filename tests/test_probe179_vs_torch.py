"""What the hundred-and-seventy-ninth probe (torch.nn.utils.prune, torch.utils.checkpoint and torch.optim.swa_utils as
a lesson on model compression and training tricks uses them) found, each checked against PyTorch: a reentrant
checkpoint's backward refuses to run inside torch.autograd.grad or backward(inputs=...) with PyTorch's message
(torch.autograd._is_checkpoint_valid); the prune methods' constructors are their own (their TypeErrors name
L1Unstructured.__init__ ..., their only base is BasePruningMethod); AveragedModel.update_parameters zips the buffers
strictly, so a model with other buffers is a ValueError; BatchNorm's running statistics with momentum=None (the
cumulative average update_bn uses) take 1 - momentum from the momentum already rounded to float, as ATen does."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "reentrant_checkpoint_refuses_grad_and_backward_inputs": [
        ATTEMPT + '''from torch.utils.checkpoint import checkpoint
torch.manual_seed(0)
lin = torch.nn.Linear(3, 2)
x = torch.randn(4, 3, requires_grad=True)
print(torch.autograd._is_checkpoint_valid())
attempt(lambda: torch.autograd.grad(checkpoint(lin, x, use_reentrant=True).sum(), x))
attempt(lambda: checkpoint(lin, x, use_reentrant=True).sum().backward(inputs=[x]))
attempt(lambda: checkpoint(lin, x, use_reentrant=True).sum().backward(inputs=[lin.weight, x]))
print(x.grad, lin.weight.grad)
print(torch.autograd.grad(checkpoint(lin, x, use_reentrant=False).sum(), x))
checkpoint(lin, x, use_reentrant=True).sum().backward()
print(x.grad, lin.bias.grad)
print(torch.autograd._is_checkpoint_valid())
''',
    ],
    "prune_method_constructors_are_their_own": [
        ATTEMPT + '''import torch.nn.utils.prune as prune
for cls in (prune.RandomUnstructured, prune.L1Unstructured, prune.RandomStructured, prune.LnStructured):
    print(cls.__name__, [b.__name__ for b in cls.__bases__], cls.__init__.__qualname__)
    attempt(lambda: cls())
attempt(lambda: prune.global_unstructured([(torch.nn.Linear(2, 2), "weight")], pruning_method=prune.L1Unstructured))
attempt(lambda: prune.global_unstructured([(torch.nn.Linear(2, 2), "weight")],
                                          pruning_method=prune.RandomUnstructured))
print(prune.L1Unstructured(amount=2).amount, prune.LnStructured(0.5, 1).dim, prune.RandomStructured(1, dim=0).dim)
''',
    ],
    "averaged_model_buffers_must_match": [
        ATTEMPT + '''from torch.optim.swa_utils import AveragedModel
torch.manual_seed(0)
net = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.BatchNorm1d(2))
attempt(lambda: AveragedModel(net).update_parameters(torch.nn.Linear(2, 2)))
attempt(lambda: AveragedModel(net).update_parameters(torch.nn.Sequential(torch.nn.Linear(2, 2),
                                                                           torch.nn.BatchNorm1d(2, track_running_stats=False))))
swa = AveragedModel(net)
swa.update_parameters(net); swa.update_parameters(net)
print(swa.n_averaged, swa.module[1].running_mean)
''',
    ],
    "batchnorm_cumulative_average_running_stats": [
        '''torch.manual_seed(0)
bits = lambda t: t.view(torch.int32 if t.dtype is torch.float32 else torch.int64).tolist()   # (every bit counts)
bn = torch.nn.BatchNorm1d(4, momentum=None)
xs = [torch.randn(8, 4) * torch.tensor([1., 2., 0.5, 7.]) + 1 for _ in range(5)]
for x in xs:
    bn(x)
    print(bn.num_batches_tracked.item(), bits(bn.running_mean), bits(bn.running_var))
for m in (0.3, 0.7, 1 / 6):
    b2 = torch.nn.BatchNorm1d(4, momentum=m)
    for x in xs:
        b2(x)
    print(bits(b2.running_mean), bits(b2.running_var))
b3 = torch.nn.BatchNorm2d(3, momentum=None).double()
for _ in range(3):
    b3(torch.randn(2, 3, 4, 4, dtype=torch.float64) * 3)
print(bits(b3.running_mean), bits(b3.running_var))
''',
        '''from torch.optim.swa_utils import AveragedModel, update_bn
torch.manual_seed(1)
model = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.BatchNorm1d(5), torch.nn.ReLU())
swa = AveragedModel(model)
loader = [(torch.randn(6, 3), torch.zeros(6)) for _ in range(4)]
update_bn(loader, swa)
bn = swa.module[1]
print(bn.running_mean.view(torch.int32).tolist(), bn.running_var.view(torch.int32).tolist(), bn.momentum)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe179_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
