# Imitates a "why do we call zero_grad()" lesson: gradients accumulate, x.grad.zero_(), optimizer/model zero_grad,
# micro-batches.
import torch
import torch.nn as nn

# %%
x = torch.tensor(3.0, requires_grad=True)
for i in range(3):
    y = x ** 2
    y.backward()
    print(f"iteration {i}: x.grad = {x.grad}")

# %%
x.grad.zero_()
print(x.grad)
(x * 5).backward()
print(x.grad)
x.grad = None
print(x.grad)

# %%
torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
inputs = torch.randn(8, 3)
targets = torch.randn(8, 1)
loss = nn.functional.mse_loss(model(inputs), targets)
loss.backward()
print(model.weight.grad)
opt.zero_grad()
print(model.weight.grad)

# %%
loss = nn.functional.mse_loss(model(inputs), targets)
loss.backward()
opt.zero_grad(set_to_none=False)
print(model.weight.grad, model.bias.grad)

# %%
loss = nn.functional.mse_loss(model(inputs), targets)
loss.backward()
model.zero_grad()
print(model.weight.grad)

# %%
# gradient accumulation over 4 micro-batches equals one full batch
opt.zero_grad()
for chunk_x, chunk_y in zip(inputs.split(2), targets.split(2)):
    loss = nn.functional.mse_loss(model(chunk_x), chunk_y) / 4
    loss.backward()
acc_grad = model.weight.grad.clone()
opt.zero_grad()
nn.functional.mse_loss(model(inputs), targets).backward()
print(acc_grad)
print(model.weight.grad)
print(torch.allclose(acc_grad, model.weight.grad))

# %%
accumulation_steps = 2
opt.zero_grad()
for step, (xb, yb) in enumerate(zip(inputs.chunk(4), targets.chunk(4))):
    loss = ((model(xb) - yb) ** 2).mean() / accumulation_steps
    loss.backward()
    if (step + 1) % accumulation_steps == 0:
        opt.step()
        opt.zero_grad()
        print(f"step {step}: updated, bias = {model.bias.item():.5f}")
