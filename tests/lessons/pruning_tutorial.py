# Imitates PyTorch's "Pruning Tutorial" (torch.nn.utils.prune): random_unstructured on a LeNet conv, the weight_orig
# parameter and weight_mask buffer, forward pre hooks, l1_unstructured on bias, ln_structured, remove, global pruning.
import torch
from torch import nn
import torch.nn.utils.prune as prune
import torch.nn.functional as F

# %%
torch.manual_seed(0)
class LeNet(nn.Module):
    def __init__(self):
        super(LeNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 3, 3)
        self.conv2 = nn.Conv2d(3, 4, 3)
        self.fc1 = nn.Linear(4 * 2 * 2, 12)
        self.fc2 = nn.Linear(12, 8)
        self.fc3 = nn.Linear(8, 4)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, int(x.nelement() / x.shape[0]))
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

model = LeNet()
module = model.conv1
print(list(module.named_parameters()))

# %%
print(list(module.named_buffers()))

# %%
prune.random_unstructured(module, name="weight", amount=0.3)
print(list(module.named_parameters()))

# %%
print(list(module.named_buffers()))

# %%
print(module.weight)

# %%
# the tutorial prints module._forward_pre_hooks; its keys are hook ids, which count every hook the process made
# (the lessons before this one, and %%grad's own hooks): the values are what is compared
print(list(module._forward_pre_hooks.values()))

# %%
prune.l1_unstructured(module, name="bias", amount=1)
print(list(module.named_parameters()))
print(list(module.named_buffers()))
print(module.bias)

# %%
prune.ln_structured(module, name="weight", amount=0.5, n=2, dim=0)
print(module.weight)
for hook in module._forward_pre_hooks.values():
    if hook._tensor_name == "weight":
        break
print(list(hook))

# %%
print(model.state_dict().keys())

# %%
prune.remove(module, 'weight')
print(list(module.named_parameters()))
print(list(module.named_buffers()))

# %%
new_model = LeNet()
for name, module in new_model.named_modules():
    if isinstance(module, torch.nn.Conv2d):
        prune.l1_unstructured(module, name='weight', amount=0.2)
    elif isinstance(module, torch.nn.Linear):
        prune.l1_unstructured(module, name='weight', amount=0.4)
print(dict(new_model.named_buffers()).keys())

# %%
model = LeNet()
parameters_to_prune = (
    (model.conv1, 'weight'),
    (model.conv2, 'weight'),
    (model.fc1, 'weight'),
    (model.fc2, 'weight'),
    (model.fc3, 'weight'),
)
prune.global_unstructured(parameters_to_prune, pruning_method=prune.L1Unstructured, amount=0.2)
print("Sparsity in conv1.weight: {:.2f}%".format(
    100. * float(torch.sum(model.conv1.weight == 0)) / float(model.conv1.weight.nelement())))
print("Sparsity in fc1.weight: {:.2f}%".format(
    100. * float(torch.sum(model.fc1.weight == 0)) / float(model.fc1.weight.nelement())))
print("Global sparsity: {:.2f}%".format(
    100. * float(sum(torch.sum(m.weight == 0) for m, _ in parameters_to_prune))
    / float(sum(m.weight.nelement() for m, _ in parameters_to_prune))))

# %%
class FooBarPruningMethod(prune.BasePruningMethod):
    PRUNING_TYPE = 'unstructured'

    def compute_mask(self, t, default_mask):
        mask = default_mask.clone()
        mask.view(-1)[::2] = 0
        return mask

def foobar_unstructured(module, name):
    FooBarPruningMethod.apply(module, name)
    return module

model = LeNet()
foobar_unstructured(model.fc3, name='bias')
print(model.fc3.bias_mask)

# %%
# gradients flow only to the unpruned weights
x = torch.randn(2, 1, 12, 12)
out = model(x).sum()
out.backward()
print(model.fc3.bias_orig.grad)
print(prune.is_pruned(model), prune.is_pruned(nn.Linear(2, 2)))
