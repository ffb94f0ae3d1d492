"""What the two-hundred-and-seventeenth probe (a ninth round of beginner mistakes pasted from tracebacks: backward
twice, non-scalar grads, .numpy() on a tensor requiring grad, Long vs Float, wrong feature sizes, view after
transpose, cat of mismatched tensors, in-place modification of saved tensors, no_grad, torch.tensor of a list of
tensors, implicit softmax dims, BatchNorm, Conv2d, pooling, Embedding and squeeze) found, each checked against
PyTorch. Most messages agreed already; these did not. A module whose forward the engine inherits from a shared base
(MSELoss and L1Loss from _Loss, Softsign / LogSigmoid / Tanhshrink, Mish / Hardswish / Hardsigmoid, Hardshrink from
Softshrink, LPPool*, MaxUnpool*, FractionalMaxPool*) named that base in Python's argument errors ("_Loss.forward()
missing 1 required positional argument: 'target'") where PyTorch names the class. nn.Sequential given F.relu or
torch.relu named the engine's module ("autograd_magic.torch.nn.functional.relu is not a Module subclass") where
PyTorch's torch.typename gives torch.nn.functional.relu, torch._VariableFunctionsClass.relu, torch._C._nn.gelu ...
torch.tensor of a list holding a tensor of many elements that requires grad warned nothing before its ValueError
(PyTorch converts each element with float() or complex(), which warns first); a complex target dtype took the
integer path's TypeError, and a complex element with an integer dtype was accepted."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "loss_module_missing_target_names_the_loss": ['''import torch.nn as nn
torch.manual_seed(0)
out, y = torch.randn(4, 1), torch.randn(4, 1)
for m in (nn.MSELoss(), nn.L1Loss()):
    for args in ((), (out,), (out, y, 'mean')):
        try:
            m(*args)
        except TypeError as e:
            print(type(e).__name__, e)
class MyLoss(nn.MSELoss):
    pass
try:
    MyLoss()(out)
except TypeError as e:
    print(e)
print(MyLoss()(out, y), nn.MSELoss().forward(out, y))
'''],
    "activation_module_wrong_args_names_the_activation": ['''import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(2, 3)
for act in (nn.Softsign(), nn.LogSigmoid(), nn.Tanhshrink(), nn.Mish(), nn.Hardswish(), nn.Hardsigmoid(),
            nn.Hardshrink(0.3), nn.Softshrink()):
    for args in ((), (x, x)):
        try:
            act(*args)
        except TypeError as e:
            print(e)
    print(act(x).sum(), act.forward(x).sum())
'''],
    "pooling_module_wrong_args_names_the_pool": ['''import torch.nn as nn
for pool in (nn.LPPool1d(2, 2), nn.LPPool2d(2, 2), nn.LPPool3d(2, 2), nn.MaxUnpool1d(2), nn.MaxUnpool2d(2),
             nn.MaxUnpool3d(2), nn.FractionalMaxPool2d(2, output_size=2), nn.FractionalMaxPool3d(2, output_size=2)):
    for args in ((), (1, 2, 3, 4)):
        try:
            pool(*args)
        except TypeError as e:
            print(e)
'''],
    "sequential_of_a_function_names_pytorchs_typename": ['''import torch.nn as nn
import torch.nn.functional as F
for f in (F.relu, torch.relu, F.gelu, F.softplus, torch.tanh, F.sigmoid, F.softmax, F.dropout, F.linear,
          F.conv2d, F.max_pool2d, F.logsigmoid, F.one_hot, torch.flatten, torch.cat, torch.split, torch.einsum,
          torch.manual_seed, torch.nn.init.normal_):
    try:
        nn.Sequential(nn.Linear(2, 2), f)
    except TypeError as e:
        print(e)
    print(torch.typename(f))
'''],
    "tensor_of_tensors_requiring_grad_warns_before_refusing": ['''torch.set_warn_always(True)
w, b = torch.tensor([1., 2.], requires_grad=True), torch.tensor([3., 4.])
for data in ([w, b], [b, w], [w * 2, b], [w.double(), b], [[w, b]], [w[:1], b[:1]], [w[0], w[1]], (w, b)):
    try:
        print(torch.tensor(data))
    except ValueError as e:
        print(type(e).__name__, e)
for make in (torch.Tensor, torch.FloatTensor):
    try:
        make([w, b])
    except ValueError as e:
        print(type(e).__name__, e)
with torch.no_grad():
    try:
        torch.tensor([w, b])
    except ValueError as e:
        print(type(e).__name__, e)
'''],
    "tensor_of_tensors_complex_and_integer_dtypes": ['''torch.set_warn_always(True)
w, b = torch.tensor([1., 2.], requires_grad=True), torch.tensor([3., 4.])
c = w[0].to(torch.complex64)
for data, dtype in (([w, b], torch.complex64), ([b, w], torch.complex64), ([w, b], torch.long),
                    ([c, 1.], None), ([c, 1. + 2j], None), ([c, 1.], torch.float32), ([b[0].to(torch.complex64), 1.], torch.long),
                    ([b[0].to(torch.complex64), 1.], torch.bool), ([w.to(torch.complex64), b], None),
                    ([torch.tensor([1, 2]), b], torch.complex64)):
    try:
        print(torch.tensor(data, dtype=dtype))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe217(name):
    assert_same_as_pytorch(CELLS[name], name=name, warns="per_cell")
