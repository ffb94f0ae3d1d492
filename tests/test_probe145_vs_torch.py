"""What the hundred-and-forty-fifth probe (meta-learning, pruning, parametrizations, LoRA, distillation) found,
each checked against PyTorch: torch.nn.utils.prune's structured methods (LnStructured, RandomStructured) with a
negative dim, their default dim=-1 among them, built a mask of all ones (no channel pruned) where PyTorch prunes the
channels along the last dims; a pruning method that was never applied has no ``_tensor_name`` in PyTorch
(``PruningContainer(L1Unstructured(0.3))``, ``PruningContainer()`` then adding to it, an unapplied method's
``remove``: AttributeError) where the engine had a class-level None; and pruning a parameter that is None
(``bias`` of ``nn.Linear(..., bias=False)``) raises ones_like()'s TypeError as PyTorch's does."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import torch.nn as nn
import torch.nn.utils.prune as prune
torch.manual_seed(0)
'''

CELLS = {
    "structured_methods_count_negative_dims_from_the_end": [
        SETUP + '''t = torch.randn(3, 4)
print(prune.LnStructured(amount=0.5, n=2).compute_mask(t, torch.ones_like(t)))
print(prune.LnStructured(1, n="fro", dim=-1).compute_mask(t, torch.ones_like(t)))
print(prune.LnStructured(1, n=1, dim=-2).compute_mask(t, torch.ones_like(t)))
print(prune.RandomStructured(2).compute_mask(t, torch.ones_like(t)).sum(0))
print(prune.LnStructured(0.5, n=2).prune(t))
''',
        SETUP + '''conv = nn.Conv2d(2, 3, 2)
prune.ln_structured(conv, "weight", amount=1, n=1, dim=-1)
print(conv.weight_mask.sum(dim=(0, 1, 2)))
prune.random_structured(conv, "weight", amount=1, dim=-2)
print(conv.weight_mask.sum(dim=(0, 1, 3)))
lin = nn.Linear(4, 3)
prune.ln_structured(lin, "weight", amount=0.5, n=float("inf"), dim=-1)
print(lin.weight_mask)
print(lin(torch.ones(1, 4)))
attempt(lambda: prune.ln_structured(nn.Linear(2, 2), "weight", amount=1, n=1, dim=-3))
''',
    ],
    "unapplied_methods_have_no_tensor_name": [
        SETUP + '''attempt(lambda: prune.PruningContainer(prune.Identity()))
attempt(lambda: prune.PruningContainer(prune.L1Unstructured(0.3), prune.LnStructured(1, 2)))
attempt(lambda: prune.PruningContainer().add_pruning_method(prune.Identity()))
attempt(lambda: prune.L1Unstructured(0.3).remove(nn.Linear(2, 2)))
attempt(lambda: prune.L1Unstructured(0.3).apply_mask(nn.Linear(2, 2)))
attempt(lambda: hasattr(prune.RandomUnstructured(0.3), "_tensor_name"))
m = nn.Linear(2, 2)
method = prune.L1Unstructured.apply(m, "weight", amount=1)
print(method._tensor_name, prune.PruningContainer(method)._tensor_name)
''',
    ],
    "pruning_a_none_parameter": [
        SETUP + '''m = nn.Linear(2, 2, bias=False)
attempt(lambda: prune.l1_unstructured(m, "bias", amount=0.5))
print([n for n, _ in m.named_parameters()], list(m.state_dict().keys()))
attempt(lambda: prune.random_unstructured(nn.Linear(2, 2, bias=False), "bias", amount=1))
attempt(lambda: prune.L1Unstructured(0.5).prune(None))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe145_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name)
