# Imitates gradient-clipping lessons (RNN training, exploding gradients): clip_grad_norm_ with different norms,
# its returned total norm, error_if_nonfinite, clip_grad_value_, get_total_norm / clip_grads_with_norm_, and
# clipping by hand with a register_hook.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
X, y = torch.randn(16, 4) * 10, torch.randn(16, 1) * 10
loss = nn.functional.mse_loss(model(X), y)
loss.backward()
total = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(total)
print(sum(p.grad.norm() ** 2 for p in model.parameters()).sqrt())
print(torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0))
print(torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5, norm_type="inf"))
print(torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5, norm_type=1))

# %%
model.zero_grad()
nn.functional.mse_loss(model(X), y).backward()
torch.nn.utils.clip_grad_value_(model.parameters(), clip_value=0.1)
print(model[0].weight.grad.abs().max(), model[2].bias.grad)
grads = [p.grad for p in model.parameters()]
tn = torch.nn.utils.get_total_norm(grads, norm_type=2.0)
print(tn)
torch.nn.utils.clip_grads_with_norm_(model.parameters(), max_norm=0.2, total_norm=tn)
print(torch.nn.utils.get_total_norm([p.grad for p in model.parameters()]))

# %%
w = nn.Parameter(torch.ones(3))
w.grad = torch.tensor([1.0, float("nan"), 2.0])
try:
    torch.nn.utils.clip_grad_norm_([w], 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print(e)
print(torch.nn.utils.clip_grad_norm_([w], 1.0), w.grad)
w.grad = torch.tensor([1.0, float("inf"), 2.0])
print(torch.nn.utils.clip_grad_norm_([w], 1.0), w.grad)

# %%
v = nn.Parameter(torch.ones(2))
print(torch.nn.utils.clip_grad_norm_([v], 1.0))
print(torch.nn.utils.clip_grad_norm_([], 1.0))
print(torch.nn.utils.clip_grad_norm_(nn.Parameter(torch.ones(2)), 1.0))
v.grad = torch.tensor([3.0, 4.0])
print(torch.nn.utils.clip_grad_norm_(v, 1.0, foreach=False), v.grad)

# %%
rnn = nn.RNN(3, 5, batch_first=True)
for p in rnn.parameters():
    p.register_hook(lambda grad: torch.clamp(grad, -0.01, 0.01))
out, hn = rnn(torch.randn(2, 7, 3) * 5)
out.pow(2).sum().backward()
print(rnn.weight_hh_l0.grad.abs().max(), hn.shape)
print(torch.nn.utils.clip_grad_norm_(rnn.parameters(), 0.01))
params = list(rnn.parameters())
print(torch.nn.utils.parameters_to_vector(params).shape, torch.nn.utils.parameters_to_vector([p.grad for p in params]).norm())
