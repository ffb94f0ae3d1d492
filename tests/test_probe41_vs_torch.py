"""What the forty-first probe (constructor argument errors) found, each checked against PyTorch: a layer's
__init__ is defined where PyTorch defines it, with PyTorch's parameter list, so that a missing, extra or unknown
argument reads as PyTorch's (Python names the class whose __init__ runs): Conv2d / ConvTranspose2d / LazyConv2d
(not _ConvNd, and 13 positional arguments are too many), AvgPool2d, MaxUnpool2d, FractionalMaxPool2d, the padding
layers and the activations name themselves, while MaxPool1d (_MaxPoolNd), AdaptiveAvgPool1d (_AdaptiveAvgPoolNd),
the dropouts (_DropoutNd, siblings as in PyTorch), BatchNorm (_BatchNorm) and LazyBatchNorm (_LazyNormBase, with
its bias keyword) name PyTorch's base class; HalfNormal / HalfCauchy name themselves; a loss's reduction is only
checked when the loss is computed (HuberLoss(3) is built); a layer's sizes, dtype= and device= get torch.empty's
errors (BatchNorm1d(n / 2), PReLU(-1), nn.Linear(2, 2, device='cuda'), dtype='float64'), an InstanceNorm without
tensors takes any size; Unflatten checks its size when built; CircularPadNd checks its input's dimensions;
size arguments are PyTorch's _ntuple (a string is an iterable); nn.init reaches a list argument's attributes in
PyTorch's order."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CASES = ATTEMPT + '''for make in CASES:
    attempt(make)
'''

CELLS = {
    "conv_missing_and_extra_arguments": [
        "CASES = [lambda: torch.nn.Conv2d(3, 16), lambda: torch.nn.Conv1d(), lambda: torch.nn.Conv3d(3),\n"
        "         lambda: torch.nn.Conv2d(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3), lambda: torch.nn.Conv1d(3, 3, 3, kern=3),\n"
        "         lambda: torch.nn.ConvTranspose2d(3, 3), lambda: torch.nn.ConvTranspose1d(3, 3, 3, bogus=1),\n"
        "         lambda: torch.nn.ConvTranspose2d(3, 3, 3, padding_mode='reflect'),\n"
        "         lambda: torch.nn.LazyConv2d(), lambda: torch.nn.LazyConv1d(3, 3, 1, 0, 1, 1, True, 'zeros', None, None, 1),\n"
        "         lambda: torch.nn.LazyConv2d(3, 3, groups=2), lambda: torch.nn.Conv2d(3, 3, 3, output_padding=1)]\n"
        + CASES,
        "torch.manual_seed(0)\nc = torch.nn.Conv2d(2, 4, 3, 2, 1, bias=False, padding_mode='reflect')\n"
        "print(c, c.weight.sum().item(), list(c.state_dict()))\n"
        "t = torch.nn.ConvTranspose1d(2, 3, 3, 2, 1, 1)\nprint(t, t.weight.shape, t.bias.sum().item())\n"
        "l = torch.nn.LazyConv2d(4, 3, bias=False)\nprint(l, list(l.state_dict()))\n"
        "print(l(torch.ones(1, 2, 5, 5)).shape, l)",
    ],
    "pooling_and_unpooling_classes": [
        "CASES = [lambda: torch.nn.AvgPool2d(), lambda: torch.nn.AvgPool3d(2, bogus=1), lambda: torch.nn.MaxPool1d(),\n"
        "         lambda: torch.nn.MaxPool1d(*[2] * 12), lambda: torch.nn.AdaptiveAvgPool1d(),\n"
        "         lambda: torch.nn.AdaptiveAvgPool1d(2, 2), lambda: torch.nn.MaxUnpool2d(),\n"
        "         lambda: torch.nn.MaxUnpool1d(2, bogus=1), lambda: torch.nn.FractionalMaxPool2d(),\n"
        "         lambda: torch.nn.FractionalMaxPool3d(2, output_ratio=0.5, bogus=1),\n"
        "         lambda: torch.nn.MaxUnpool2d(2.5), lambda: torch.nn.AvgPool1d([3]), lambda: torch.nn.AvgPool1d(2.5)]\n"
        + CASES,
        "from torch.nn.modules import pooling\n"
        "print(isinstance(torch.nn.MaxPool1d(2), pooling._MaxPoolNd), isinstance(torch.nn.AvgPool1d(2), pooling._AvgPoolNd),\n"
        "      isinstance(torch.nn.AdaptiveAvgPool1d(2), pooling._AdaptiveAvgPoolNd))\n"
        "print(torch.nn.MaxPool1d(3, 2), torch.nn.AvgPool2d(3), torch.nn.AvgPool1d(4, 2), torch.nn.MaxUnpool3d(2))",
    ],
    "padding_classes": [
        "CASES = [lambda: torch.nn.ReflectionPad2d(), lambda: torch.nn.ReplicationPad1d(1, 1),\n"
        "         lambda: torch.nn.CircularPad3d(padding=1, mode='x'), lambda: torch.nn.ConstantPad1d(2),\n"
        "         lambda: torch.nn.ConstantPad3d(), lambda: torch.nn.ZeroPad2d(), lambda: torch.nn.ReflectionPad1d('ab'),\n"
        "         lambda: torch.nn.CircularPad2d(1)(torch.ones(2, 3)), lambda: torch.nn.CircularPad1d(1)(torch.ones(3))]\n"
        + CASES,
        "from torch.nn.modules import padding\n"
        "print([c.__name__ for c in (padding._ReflectionPadNd, padding._ReplicationPadNd, padding._CircularPadNd)])\n"
        "for m in (torch.nn.ReflectionPad2d((1, 0, 2, 1)), torch.nn.ConstantPad1d(2, 3.5), torch.nn.ZeroPad3d(1),\n"
        "          torch.nn.CircularPad1d([1, 2])):\n"
        "    print(m, m.padding)\n"
        "print(torch.nn.CircularPad2d(1)(torch.arange(4.).view(1, 2, 2)))",
    ],
    "activation_classes": [
        "CASES = [lambda: torch.nn.ReLU(True, 1), lambda: torch.nn.SiLU(bogus=1), lambda: torch.nn.Mish(inplac=True),\n"
        "         lambda: torch.nn.SELU(1, 2), lambda: torch.nn.Hardswish(x=1), lambda: torch.nn.Hardsigmoid(1, 2, 3),\n"
        "         lambda: torch.nn.Hardshrink(0.5, 1), lambda: torch.nn.LogSoftmax(dim=1, x=2),\n"
        "         lambda: torch.nn.LogSoftmax(1, 2)]\n" + CASES,
        "print(torch.nn.ReLU(True), torch.nn.Hardshrink(0.3), torch.nn.LogSoftmax(1), torch.nn.Mish(True), torch.nn.SiLU())",
    ],
    "dropout_and_batchnorm_bases": [
        "CASES = [lambda: torch.nn.Dropout(0.5, True, 1), lambda: torch.nn.Dropout2d(rate=0.5),\n"
        "         lambda: torch.nn.AlphaDropout(p=0.1, training=True), lambda: torch.nn.Dropout1d(2.0),\n"
        "         lambda: torch.nn.BatchNorm2d(), lambda: torch.nn.BatchNorm1d(3, momentum=0.1, mom=1),\n"
        "         lambda: torch.nn.BatchNorm3d(*[3] * 12), lambda: torch.nn.LazyBatchNorm1d(num_features=3),\n"
        "         lambda: torch.nn.LazyBatchNorm2d(*[3] * 9)]\n" + CASES,
        "from torch.nn.modules import dropout\n"
        "print(isinstance(torch.nn.Dropout2d(), torch.nn.Dropout), isinstance(torch.nn.Dropout(), dropout._DropoutNd))\n"
        "print(torch.nn.Dropout2d(0.2), torch.nn.FeatureAlphaDropout())\n"
        "bn = torch.nn.LazyBatchNorm1d(bias=False)\nprint(bn.bias, list(bn.state_dict()))\n"
        "bn(torch.randn(4, 3))\nprint(bn, bn.bias, list(bn.state_dict()))",
    ],
    "sizes_dtypes_and_devices_of_layers": [
        "CASES = [lambda: torch.nn.BatchNorm1d(7 / 2), lambda: torch.nn.BatchNorm2d(-1), lambda: torch.nn.PReLU(2.0),\n"
        "         lambda: torch.nn.PReLU((2, 2)), lambda: torch.nn.LayerNorm('a'), lambda: torch.nn.LayerNorm(-2),\n"
        "         lambda: torch.nn.GRUCell(3, 2.5), lambda: torch.nn.RNNCell(3, -1), lambda: torch.nn.RMSNorm(['a']),\n"
        "         lambda: torch.nn.InstanceNorm1d(3.5), lambda: torch.nn.GroupNorm(1, -1),\n"
        "         lambda: torch.nn.Linear(2, 2, device='cuda'), lambda: torch.nn.Conv2d(1, 1, 3, device='cuda:0'),\n"
        "         lambda: torch.nn.BatchNorm1d(3, device='cuda'), lambda: torch.nn.Linear(3, 4, True, 1),\n"
        "         lambda: torch.nn.Embedding(3, 2, device='cuda'), lambda: torch.nn.LSTM(2, 2, device='cuda'),\n"
        "         lambda: torch.nn.LazyLinear(3, device='cuda'), lambda: torch.nn.MultiheadAttention(4, 2, device='cuda'),\n"
        "         lambda: torch.nn.Linear(2, 2, dtype='float64'), lambda: torch.nn.PReLU(3, 0.25, None, 3),\n"
        "         lambda: torch.nn.RNNBase(3, 3, 3)]\n" + CASES,
        "print(torch.nn.Linear(2, 2, dtype=float).weight.dtype, torch.nn.Linear(2, 2, device='cpu').weight.device)\n"
        "print(torch.nn.LayerNorm(3, device=torch.device('cpu')), torch.nn.InstanceNorm2d(3.5))\n"
        "print(torch.nn.BatchNorm1d((2, 2)).weight.shape)",
    ],
    "unflatten_and_losses": [
        "CASES = [lambda: torch.nn.Unflatten(1, 3), lambda: torch.nn.Unflatten(1, (2, 2.0)),\n"
        "         lambda: torch.nn.Unflatten(1, torch.Size([2, 3])), lambda: torch.nn.HuberLoss(3),\n"
        "         lambda: torch.nn.HuberLoss(reduction='bogus'), lambda: torch.nn.MSELoss(reduction='avg'),\n"
        "         lambda: torch.nn.PoissonNLLLoss(reduction='x'),\n"
        "         lambda: torch.nn.MSELoss(reduction='avg')(torch.ones(2), torch.zeros(2)),\n"
        "         lambda: torch.nn.HuberLoss('bogus')(torch.ones(2), torch.zeros(2))]\n" + CASES,
    ],
    "distributions_and_init": [
        "CASES = [lambda: torch.distributions.HalfNormal(), lambda: torch.distributions.HalfCauchy(1.0, None, 3),\n"
        "         lambda: torch.distributions.HalfNormal(scale=1.0, loc=0.0), lambda: torch.nn.init.zeros_([1.0]),\n"
        "         lambda: torch.nn.init.ones_([1.0]), lambda: torch.nn.init.eye_([1.0]),\n"
        "         lambda: torch.nn.init.xavier_uniform_([1.0]), lambda: torch.nn.init.orthogonal_([1.0]),\n"
        "         lambda: torch.nn.init.trunc_normal_([1.0]), lambda: torch.nn.init.dirac_([1.0]),\n"
        "         lambda: torch.nn.init.ones_(torch.zeros(2, dtype=torch.long))]\n" + CASES,
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe41_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")


def test_init_definitions_sit_where_pytorch_puts_them():
    """Every torch.nn / optim / lr_scheduler / utils.data / distributions class the engine has runs the __init__
    PyTorch runs for it (its code's qualified name) with PyTorch's parameters (names, kinds, defaults): what
    Python's missing / extra / unexpected-argument messages are made of. Tensor classes are left out."""
    import inspect
    import re

    real = pytest.importorskip("torch")
    import torch.utils.data  # noqa: F401
    from autograd_magic import torch as ours

    def info(cls):
        f = cls.__init__
        code = getattr(f, "__code__", None)
        sig = inspect.signature(f)
        params = [p.replace(annotation=inspect.Parameter.empty) for p in sig.parameters.values()]
        text = str(sig.replace(parameters=params, return_annotation=inspect.Signature.empty))
        return (code.co_qualname if code else None), re.sub(r" at 0x[0-9a-f]+", "", text)

    differ = []
    for R, O in ((real.nn, ours.nn), (real.optim, ours.optim), (real.optim.lr_scheduler, ours.optim.lr_scheduler),
                 (real.utils.data, ours.utils.data), (real.distributions, ours.distributions)):
        for name in dir(R):
            c, o = getattr(R, name), getattr(O, name, None)
            if name.startswith("_") or not isinstance(c, type) or not isinstance(o, type):
                continue
            if issubclass(c, real.Tensor):
                continue
            if info(c) != info(o):
                differ.append((name, info(c), info(o)))
    assert not differ, differ
