# Imitates the torch.nn.Module documentation (PyTorch 2.13) for register_buffer / register_parameter and
# state_dict / load_state_dict: a persistent=False buffer, a None buffer, the errors of register_parameter and
# register_buffer with bad names or values, strict=False's _IncompatibleKeys printed, strict=True's error text for
# missing / unexpected keys and size mismatches, and the state-dict hooks of the "Saving and loading models" recipe.
import torch
import torch.nn as nn

# %%
class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)
        self.register_buffer('running_mean', torch.zeros(2))
        self.register_buffer('scratch', torch.ones(2), persistent=False)
        self.register_buffer('maybe', None)
        self.register_parameter('scale', nn.Parameter(torch.ones(1)))
        self.register_parameter('unused', None)

torch.manual_seed(0)
m = Model()
print(m)
print(list(m.state_dict().keys()))
print([n for n, _ in m.named_buffers()])
print([n for n, _ in m.named_parameters()])
print(m.maybe, m.unused)
sd = m.state_dict()
print(type(sd).__name__, sd['running_mean'], sd['scale'])

# %%
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: m.register_parameter('w', torch.ones(2)))
show(lambda: m.register_parameter('a.b', nn.Parameter(torch.ones(2))))
show(lambda: m.register_parameter('', nn.Parameter(torch.ones(2))))
show(lambda: m.register_parameter('fc', nn.Parameter(torch.ones(2))))
show(lambda: m.register_parameter(3, nn.Parameter(torch.ones(2))))
show(lambda: m.register_buffer('b', [1, 2]))
show(lambda: m.register_buffer('x.y', torch.ones(2)))
show(lambda: m.register_buffer('', torch.ones(2)))
show(lambda: m.register_buffer('scale', torch.ones(2)))
show(lambda: m.register_buffer('fc', torch.ones(2)))
show(lambda: m.register_buffer(1, torch.ones(2)))
m.plain = 5
show(lambda: m.register_buffer('plain', torch.ones(2)))
show(lambda: m.register_parameter('plain', nn.Parameter(torch.ones(2))))

# %%
torch.manual_seed(1)
other = Model()
sd = other.state_dict()
del sd['fc.bias']
sd['extra.weight'] = torch.zeros(1)
result = m.load_state_dict(sd, strict=False)
print(result)
print(result.missing_keys, result.unexpected_keys)
mk, uk = result
print(mk, uk)
print(m.load_state_dict(other.state_dict()))
print(torch.equal(m.fc.weight, other.fc.weight))

# %%
show(lambda: m.load_state_dict(sd))
bad = other.state_dict()
bad['fc.weight'] = torch.zeros(4, 3)
bad['scale'] = torch.zeros(2)
show(lambda: m.load_state_dict(bad))
show(lambda: m.load_state_dict(bad, strict=False))
show(lambda: m.load_state_dict([1, 2]))
bad2 = other.state_dict()
bad2['running_mean'] = [0.0, 1.0]
show(lambda: m.load_state_dict(bad2))

# %%
def pre_hook(module, prefix, keep_vars):
    print('pre hook', type(module).__name__, repr(prefix), keep_vars)

def post_hook(module, incompatible_keys):
    print('post hook', type(module).__name__, incompatible_keys)

h1 = m.register_state_dict_pre_hook(pre_hook)
h2 = m.register_load_state_dict_post_hook(post_hook)
h3 = m.fc.register_load_state_dict_post_hook(post_hook)
print(sorted(m.state_dict(keep_vars=True).keys()))
print(m.load_state_dict(other.state_dict(), strict=False))
print(m.load_state_dict(sd, strict=False))
h1.remove(); h2.remove(); h3.remove()
print(list(m.state_dict(prefix='model.').keys()))
print(m.load_state_dict(other.state_dict()))

# %%
def drop_missing(module, incompatible_keys):
    incompatible_keys.missing_keys.clear()

h = m.register_load_state_dict_post_hook(drop_missing)
partial = {k: v for k, v in other.state_dict().items() if k != 'scale'}
print(m.load_state_dict(partial))
h.remove()
show(lambda: m.load_state_dict(partial))
