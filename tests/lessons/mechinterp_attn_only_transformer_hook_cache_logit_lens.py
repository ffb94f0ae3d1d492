# Imitates hand-written mechanistic-interpretability lessons (ARENA chapter 1 style, TransformerLens without the
# library): a tiny attention-only transformer built from nn.Parameter and einsum, forward hooks that cache
# activations or return modified outputs (handles removed), and a logit lens over the residual stream.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
d_vocab, d_model, n_heads, d_head, n_ctx, n_layers = 11, 8, 2, 4, 6, 2


class Embed(nn.Module):
    def __init__(self):
        super().__init__()
        self.W_E = nn.Parameter(torch.empty(d_vocab, d_model))
        nn.init.normal_(self.W_E, std=0.5)

    def forward(self, tokens):
        return self.W_E[tokens]


class PosEmbed(nn.Module):
    def __init__(self):
        super().__init__()
        self.W_pos = nn.Parameter(torch.randn(n_ctx, d_model) * 0.2)

    def forward(self, tokens):
        batch, seq = tokens.shape
        return self.W_pos[:seq].unsqueeze(0).expand(batch, -1, -1)


class Attention(nn.Module):
    IGNORE = torch.tensor(-1e5)

    def __init__(self):
        super().__init__()
        self.W_Q = nn.Parameter(torch.randn(n_heads, d_model, d_head) / math.sqrt(d_model))
        self.W_K = nn.Parameter(torch.randn(n_heads, d_model, d_head) / math.sqrt(d_model))
        self.W_V = nn.Parameter(torch.randn(n_heads, d_model, d_head) / math.sqrt(d_model))
        self.W_O = nn.Parameter(torch.randn(n_heads, d_head, d_model) / math.sqrt(d_head))
        self.b_O = nn.Parameter(torch.zeros(d_model))
        self.hook_pattern = nn.Identity()
        self.hook_z = nn.Identity()

    def apply_causal_mask(self, scores):
        seq = scores.size(-1)
        mask = torch.triu(torch.ones(seq, seq, dtype=torch.bool), diagonal=1)
        return scores.masked_fill(mask, self.IGNORE)

    def forward(self, resid):
        q = torch.einsum("bpm,nmh->bpnh", resid, self.W_Q)
        k = torch.einsum("bpm,nmh->bpnh", resid, self.W_K)
        v = torch.einsum("bpm,nmh->bpnh", resid, self.W_V)
        scores = torch.einsum("bqnh,bknh->bnqk", q, k) / d_head ** 0.5
        pattern = self.hook_pattern(self.apply_causal_mask(scores).softmax(-1))
        z = self.hook_z(torch.einsum("bnqk,bknh->bqnh", pattern, v))
        return torch.einsum("bqnh,nhm->bqm", z, self.W_O) + self.b_O


class AttnOnly(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed, self.pos_embed = Embed(), PosEmbed()
        self.blocks = nn.ModuleList([Attention() for _ in range(n_layers)])
        self.W_U = nn.Parameter(torch.randn(d_model, d_vocab) / math.sqrt(d_model))
        self.hook_resid = nn.ModuleList([nn.Identity() for _ in range(n_layers + 1)])

    def forward(self, tokens):
        resid = self.hook_resid[0](self.embed(tokens) + self.pos_embed(tokens))
        for i, block in enumerate(self.blocks):
            resid = self.hook_resid[i + 1](resid + block(resid))
        return resid @ self.W_U


model = AttnOnly()
tokens = torch.randint(0, d_vocab, (3, n_ctx))
logits = model(tokens)
print(tokens)
print(logits.shape, logits.dtype, logits.grad_fn)
print(logits[0, -1])
print(sum(p.numel() for p in model.parameters()), [n for n, _ in model.named_parameters()][:5])

# %%
cache = {}


def make_cache_hook(name):
    def hook(module, inp, out):
        cache[name] = out.detach()
    return hook


handles = []
for name, mod in model.named_modules():
    if name.endswith(("hook_pattern", "hook_z")) or name.startswith("hook_resid."):
        handles.append(mod.register_forward_hook(make_cache_hook(name)))
_ = model(tokens)
for k in sorted(cache):
    print(k, tuple(cache[k].shape), cache[k].requires_grad)
print(cache["blocks.0.hook_pattern"][0, 1])
print(cache["blocks.1.hook_pattern"].sum(-1)[0])
for h in handles:
    h.remove()
cache.clear()
_ = model(tokens)
print(len(cache), len(model.blocks[0].hook_pattern._forward_hooks))

# %%
# a hook that returns a modified output: ablate head 1 of layer 0 (zero its z)
def zero_head(module, inp, out):
    out = out.clone()
    out[:, :, 1] = 0.0
    return out


h = model.blocks[0].hook_z.register_forward_hook(zero_head)
ablated = model(tokens)
h.remove()
clean = model(tokens)
print((clean - ablated).abs().max() > 0, torch.equal(clean, model(tokens)))
loss_clean = F.cross_entropy(clean[:, :-1].reshape(-1, d_vocab), tokens[:, 1:].reshape(-1))
loss_abl = F.cross_entropy(ablated[:, :-1].reshape(-1, d_vocab), tokens[:, 1:].reshape(-1))
print(loss_clean, loss_abl, ablated.grad_fn)

# %%
# mean ablation with a hook that edits in place and returns None
means = {}
h1 = model.blocks[1].hook_z.register_forward_hook(lambda m, i, o: means.setdefault("z1", o.mean(0, keepdim=True).detach()))
model(tokens)
h1.remove()


def mean_ablate(module, inp, out):
    out[:, :, 0] = means["z1"][:, :, 0]


h2 = model.blocks[1].hook_z.register_forward_hook(mean_ablate)
out = model(tokens)
print(out[1, 2, :4])
out.logsumexp(-1).mean().backward()
print(model.blocks[1].W_V.grad[0, :2], model.blocks[1].W_Q.grad.abs().sum())
h2.remove()
model.zero_grad()
print(model.blocks[1].W_V.grad)

# %%
# logit lens: unembed every residual stream and look at the correct-token log-probs
resid_cache = []
hs = [m.register_forward_hook(lambda m, i, o: resid_cache.append(o)) for m in model.hook_resid]
with torch.no_grad():
    final = model(tokens)
for h in hs:
    h.remove()
stack = torch.stack(resid_cache)
print(stack.shape, stack.requires_grad)
lens_logits = torch.einsum("lbpm,mv->lbpv", stack, model.W_U)
logprobs = lens_logits.log_softmax(-1)
correct = logprobs[:, :, :-1].gather(-1, tokens[None, :, 1:, None].expand(n_layers + 1, -1, -1, 1)).squeeze(-1)
print(correct.shape)
print(correct.mean((1, 2)))
print(torch.allclose(lens_logits[-1], final), lens_logits.argmax(-1)[:, 0])
print(logprobs[-1, 0, 0].exp().sum(), logprobs.dtype)

# %%
# gradients through the lens: which residual position helps the last prediction the most
resid_cache.clear()
hs = [m.register_forward_hook(lambda m, i, o: o.retain_grad() or resid_cache.append(o)) for m in model.hook_resid]
logits = model(tokens)
for h in hs:
    h.remove()
target = logits[0, -1].log_softmax(-1)[tokens[0, 0]]
target.backward()
print(target.grad_fn, [tuple(r.grad.shape) for r in resid_cache])
print(resid_cache[0].grad[0].norm(dim=-1))
print(resid_cache[2].grad[0, -1], resid_cache[1].grad[1].abs().sum())
print(model.embed.W_E.grad.nonzero()[:, 0].unique())
model.zero_grad(set_to_none=True)

# %%
for bad in (lambda: model.blocks[0].hook_z.register_forward_hook(3),
            lambda: torch.einsum("bpm,nmh->bpnh", stack[0], model.blocks[0].W_Q[0]),
            lambda: logprobs.gather(-1, tokens),
            lambda: model.W_U[tokens].log_softmax(),
            lambda: stack[0] @ model.W_U.T):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
