# Imitates a "weight tying in language models" post plus state_dict surgery: a decoder sharing the embedding's
# weight, what parameters()/named_parameters()/state_dict() show for shared tensors, strict=False loading results,
# assign=True, renaming keys with a pre-hook, and buffers that are not persistent.
import torch
import torch.nn as nn

torch.manual_seed(0)
class TiedLM(nn.Module):
    def __init__(self, vocab=10, d=4):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.rnn = nn.GRU(d, d, batch_first=True)
        self.out = nn.Linear(d, vocab, bias=False)
        self.out.weight = self.emb.weight
        self.register_buffer("step", torch.zeros(()), persistent=False)
        self.register_buffer("scale", torch.ones(1))
    def forward(self, x):
        h, _ = self.rnn(self.emb(x))
        return self.out(h) * self.scale

m = TiedLM()
print(sum(p.numel() for p in m.parameters()), len(list(m.parameters())), len(list(m.named_parameters(remove_duplicate=False))))
print(list(m.state_dict().keys()))
print(m.out.weight is m.emb.weight, m.state_dict()["out.weight"].data_ptr() == m.state_dict()["emb.weight"].data_ptr())
print([n for n, _ in m.named_buffers()])

# %%
x = torch.randint(0, 10, (2, 5))
loss = nn.functional.cross_entropy(m(x).reshape(-1, 10), x.reshape(-1))
loss.backward()
print(loss, m.emb.weight.grad.abs().sum())
sd = m.state_dict()
m2 = TiedLM()
print(m2.load_state_dict(sd))
print(torch.equal(m2.out.weight, m.emb.weight), m2.out.weight is m2.emb.weight)

# %%
partial = {k: v for k, v in sd.items() if not k.startswith("rnn")}
partial["extra.bias"] = torch.zeros(3)
res = m2.load_state_dict(partial, strict=False)
print(res.missing_keys, res.unexpected_keys)
print(res)
try:
    m2.load_state_dict(partial)
except RuntimeError as e:
    print(e)

# %%
bad = dict(sd)
bad["emb.weight"] = torch.zeros(11, 4)
try:
    m2.load_state_dict(bad)
except RuntimeError as e:
    print(e)
fresh = TiedLM()
fresh.load_state_dict(sd, assign=True)
print(fresh.emb.weight is sd["emb.weight"], fresh.emb.weight.requires_grad, type(fresh.emb.weight).__name__)

# %%
old = {("encoder." + k if k.startswith("emb") else k): v for k, v in sd.items()}
def rename(module, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs):
    for k in list(state_dict):
        if k.startswith(prefix + "encoder."):
            state_dict[prefix + k[len(prefix + "encoder."):]] = state_dict.pop(k)
h = m2.register_load_state_dict_pre_hook(rename)
print(m2.load_state_dict(old))
h.remove()
print(m2.state_dict(prefix="model.", keep_vars=True)["model.scale"])

# %%
def drop_scale(module, state_dict, prefix, local_metadata):
    state_dict.pop(prefix + "scale", None)
h2 = m2.register_state_dict_post_hook(drop_scale)
print(list(m2.state_dict().keys()))
h2.remove()
print(list(m2.state_dict(keep_vars=True).values())[0].requires_grad, list(m2.state_dict().values())[0].requires_grad)
print(list(m2.rnn.state_dict(prefix="rnn.").keys()))
