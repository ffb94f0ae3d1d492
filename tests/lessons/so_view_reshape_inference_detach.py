# Imitates the Stack Overflow threads "What's the difference between reshape and view in PyTorch?", "view size is not
# compatible with input tensor's size and stride", "model.eval() vs with torch.no_grad()", "torch.inference_mode vs
# no_grad" and "Difference between .detach(), .data and .clone()": the asker's failing snippet, then the answers' code.
import torch
import torch.nn as nn

x = torch.arange(12.).reshape(3, 4)
t = x.t()
print(t.is_contiguous(), t.stride(), x.stride())
try:
    t.view(12)
except Exception as e:
    print(type(e).__name__, e)
try:
    x.transpose(0, 1).view(-1, 3)
except Exception as e:
    print(type(e).__name__, e)
print(t.reshape(12))
print(t.contiguous().view(12), t.contiguous().is_contiguous(), t.contiguous().stride())
print(t.reshape(12).data_ptr() == t.data_ptr(), x.view(4, 3).data_ptr() == x.data_ptr(), x.reshape(2, 6)._base is x)

# %%
y = torch.randn(2, 3, 4).permute(0, 2, 1)
print(y.shape, y.stride(), y.is_contiguous())
try:
    y.view(2, 12)
except Exception as e:
    print(type(e).__name__, e)
print(y.view(2, 4, 3).shape, y.flatten(1).shape, y.contiguous().view(2, 12).shape)
try:
    x.view(5, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    x.view(-1, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    x.reshape(5, 3)
except Exception as e:
    print(type(e).__name__, e)
print(x[:, 1:3].is_contiguous(), x[1:].is_contiguous(), x[:, ::2].stride())
print(x.t().contiguous(memory_format=torch.contiguous_format).stride())
print(x.view(torch.int32).shape, x.view(torch.int32).dtype)

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.Dropout(0.5), nn.BatchNorm1d(3))
inp = torch.randn(5, 4)
model.eval()
print(model.training, model[1].training)
out = model(inp)
print(out.requires_grad, out.grad_fn)
with torch.no_grad():
    out2 = model(inp)
print(out2.requires_grad, out2.grad_fn, torch.is_grad_enabled(), torch.equal(out, out2))
model.train()
print(model.training, model[2].training)
with torch.no_grad():
    print(torch.is_grad_enabled())
    model(inp)
print(model[2].num_batches_tracked, model[2].running_mean.requires_grad)
model.train(False)
print(model.training)

# %%
with torch.inference_mode():
    a = torch.ones(2, 3)
    b = model(torch.randn(4, 4))
    print(torch.is_inference_mode_enabled(), a.is_inference(), b.requires_grad)
print(torch.is_inference_mode_enabled(), a.is_inference(), b.is_inference(), inp.is_inference())
w = torch.ones(3, requires_grad=True)
try:
    (a * w).sum().backward()
    print(w.grad)
except Exception as e:
    print(type(e).__name__, e)
try:
    a.add_(1)
except Exception as e:
    print(type(e).__name__, e)
try:
    a.requires_grad_()
except Exception as e:
    print(type(e).__name__, e)
c = a.clone()
print(c.is_inference(), c.requires_grad_().requires_grad)
with torch.inference_mode(False):
    print(torch.is_inference_mode_enabled(), torch.ones(1).is_inference())

@torch.inference_mode()
def predict(x):
    return model(x)

p = predict(torch.randn(2, 4))
print(p.is_inference(), p.requires_grad)

@torch.no_grad()
def predict2(x):
    return model(x)

print(predict2(torch.randn(2, 4)).is_inference())

# %%
with torch.inference_mode():
    buf = torch.zeros(3)
lin = nn.Linear(3, 1)
try:
    lin(buf).sum().backward()
    print(lin.weight.grad)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.nn.Parameter(buf)
except Exception as e:
    print(type(e).__name__, e)
try:
    buf.view(3, 1).mul_(2)
except Exception as e:
    print(type(e).__name__, e)
normal = torch.zeros(3)
try:
    with torch.inference_mode():
        normal.add_(1)
    print(normal, normal._version)
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor([1., 2., 3.], requires_grad=True)
out = a.sigmoid()
d = out.detach()
print(d.requires_grad, d.grad_fn, d._version, d.data_ptr() == out.data_ptr())
d.zero_()
print(out, out._version)
try:
    out.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
a = torch.tensor([1., 2., 3.], requires_grad=True)
out = a.sigmoid()
c = out.data
print(c.requires_grad, c.is_leaf, c.grad_fn)
c.zero_()
print(out, out._version)
out.sum().backward()
print(a.grad)
cl = out.clone()
print(cl.grad_fn, cl.requires_grad, cl.is_leaf)
dc = out.detach().clone()
print(dc.requires_grad, dc.is_leaf, dc.data_ptr() == out.data_ptr())
cd = a.clone().detach().requires_grad_(True)
print(cd, cd.is_leaf)
print(torch.tensor(a), torch.as_tensor(a).requires_grad)
