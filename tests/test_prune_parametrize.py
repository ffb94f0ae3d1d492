"""nn.Module internals as PyTorch 2.13 has them (plain-dict stores, hooks in OrderedDicts keyed by handle id,
with_kwargs / prepend / always_call hooks, the TypeError for a plain tensor assigned to a parameter), the nn.utils
helpers get_total_norm / clip_grads_with_norm_ / vector_to_parameters, torch.nn.utils.prune and
torch.nn.utils.parametrize (the PyTorch Pruning and Parametrizations tutorials). Each cell runs on PyTorch and on
the engine (helpers.assert_same_as_pytorch); hook ids are printed relative to the first one, since the two sides'
handle counters have counted other tests' hooks (test_hook_dicts_print_as_pytorchs_in_a_fresh_process prints
them as they are)."""
import subprocess
import sys

import pytest

from helpers import assert_same_as_pytorch, normalise, require

SETUP = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"

CELLS = {
    "module_stores_are_dicts": [
        SETUP + "lin = nn.Linear(2, 3)\n"
        "type(lin._parameters), type(lin._modules), type(lin._buffers), lin._buffers, lin._parameters.keys()",
        "type(lin.state_dict()), lin.state_dict().keys(), nn.Sequential(lin)._modules.keys()",
        "[k for k in lin.__dict__ if k.startswith('_')]",
        "lin._forward_hooks, lin._forward_pre_hooks, lin._backward_hooks, lin._is_full_backward_hook",
    ],
    "forward_hook_dicts": [
        SETUP + "lin = nn.Linear(2, 2)\nh = lin.register_forward_pre_hook(lambda m, a: None)\n"
        "type(lin._forward_pre_hooks), list(lin._forward_pre_hooks.values()), lin._forward_hooks, h",
        "h2 = lin.register_forward_pre_hook(print, prepend=True)\nids = list(lin._forward_pre_hooks)\n"
        "[i - min(ids) for i in ids], len(lin._forward_pre_hooks_with_kwargs)",
        "h.remove()\nh2.remove()\nlin._forward_pre_hooks, lin._forward_pre_hooks_with_kwargs",
        "f = lin.register_forward_hook(lambda m, a, o: None, always_call=True)\nlen(lin._forward_hooks), "
        "list(lin._forward_hooks_always_called.values())\n",
        "f.remove()\nlin._forward_hooks, lin._forward_hooks_always_called",
        "b = lin.register_full_backward_hook(lambda m, gi, go: None)\n"
        "len(lin._backward_hooks), lin._is_full_backward_hook",
    ],
    "hooks_with_kwargs_prepend_always_call": [
        SETUP + "class K(nn.Module):\n    def forward(self, x, scale=1.0):\n        return x * scale\nk = K()\n"
        "k.register_forward_hook(lambda m, a, kw, o: print('post kw', kw, o), with_kwargs=True)\n"
        "k.register_forward_hook(lambda m, a, o: print('post', a, o))\n"
        "k.register_forward_hook(lambda m, a, o: print('first'), prepend=True)\nk(torch.ones(1), scale=2.0)",
        "k2 = K()\nk2.register_forward_pre_hook(lambda m, a, kw: (a, {'scale': 3.0}), with_kwargs=True)\n"
        "k2.register_forward_pre_hook(lambda m, a: a[0] + 1)\nk2(torch.ones(1), scale=2.0)",
        "k3 = K()\nk3.register_forward_pre_hook(lambda m, a, kw: 5, with_kwargs=True)\nk3(torch.ones(1))",
        "class Bad(nn.Module):\n    def forward(self, x):\n        raise ValueError('inside forward')\nb = Bad()\n"
        "b.register_forward_hook(lambda m, a, o: print('always', a, o), always_call=True)\n"
        "b.register_forward_hook(lambda m, a, o: print('never'))\nb(torch.ones(1))",
        "b2 = Bad()\ndef boom(m, a, o):\n    raise KeyError('in hook')\n"
        "b2.register_forward_hook(boom, always_call=True)\nb2(torch.ones(1))",
    ],
    "assigning_attributes": [
        SETUP + "lin = nn.Linear(2, 2)\n'weight' in lin.__dict__, 'weight' in lin._parameters",
        "lin.weight = torch.zeros(2, 2)",
        "lin.weight = 3",
        "lin.weight = nn.Parameter(torch.ones(2, 2))\nlin.bias = None\nlin._parameters, lin.state_dict().keys()",
        "del lin.bias\nhasattr(lin, 'bias'), list(lin._parameters)",
        "s = nn.Sequential(nn.Linear(1, 1))\nsetattr(s, '0', torch.zeros(1))",
        "s.__setattr__('0', None)\ns._modules, len(list(s.parameters()))",
        "bn = nn.BatchNorm1d(2)\nbn.running_mean = torch.ones(2)\nbn._buffers['running_mean'], "
        "'running_mean' in bn.__dict__",
        "bn.running_mean = [1., 2.]",
        "bn.register_buffer('weight', torch.ones(1))",
        "bn.register_buffer('a.b', torch.ones(1))",
        "bn.register_buffer('c', 3)",
        "bn.register_parameter('d', torch.ones(1))",
        "bn.register_parameter('e', (torch.ones(1, requires_grad=True) * 2))",
        "bn.add_module('f', 3)",
        "bn.register_buffer('tmp', torch.ones(1), persistent=False)\nbn._non_persistent_buffers_set, "
        "'tmp' in bn.state_dict()",
        "bn.tmp = None\nbn._buffers['tmp'], list(dict(bn.named_buffers()))",
    ],
    "total_norm_and_vectors": [
        SETUP + "torch.nn.utils.get_total_norm([torch.ones(3), torch.ones(1)])",
        "torch.nn.utils.get_total_norm(torch.arange(4.), norm_type='inf'), "
        "torch.nn.utils.get_total_norm([torch.arange(4.), torch.ones(2)], 1), torch.nn.utils.get_total_norm([])",
        "torch.nn.utils.get_total_norm([torch.tensor([float('inf')])], error_if_nonfinite=True)",
        "torch.manual_seed(0)\nm = nn.Linear(3, 2)\nm(torch.randn(4, 3)).pow(2).sum().backward()\n"
        "n = torch.nn.utils.get_total_norm([p.grad for p in m.parameters()])\n"
        "torch.nn.utils.clip_grads_with_norm_(m.parameters(), 1.0, n)\nn, m.weight.grad, m.bias.grad",
        "torch.nn.utils.clip_grad_norm_((p for p in []), 1.0)",
        "from torch.nn.utils import parameters_to_vector, vector_to_parameters\n"
        "v = parameters_to_vector(m.parameters())\nv.shape, v.grad_fn\n",
        "vector_to_parameters(torch.arange(8.), m.parameters())\nm.weight, m.bias, m.weight.requires_grad",
        "vector_to_parameters([1., 2.], m.parameters())",
    ],
}

PRUNE_SETUP = SETUP + """import torch.nn.utils.prune as prune
torch.manual_seed(0)
class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3)
        self.conv2 = nn.Conv2d(3, 4, 3)
        self.fc1 = nn.Linear(16, 6)
        self.fc2 = nn.Linear(6, 4)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc2(F.relu(self.fc1(x.flatten(1))))

model = LeNet()
module = model.conv1
"""

PRUNE_CELLS = {
    "prune_tutorial": [
        PRUNE_SETUP + "prune.random_unstructured(module, name='weight', amount=0.3)\n"
        "print(list(module.named_parameters()))\nprint(list(module.named_buffers()))\nmodule.weight",
        "list(module._forward_pre_hooks.values()), 'weight' in module.__dict__, type(module.weight)",
        "prune.l1_unstructured(module, name='bias', amount=1)\nmodule.bias, module.bias_mask",
        "prune.ln_structured(module, name='weight', amount=0.5, n=2, dim=0)\nmodule.weight",
        "hook = [h for h in module._forward_pre_hooks.values() if h._tensor_name == 'weight'][0]\n"
        "hook, list(hook), len(hook), hook[0].amount, model.state_dict().keys()",
        "prune.remove(module, 'weight')\nprint(list(module.named_parameters()))\nlist(module.named_buffers()), "
        "list(module._forward_pre_hooks.values())",
        "prune.remove(module, 'weight')",
        "x = torch.randn(2, 1, 14, 14)\nmodel(x).sum().backward()\nmodule.bias_orig.grad, model.conv1.weight.grad",
        "prune.is_pruned(model), prune.is_pruned(nn.Linear(2, 2))",
    ],
    "prune_global_and_custom": [
        PRUNE_SETUP + "params = [(model.conv1, 'weight'), (model.conv2, 'weight'), (model.fc1, 'weight')]\n"
        "prune.global_unstructured(params, pruning_method=prune.L1Unstructured, amount=0.2)\n"
        "[int(torch.sum(m.weight == 0)) for m, _ in params], "
        "[type(h).__name__ for h in model.conv2._forward_pre_hooks.values()]",
        "prune.global_unstructured(params, pruning_method=prune.RandomUnstructured, amount=10)\n"
        "[int(torch.sum(m.weight == 0)) for m, _ in params], list(model.fc1._forward_pre_hooks.values())[0][1]",
        "prune.global_unstructured(params, pruning_method=prune.RandomStructured, amount=1)",
        "class FooBar(prune.BasePruningMethod):\n    PRUNING_TYPE = 'unstructured'\n"
        "    def compute_mask(self, t, default_mask):\n        mask = default_mask.clone()\n"
        "        mask.view(-1)[::2] = 0\n        return mask\n"
        "FooBar.apply(model.fc2, 'bias')\nmodel.fc2.bias_mask, model.fc2.bias",
        "prune.random_structured(model.fc2, 'weight', amount=0.5, dim=1)\nmodel.fc2.weight_mask",
        "prune.random_structured(model.fc2, 'weight', amount=1, dim=0)\nmodel.fc2.weight_mask",
        "prune.custom_from_mask(model.fc2, 'bias', torch.tensor([1, 1, 0, 1]))\nmodel.fc2.bias_mask",
        "lin = prune.identity(nn.Linear(2, 2), 'weight')\nlin.weight_mask, lin.weight",
        "class NoMask(prune.BasePruningMethod):\n    PRUNING_TYPE = 'unstructured'\nNoMask()",
        "m3 = nn.Linear(3, 3)\nprune.l1_unstructured(m3, 'weight', amount=0.0)\nm3.weight_mask.sum(), "
        "prune.L1Unstructured(2).prune(torch.tensor([3., -1., 2., 0.5]))",
    ],
    "prune_errors": [
        PRUNE_SETUP + "prune.random_unstructured(module, 'weight', amount=-1)",
        "prune.random_unstructured(module, 'weight', amount=1.5)",
        "prune.random_unstructured(module, 'weight', amount='a')",
        "prune.l1_unstructured(module, 'bias', amount=4)",
        "prune.ln_structured(module, 'bias', amount=1, n=2, dim=0)",
        "prune.ln_structured(module, 'weight', amount=1, n=1, dim=4)",
        "list(module.named_parameters())[0][0], list(module.named_buffers()), module._forward_pre_hooks",
        "prune.remove(module, 'bias')",
        "prune.global_unstructured(3, prune.L1Unstructured, amount=1)",
        "prune.global_unstructured([(module, 'weight')], prune.L1Unstructured, importance_scores=[1], amount=1)",
        "prune.l1_unstructured(module, 'weight', amount=1, importance_scores=torch.ones(3))",
    ],
}

PARAM_SETUP = SETUP + """import torch.nn.utils.parametrize as parametrize
torch.manual_seed(0)
class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)

class Skew(nn.Module):
    def forward(self, X):
        A = X.triu(1)
        return A - A.transpose(-1, -2)

    def right_inverse(self, A):
        return A.triu(1)

layer = nn.Linear(3, 3)
"""

PARAM_CELLS = {
    "parametrize_tutorial": [
        PARAM_SETUP + "parametrize.register_parametrization(layer, 'weight', Symmetric())\nprint(layer)\n"
        "layer.weight",
        "layer.parametrizations.weight.original, type(layer), type(layer).__mro__[1], "
        "parametrize.type_before_parametrizations(layer)",
        "parametrize.is_parametrized(layer), parametrize.is_parametrized(layer, 'bias'), "
        "[n for n, _ in layer.named_parameters()], layer.state_dict().keys()",
        "x = torch.randn(2, 3)\nlayer(x).sum().backward()\n"
        "layer.parametrizations.weight.original.grad, layer.bias.grad",
        "parametrize.register_parametrization(layer, 'weight', Skew())\nprint(layer.parametrizations.weight)\n"
        "layer.weight",
        "parametrize.remove_parametrizations(layer, 'weight')\nprint(layer)\nlayer.weight, type(layer)",
        "parametrize.remove_parametrizations(layer, 'weight')",
        "layer2 = nn.Linear(3, 3)\nparametrize.register_parametrization(layer2, 'weight', Skew())\n"
        "layer2.parametrizations.weight.original",
        "X = torch.rand(3, 3)\nlayer2.weight = X - X.T\nlayer2.weight, layer2.parametrizations.weight.original",
        "parametrize.remove_parametrizations(layer2, 'weight', leave_parametrized=False)\nlayer2.weight",
    ],
    "parametrize_cached_and_errors": [
        PARAM_SETUP + "class Noisy(nn.Module):\n    def forward(self, X):\n        print('computing')\n"
        "        return X\nparametrize.register_parametrization(layer, 'weight', Noisy())\n"
        "a = layer.weight + layer.weight\nwith parametrize.cached():\n    b = layer.weight + layer.weight\n"
        "    c = layer.weight.sum()\nd = layer.weight",
        "layer.weight = torch.zeros(3, 3)",
        "class Row(nn.Module):\n    def forward(self, X):\n        return X[0]\n"
        "parametrize.register_parametrization(nn.Linear(3, 3), 'weight', Row())",
        "parametrize.register_parametrization(layer, 'weight', Row())",
        "lin = nn.Linear(3, 3)\nparametrize.register_parametrization(lin, 'weight', Row(), unsafe=True)\n"
        "lin.weight.shape, lin.parametrizations.weight.unsafe",
        "class Double(nn.Module):\n    def forward(self, X):\n        return X.double()\n"
        "parametrize.register_parametrization(nn.Linear(2, 2), 'weight', Double())",
        "parametrize.register_parametrization(nn.Linear(2, 2), 'nothing', Symmetric())",
        "parametrize.remove_parametrizations(nn.Linear(2, 2), 'weight')",
        "bn = nn.BatchNorm1d(3)\nparametrize.register_parametrization(bn, 'running_var', Symmetric(), unsafe=True)\n"
        "bn.parametrizations.running_var.original, list(dict(bn.named_buffers()))",
        "class Split(nn.Module):\n    def forward(self, A, B):\n        return A + B\n"
        "    def right_inverse(self, X):\n        return X / 2, X / 2\n"
        "l3 = nn.Linear(2, 2)\nw = l3.weight.detach().clone()\n"
        "parametrize.register_parametrization(l3, 'weight', Split())\n"
        "print(l3)\nsorted(n for n, _ in l3.named_parameters()), torch.equal(l3.weight, w)",
        "parametrize.remove_parametrizations(l3, 'weight', leave_parametrized=False)",
        "parametrize.remove_parametrizations(l3, 'weight')\ntype(l3.weight), torch.equal(l3.weight, w)",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_module_internals_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


@pytest.mark.parametrize("name", sorted(PRUNE_CELLS))
def test_prune_same_as_pytorch(name):
    assert_same_as_pytorch(PRUNE_CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


@pytest.mark.parametrize("name", sorted(PARAM_CELLS))
def test_parametrize_same_as_pytorch(name):
    assert_same_as_pytorch(PARAM_CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


FRESH = """
lin = torch.nn.Linear(2, 2)
lin.register_forward_pre_hook(lambda m, a: None)
print(lin._forward_pre_hooks, lin._forward_hooks)
torch.nn.utils.prune.random_unstructured(lin, 'weight', amount=0.5)
print(lin._forward_pre_hooks)
"""


def test_hook_dicts_print_as_pytorchs_in_a_fresh_process():
    """The hook ids count from 0 in a new process on both sides (PyTorch's RemovableHandle.next_id)."""
    require("torch")
    outputs = []
    for header in ("import torch\nimport torch.nn.utils.prune",   # (prune is imported by its own import, on
                   "from autograd_magic import torch\nimport autograd_magic.torch.nn.utils.prune"):   # both sides)
        proc = subprocess.run([sys.executable, "-c", header + "\n" + FRESH], capture_output=True, text=True,
                              timeout=300, check=False)
        assert proc.returncode == 0, proc.stderr
        outputs.append(normalise([(proc.stdout, None)])[0][0])
    assert outputs[1] == outputs[0]
    assert outputs[0].startswith("OrderedDict([(0, <function <lambda> at 0x?>)]) OrderedDict()")


def test_orthogonal_of_a_non_square_weight_is_householder():
    """PyTorch's orthogonal parametrization of a non-square weight defaults to Householder reflections
    (householder_product), as the engine's now does (its values against PyTorch's: test_nn_remaining_classes)."""
    from autograd_magic import torch
    m = torch.nn.utils.parametrizations.orthogonal(torch.nn.Linear(3, 5))
    assert m.parametrizations.weight[0].orthogonal_map.name == "householder"
    assert (m.weight.T @ m.weight - torch.eye(3)).abs().max().item() < 1e-5