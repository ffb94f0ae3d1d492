# Imitates the temperature-scaling code of Guo et al.'s "On Calibration of Modern Neural Networks" (gpleiss's
# temperature_scaling.py: a ModelWithTemperature wrapper, a single temperature fitted with LBFGS on the validation
# NLL, an _ECELoss with bin boundaries from linspace) and the official torch.func "Model ensembling" tutorial
# (stack_module_state, functional_call under vmap with in_dims, randomness=) for an ensemble's calibration.
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import stack_module_state, functional_call, vmap

class ECELoss(nn.Module):
    def __init__(self, n_bins=5):
        super().__init__()
        bin_boundaries = torch.linspace(0, 1, n_bins + 1)
        self.bin_lowers = bin_boundaries[:-1]
        self.bin_uppers = bin_boundaries[1:]
    def forward(self, logits, labels):
        softmaxes = F.softmax(logits, dim=1)
        confidences, predictions = torch.max(softmaxes, 1)
        accuracies = predictions.eq(labels)
        ece = torch.zeros(1, device=logits.device)
        for bin_lower, bin_upper in zip(self.bin_lowers, self.bin_uppers):
            in_bin = confidences.gt(bin_lower.item()) * confidences.le(bin_upper.item())
            prop_in_bin = in_bin.float().mean()
            if prop_in_bin.item() > 0:
                accuracy_in_bin = accuracies[in_bin].float().mean()
                avg_confidence_in_bin = confidences[in_bin].mean()
                ece += torch.abs(avg_confidence_in_bin - accuracy_in_bin) * prop_in_bin
        return ece

torch.manual_seed(0)
val_logits = torch.randn(40, 3) * 3
val_labels = torch.randint(0, 3, (40,))
print(ECELoss()(val_logits, val_labels), ECELoss().bin_lowers)

# %%
class ModelWithTemperature(nn.Module):
    def __init__(self):
        super().__init__()
        self.temperature = nn.Parameter(torch.ones(1) * 1.5)
    def temperature_scale(self, logits):
        temperature = self.temperature.unsqueeze(1).expand(logits.size(0), logits.size(1))
        return logits / temperature
scaled = ModelWithTemperature()
nll_criterion, ece_criterion = nn.CrossEntropyLoss(), ECELoss()
before_nll = nll_criterion(val_logits, val_labels).item()
before_ece = ece_criterion(val_logits, val_labels).item()
print('Before temperature - NLL: %.3f, ECE: %.3f' % (before_nll, before_ece))
optimizer = torch.optim.LBFGS([scaled.temperature], lr=0.01, max_iter=50)
def eval():
    optimizer.zero_grad()
    loss = nll_criterion(scaled.temperature_scale(val_logits), val_labels)
    loss.backward()
    return loss
print(optimizer.step(eval))
after_nll = nll_criterion(scaled.temperature_scale(val_logits), val_labels).item()
after_ece = ece_criterion(scaled.temperature_scale(val_logits), val_labels).item()
print('Optimal temperature: %.3f' % scaled.temperature.item())
print('After temperature - NLL: %.3f, ECE: %.3f' % (after_nll, after_ece))
print(optimizer.state_dict()["state"][0]["n_iter"], optimizer)

# %%
class SimpleMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.drop, self.fc2 = nn.Linear(4, 8), nn.Dropout(0.2), nn.Linear(8, 3)
    def forward(self, x):
        return self.fc2(self.drop(F.relu(self.fc1(x))))
torch.manual_seed(1)
models = [SimpleMLP() for _ in range(3)]
params, buffers = stack_module_state(models)
print({k: tuple(v.shape) for k, v in params.items()}, buffers, params["fc1.bias"].is_leaf)
base_model = copy.deepcopy(models[0])
def fmodel(params, buffers, x):
    return functional_call(base_model, (params, buffers), (x,))
x = torch.randn(6, 4)
for m in models:
    m.eval()
base_model.eval()
preds = vmap(fmodel, in_dims=(0, 0, None))(params, buffers, x)
print(preds.shape, torch.allclose(preds, torch.stack([m(x) for m in models]), atol=1e-6))
minibatches = torch.randn(3, 6, 4)
print(vmap(fmodel)(params, buffers, minibatches).shape)
probs = preds.softmax(-1).mean(0)
print(probs, -(probs * probs.log()).sum(-1))

# %%
base_model.train()
for f in [lambda: vmap(fmodel, in_dims=(0, 0, None))(params, buffers, x),
          lambda: vmap(fmodel, in_dims=(0, 0, None), randomness="different")(params, buffers, x).shape,
          lambda: vmap(fmodel, in_dims=(0, 0, None), randomness="same")(params, buffers, x).shape,
          lambda: vmap(fmodel, in_dims=(0, 0, 1))(params, buffers, x),
          lambda: vmap(fmodel, in_dims=(0, 0))(params, buffers, x),
          lambda: stack_module_state([]),
          lambda: stack_module_state([SimpleMLP(), nn.Linear(2, 2)]),
          lambda: functional_call(base_model, {"nope": x}, (x,), strict=True)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
