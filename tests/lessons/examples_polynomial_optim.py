# Imitates PyTorch's "Learning PyTorch with Examples", polynomial_optim: y = sin(x) fitted by a third-order
# polynomial through nn.Linear + Flatten, trained with RMSprop. x is symmetric, so the even coefficients' gradients
# cancel: that needs (-x) ** 3 == -(x ** 3) exactly, and the bias gradient summed in PyTorch's order.
import torch
import math

# %%
torch.manual_seed(0)
x = torch.linspace(-math.pi, math.pi, 2000)
y = torch.sin(x)
p = torch.tensor([1, 2, 3])
xx = x.unsqueeze(-1).pow(p)
print((xx[:, 0] + xx.flip(0)[:, 0]).abs().max(), (xx[:, 2] + xx.flip(0)[:, 2]).abs().max())
print((xx[:, 1] - xx.flip(0)[:, 1]).abs().max())

# %%
model = torch.nn.Sequential(
    torch.nn.Linear(3, 1),
    torch.nn.Flatten(0, 1)
)
loss_fn = torch.nn.MSELoss(reduction='sum')
learning_rate = 1e-3
optimizer = torch.optim.RMSprop(model.parameters(), lr=learning_rate)
# PyTorch's own run settles into RMSprop's small limit cycle after ~1600 steps, where the last bits decide (on
# PyTorch, 6 of 8 seeds end with the even coefficients near +-5e-4): the lesson stops before it.
for t in range(1600):
    y_pred = model(xx)
    loss = loss_fn(y_pred, y)
    if t % 100 == 99:
        print(t, f"{loss.item():.4g}")
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

# %%
linear_layer = model[0]
print(f'Result: y = {linear_layer.bias.item():.4f} + {linear_layer.weight[:, 0].item():.4f} x + '
      f'{linear_layer.weight[:, 1].item():.4f} x^2 + {linear_layer.weight[:, 2].item():.4f} x^3')
print(abs(linear_layer.bias.item()) < 1e-3, abs(linear_layer.weight[0, 1].item()) < 1e-3)
