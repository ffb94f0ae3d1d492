# Imitates PyTorch's "Model ensembling" tutorial: several MLPs stacked with torch.func.stack_module_state and run at
# once with vmap over functional_call, on a different minibatch per model and on the same one.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

class SimpleMLP(nn.Module):
    def __init__(self):
        super(SimpleMLP, self).__init__()
        self.fc1 = nn.Linear(16, 8)
        self.fc2 = nn.Linear(8, 8)
        self.fc3 = nn.Linear(8, 3)

    def forward(self, x):
        x = x.flatten(1)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.fc2(x)
        x = F.relu(x)
        x = self.fc3(x)
        return x

device = 'cpu'
num_models = 4

data = torch.randn(10, 5, 1, 4, 4, device=device)
targets = torch.randint(3, (50,), device=device)

models = [SimpleMLP().to(device) for _ in range(num_models)]

# %%
minibatches = data[:num_models]
predictions_diff_minibatch_loop = [model(minibatch) for model, minibatch in zip(models, minibatches)]

minibatch = data[0]
predictions2 = [model(minibatch) for model in models]
print(predictions2[1])

# %%
from torch.func import stack_module_state

params, buffers = stack_module_state(models)
print({k: v.shape for k, v in params.items()}, buffers)

# %%
from torch.func import functional_call
import copy

base_model = copy.deepcopy(models[0])
base_model = base_model.to('meta')

def fmodel(params, buffers, x):
    return functional_call(base_model, (params, buffers), (x,))

print([p.size(0) for p in params.values()])

assert minibatches.shape == (num_models, 5, 1, 4, 4)

from torch import vmap

predictions1_vmap = vmap(fmodel)(params, buffers, minibatches)

assert torch.allclose(predictions1_vmap, torch.stack(predictions_diff_minibatch_loop), atol=1e-3, rtol=1e-5)
print(predictions1_vmap[2])

# %%
predictions2_vmap = vmap(fmodel, in_dims=(0, 0, None))(params, buffers, minibatch)

assert torch.allclose(predictions2_vmap, torch.stack(predictions2), atol=1e-3, rtol=1e-5)
predictions2_vmap.shape, predictions2_vmap[1]

# %%
loss = F.cross_entropy(predictions2_vmap.flatten(0, 1), targets[:20])
loss.backward()
print(loss, params['fc3.bias'].grad)
