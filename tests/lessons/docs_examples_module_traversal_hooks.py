# Imitates the torch.nn.Module documentation (PyTorch 2.13): named_modules with a shared layer (memo,
# prefix, remove_duplicate=False), named_parameters(recurse=False / remove_duplicate=False), the apply(init_weights)
# example, register_forward_pre_hook / register_forward_hook with with_kwargs=True, prepend and always_call, and
# the full backward (pre) hooks with their handles removed again.
import torch
import torch.nn as nn

# %%
l = nn.Linear(2, 2)
net = nn.Sequential(l, l)
for idx, m in enumerate(net.named_modules()):
    print(idx, '->', m)
print(len(list(net.named_modules(remove_duplicate=False))))
print([n for n, _ in net.named_modules(prefix='model')])
print([n for n, _ in net.named_modules(memo={l})])
print([n for n, _ in net.named_parameters()])
print([n for n, _ in net.named_parameters(remove_duplicate=False)])
print([n for n, _ in net.named_parameters(recurse=False)])
print([n for n, _ in net.named_parameters(prefix='net')])
print(len(list(net.parameters())), len(list(net.children())), len(list(net.modules())))
print([n for n, _ in net.named_children()])

# %%
@torch.no_grad()
def init_weights(m):
    print(m)
    if type(m) == nn.Linear:
        m.weight.fill_(1.0)
        print(m.weight)

net = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 2))
out = net.apply(init_weights)
print(out is net)

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))

def pre(module, args):
    print('pre', type(module).__name__, [a.shape for a in args])
    return (args[0] * 2,)

def fwd(module, args, output):
    print('fwd', type(module).__name__, output.shape)
    return output + 1

def pre_kw(module, args, kwargs):
    print('pre_kw', len(args), sorted(kwargs))
    return args, kwargs

def fwd_kw(module, args, kwargs, output):
    print('fwd_kw', sorted(kwargs), tuple(output.shape))

x = torch.randn(2, 3)
y0 = model(x)
hs = [model[0].register_forward_pre_hook(pre),
      model[0].register_forward_hook(fwd),
      model[2].register_forward_pre_hook(pre_kw, with_kwargs=True),
      model[2].register_forward_hook(fwd_kw, with_kwargs=True),
      model[2].register_forward_hook(lambda m, i, o: print('first'), prepend=True)]
y1 = model(x)
print(y1)
for h in hs:
    h.remove()
print(torch.allclose(model(x), y0))
print(hs[0].id < hs[1].id, type(hs[0]).__name__)

# %%
class Boom(nn.Module):
    def forward(self, x):
        raise ValueError('boom')

b = Boom()
b.register_forward_hook(lambda m, i, o: print('always hook', o), always_call=True)
b.register_forward_hook(lambda m, i, o: print('normal hook'))
try:
    b(torch.ones(1))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(0)
lin = nn.Linear(3, 2)

def bwd_pre(module, grad_output):
    print('bwd pre', [g.shape for g in grad_output])

def bwd(module, grad_input, grad_output):
    print('bwd', [None if g is None else tuple(g.shape) for g in grad_input],
          [tuple(g.shape) for g in grad_output])
    return (grad_input[0] * 0,)

h1 = lin.register_full_backward_pre_hook(bwd_pre)
h2 = lin.register_full_backward_hook(bwd)
x = torch.randn(4, 3, requires_grad=True)
lin(x).sum().backward()
print(x.grad)
print(lin.bias.grad)
h1.remove(); h2.remove()
x.grad = None
lin(x).sum().backward()
print(x.grad)

# %%
def halve(module, grad_output):
    return (grad_output[0] / 2,)

lin.zero_grad()
print(lin.weight.grad)
h = lin.register_full_backward_pre_hook(halve)
x2 = torch.ones(1, 3, requires_grad=True)
lin(x2).sum().backward()
print(lin.bias.grad, x2.grad)
h.remove()
try:
    lin.register_full_backward_hook(lambda m, gi, go: (None, None))
    lin(x2).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
