"""What the 169th probe (the torch.nn.Module and container documentation's examples: buffers, state_dict and
load_state_dict, named_modules / named_parameters, apply, forward and backward hooks, containers' reprs and
editing, dtype conversions, train / eval, get_submodule / get_parameter / get_buffer, deepcopy) found, each checked
against PyTorch: named_modules(memo=...) holds the modules themselves, so a caller's memo={layer} skips that layer;
Module.to parses its arguments as torch._C._nn._parse_to does (Tensor.to's three overloads and their 'invalid
combination' TypeError, a copy flag given at all refused with '.to() does not accept copy argument', a Python bool
read as a bool tensor and refused as no floating point dtype); Tensor.to refuses arguments matching none of its
overloads (five positionals, two dtypes, an unknown keyword) and honours to(tensor=other)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "named_modules_memo": [
        '''import torch.nn as nn
l = nn.Linear(2, 2)
net = nn.Sequential(l, nn.ReLU(), nn.Sequential(l))
memo = {l}
print([n for n, _ in net.named_modules(memo=memo)])
print(len(memo), l in memo, net in memo)
print([n for n, _ in net.named_modules(memo={net[1]}, prefix='m')])
''',
    ],
    "module_to_parses_like_tensor_to": [
        ATTEMPT + '''import torch.nn as nn
m = nn.Linear(2, 2)
for args, kwargs in [((1, 2, 3, 4), {}), ((), {'foo': 1}), (([1],), {}), ((torch.float64, 'cpu'), {}),
                     ((), {'dtype': 'float'}), ((), {'device': 1.5}), ((object(),), {}),
                     ((torch.float64, torch.float32), {}), (('cpu', torch.float64, True, False), {}),
                     ((), {'copy': False}), ((torch.float64, False, True), {}), ((True,), {}),
                     (('cpu', torch.float64, True), {}), ((1.5,), {}), ((), {'tensor': torch.ones(1, dtype=torch.float16)})]:
    attempt(lambda: m.to(*args, **kwargs).weight.dtype)
''',
    ],
    "tensor_to_overloads": [
        ATTEMPT + '''t = torch.ones(2)
for args, kwargs in [((1, 2, 3, 4), {}), ((), {'foo': 1}), ((torch.float64, torch.float32), {}),
                     ((), {'tensor': torch.ones(1, dtype=torch.float64)}), ((torch.float64, 1), {}),
                     (('cpu', None, False, True), {}), ((1j,), {})]:
    attempt(lambda: t.to(*args, **kwargs).dtype)
''',
    ],
}


@pytest.mark.parametrize("name", list(CELLS))
def test_probe169_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe169/{name}", warns="per_cell")
