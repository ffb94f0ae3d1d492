"""What the hundred-and-seventeenth probe (the fast.ai course part 2 miniai notebooks: a Learner with callbacks,
hand-written accelerated SGD and PyTorch's optimizers and schedulers looked at from the inside, hooks, hand-written
norms, a tiny ResNet, a DDPM schedule) found, each checked against PyTorch: dir() of an optimizer lists the class's
step-hook type aliases (OptimizerPreHook, OptimizerPostHook) and profile_hook_step; a custom Optimizer subclass may
use torch.optim.optimizer.required (a group without that option: PyTorch's ValueError) and one without step() raises
NotImplementedError; dir(lr_scheduler) lists the names PyTorch's module imports (the course filters its capitalised
names: EPOCH_DEPRECATION_WARNING, Any, Literal, Self ...); dir() of a module lists its parameters, buffers and
children (not Sequential's digits) and the class attributes T_destination, dump_patches and call_super_init."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "optimizer_dir_and_hook_aliases": [
        '''import torch
from torch import nn
opt = torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=0.006)
print(' '.join(o for o in dir(opt) if o[0] != '_'))
print([o for o in dir(torch.optim.Adam) if o[0] != '_'])
print(torch.optim.Optimizer.OptimizerPreHook)
print(torch.optim.AdamW.OptimizerPostHook)
print(torch.optim.Optimizer.profile_hook_step.__qualname__)
''',
    ],
    "custom_optimizer_required_and_step": [
        ATTEMPT + '''import torch
from torch import nn
from torch.optim.optimizer import Optimizer, required
print(required, type(required).__name__)
class MySGD(Optimizer):
    def __init__(self, params, lr=required, mom=0.9):
        super().__init__(params, dict(lr=lr, mom=mom))
attempt(lambda: MySGD([nn.Parameter(torch.ones(2))]))
o = MySGD([{'params': [nn.Parameter(torch.ones(2))], 'lr': 0.1}])
print(o)
attempt(lambda: o.add_param_group({'params': [nn.Parameter(torch.ones(1))], 'mom': 0.5}))
o.add_param_group({'params': [nn.Parameter(torch.ones(1))], 'lr': 0.5})
print([g['lr'] for g in o.param_groups], [g['mom'] for g in o.param_groups], o.defaults)
attempt(lambda: repr(o.step()))
attempt(lambda: torch.optim.Optimizer([nn.Parameter(torch.ones(2))], {}).step())
''',
    ],
    "lr_scheduler_module_names": [
        '''import torch
from torch.optim import lr_scheduler
print(' '.join(filter(lambda x: x[0].isupper(), dir(lr_scheduler))))
print(lr_scheduler.EPOCH_DEPRECATION_WARNING)
''',
    ],
    "module_dir_lists_parameters_and_children": [
        '''import torch
from torch import nn
class BatchNorm(nn.Module):
    def __init__(self, nf):
        super().__init__()
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.register_buffer('vars', torch.ones(1, nf, 1, 1))
        self.lin = nn.Linear(2, 2)
        self.mom = 0.1
bn = BatchNorm(3)
print([o for o in dir(bn) if o[0] != '_' and not callable(getattr(bn, o))])
print([o for o in dir(nn.Sequential(nn.Linear(1, 1), nn.ReLU())) if not o.startswith('_')][:12])
print('weight' in dir(nn.Linear(1, 1)), 'running_mean' in dir(nn.BatchNorm1d(2)), '0' in dir(nn.Sequential(nn.ReLU())))
print(nn.Module.dump_patches, nn.Linear.call_super_init, nn.Module.T_destination)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe117_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe117", name=name)
