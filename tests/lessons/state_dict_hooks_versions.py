# Imitates the nn.Module documentation's state-dict hooks and a blog post on keeping old checkpoints loadable:
# register_state_dict_pre_hook / register_state_dict_post_hook / the private _register_state_dict_hook that
# returns a new dict, register_load_state_dict_pre_hook renaming keys, register_load_state_dict_post_hook editing
# the incompatible keys, a module's _version with _load_from_state_dict migrating old keys (local_metadata),
# state_dict(prefix=, keep_vars=), _metadata, non-persistent buffers, and get_extra_state / set_extra_state.
import collections
import torch
import torch.nn as nn

# %%
torch.manual_seed(0)
class Block(nn.Module):
    _version = 2

    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(3, 2)
        self.register_buffer("scale", torch.ones(2))
        self.register_buffer("cache", torch.zeros(2), persistent=False)

    def forward(self, x):
        return self.proj(x) * self.scale + self.cache

    def _load_from_state_dict(self, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys,
                              error_msgs):
        version = local_metadata.get("version", None)
        print("loading", repr(prefix), "version", version)
        if version is None or version < 2:
            old = prefix + "linear.weight"
            if old in state_dict:
                state_dict[prefix + "proj.weight"] = state_dict.pop(old)
                state_dict[prefix + "proj.bias"] = state_dict.pop(prefix + "linear.bias")
        super()._load_from_state_dict(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys,
                                      error_msgs)

model = nn.Sequential(Block(), nn.ReLU(), Block())
sd = model.state_dict()
print(list(sd))
print(sd._metadata)
print([n for n, _ in model.named_buffers()])

# %%
print(list(model.state_dict(prefix="net.")))
kv = model.state_dict(keep_vars=True)
print(kv["0.proj.weight"].requires_grad, sd["0.proj.weight"].requires_grad, type(kv["0.proj.weight"]).__name__)
print(model.load_state_dict(sd))

# %%
old = collections.OrderedDict()
for k, v in sd.items():
    old[k.replace("proj", "linear")] = v
print(list(old))
print(model.load_state_dict(old))
old._metadata = {"": {"version": 1}, "0": {"version": 1}, "2": {"version": 2}}
try:
    model.load_state_dict(old)
except RuntimeError as e:
    print(e)

# %%
calls = []
def pre_hook(module, prefix, keep_vars):
    calls.append(("pre", type(module).__name__, prefix, keep_vars))

def post_hook(module, state_dict, prefix, local_metadata):
    calls.append(("post", prefix, len(state_dict), dict(local_metadata)))
    state_dict[prefix + "note"] = torch.tensor(7)

h1 = model[0].register_state_dict_pre_hook(pre_hook)
h2 = model[0].register_state_dict_post_hook(post_hook)
out = model.state_dict()
print(calls)
print(list(out))
h1.remove(); h2.remove()
print(list(model.state_dict()) == list(sd))

# %%
def fp16_hook(module, state_dict, prefix, local_metadata):
    return collections.OrderedDict((k, v.half()) for k, v in state_dict.items())

h = model._register_state_dict_hook(fp16_hook)
half = model.state_dict()
print(type(half).__name__, {v.dtype for v in half.values()}, hasattr(half, "_metadata"))
h.remove()
try:
    model._register_state_dict_hook(post_hook)
    model.register_state_dict_post_hook(post_hook)
except RuntimeError as e:
    print("RuntimeError", e)

# %%
def rename(module, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs):
    for k in list(state_dict):
        if k.startswith(prefix + "weight_old"):
            state_dict[prefix + "weight"] = state_dict.pop(k)

lin = nn.Linear(2, 2)
lin.register_load_state_dict_pre_hook(rename)
print(lin.load_state_dict({"weight_old": torch.eye(2), "bias": torch.zeros(2)}))
print(lin.weight)

# %%
def ignore_head(module, incompatible_keys):
    print("post hook sees", incompatible_keys)
    for k in list(incompatible_keys.missing_keys):
        if k.startswith("2."):
            incompatible_keys.missing_keys.remove(k)

handle = model.register_load_state_dict_post_hook(ignore_head)
part = {k: v for k, v in sd.items() if k.startswith("0.")}
print(model.load_state_dict(part))
print(model.load_state_dict(part, strict=False))
handle.remove()

def bad_hook(module, incompatible_keys):
    return incompatible_keys

model.register_load_state_dict_post_hook(bad_hook)
try:
    model.load_state_dict(sd)
except AssertionError as e:
    print("AssertionError", e)

# %%
class Counter(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(2, 1)
        self.seen = 0

    def get_extra_state(self):
        return {"seen": self.seen}

    def set_extra_state(self, state):
        self.seen = state["seen"]

c = Counter()
c.seen = 12
state = c.state_dict()
print(list(state), state["_extra_state"])
c2 = Counter()
print(c2.load_state_dict(state), c2.seen)
del state["_extra_state"]
try:
    c2.load_state_dict(state)
except RuntimeError as e:
    print(e)
print(nn.Linear(2, 1).load_state_dict(c.state_dict(), strict=False))
