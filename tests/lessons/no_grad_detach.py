# Imitates a lesson on turning autograd off: torch.no_grad, detach, requires_grad_, .data, freezing layers, inference.
import torch
import torch.nn as nn

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
print(x.requires_grad)
y = x * 2
print(y.requires_grad)
with torch.no_grad():
    y = x * 2
print(y.requires_grad)
print(y.grad_fn)

# %%
z = x.detach()
print(z)
print(z.requires_grad)
z[0] = 100.0
print(x)

# %%
d = x.data
print(d, d.requires_grad)

# %%
a = torch.ones(3)
print(a.requires_grad)
a.requires_grad_()
print(a.requires_grad)
a.requires_grad_(False)
print(a)

# %%
@torch.no_grad()
def predict(model, inputs):
    return model(inputs)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
inp = torch.randn(2, 4)
pred = predict(model, inp)
print(pred)
print(pred.requires_grad)

# %%
# freeze the first layer
for param in model[0].parameters():
    param.requires_grad = False
print([p.requires_grad for p in model.parameters()])
out = model(inp).sum()
out.backward()
print(model[0].weight.grad)
print(model[2].weight.grad)

# %%
trainable = [name for name, p in model.named_parameters() if p.requires_grad]
print(trainable)
print(sum(p.numel() for p in model.parameters() if p.requires_grad))

# %%
model.eval()
with torch.no_grad():
    print(model(inp).argmax(dim=1))
model.train()
print(model.training)

# %%
with torch.inference_mode():
    r = model(inp)
print(r.requires_grad)

# %%
print(torch.is_grad_enabled())
with torch.no_grad():
    print(torch.is_grad_enabled())
    with torch.enable_grad():
        q = x * 3
print(q.requires_grad)

# %%
x.detach().numpy()

# %%
x.numpy()
