# Imitates activation-patching and path-patching lessons (ARENA 1.4 / IOI-style notebooks written without
# TransformerLens): a clean and a corrupted prompt through a tiny attention-only model, caches filled by forward
# hooks, patching residuals / head outputs / single positions with clone, index_put_ and in-place assignment,
# logit differences normalised into a patching metric, and path patching that freezes some heads.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
V, D, H, Dh, T = 9, 8, 2, 4, 5


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.W_QKV = nn.Parameter(torch.randn(3, H, D, Dh) * D ** -0.5)
        self.W_O = nn.Parameter(torch.randn(H, Dh, D) * Dh ** -0.5)
        self.hook_result = nn.Identity()   # per-head outputs (batch, pos, head, d_model)

    def forward(self, x):
        q, k, v = torch.einsum("bpd,shde->sbphe", x, self.W_QKV).unbind(0)
        att = torch.einsum("bqhe,bkhe->bhqk", q, k) * Dh ** -0.5
        att = att.masked_fill(torch.ones(T, T).triu(1).bool(), float("-inf")).softmax(-1)
        z = torch.einsum("bhqk,bkhe->bqhe", att, v)
        result = self.hook_result(torch.einsum("bqhe,hed->bqhd", z, self.W_O))
        return result.sum(2)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.W_E = nn.Parameter(torch.randn(V, D))
        self.W_pos = nn.Parameter(torch.randn(T, D) * 0.1)
        self.layers = nn.ModuleList([Head(), Head()])
        self.W_U = nn.Parameter(torch.randn(D, V) * D ** -0.5)
        self.hook_resid_pre = nn.ModuleList([nn.Identity(), nn.Identity()])

    def forward(self, toks):
        x = self.W_E[toks] + self.W_pos
        for pre, layer in zip(self.hook_resid_pre, self.layers):
            x = pre(x)
            x = x + layer(x)
        return x @ self.W_U


model = Model().eval()
for p in model.parameters():
    p.requires_grad_(False)
clean = torch.tensor([[1, 2, 3, 4, 1], [5, 6, 7, 8, 5]])
corrupt = torch.tensor([[1, 2, 3, 4, 6], [5, 6, 7, 8, 2]])
answers = torch.tensor([[2, 3], [6, 7]])   # (correct, wrong) per prompt


def logit_diff(logits, answers=answers):
    last = logits[:, -1]
    return (last.gather(1, answers[:, :1]) - last.gather(1, answers[:, 1:])).squeeze(1)


clean_logits, corrupt_logits = model(clean), model(corrupt)
CLEAN, CORRUPT = logit_diff(clean_logits).mean(), logit_diff(corrupt_logits).mean()
print(logit_diff(clean_logits), logit_diff(corrupt_logits))
print(CLEAN, CORRUPT, CLEAN.requires_grad, clean_logits.grad_fn)

# %%
def run_with_cache(toks):
    cache, hs = {}, []
    for name, m in model.named_modules():
        if "hook" in name and not isinstance(m, nn.ModuleList):
            hs.append(m.register_forward_hook(lambda m, i, o, name=name: cache.__setitem__(name, o)))
    try:
        logits = model(toks)
    finally:
        for h in hs:
            h.remove()
    return logits, cache


_, clean_cache = run_with_cache(clean)
print(list(clean_cache), {k: tuple(v.shape) for k, v in clean_cache.items()})
print(clean_cache["layers.1.hook_result"][0, -1, :, :3])
print(clean_cache["hook_resid_pre.1"].is_contiguous(), clean_cache["hook_resid_pre.1"].grad_fn)


def metric(logits):
    return (logit_diff(logits).mean() - CORRUPT) / (CLEAN - CORRUPT)


# %%
# patch the residual stream at every (layer, position)
results = torch.zeros(2, T)
for layer in range(2):
    for pos in range(T):
        def patch(m, i, o, pos=pos):
            o = o.clone()
            o[:, pos] = clean_cache[f"hook_resid_pre.{layer}"][:, pos]
            return o
        h = model.hook_resid_pre[layer].register_forward_hook(patch)
        results[layer, pos] = metric(model(corrupt))
        h.remove()
print(results)
print(results.argmax(), results.max(1), torch.isclose(results[0, -1], torch.tensor(1.0)))

# %%
# patch every head's output at the last position with index_put_
head_results = torch.empty(2, H)
for layer in range(2):
    for head in range(H):
        def patch_head(m, i, o, head=head):
            idx = (torch.arange(2), torch.full((2,), T - 1), torch.full((2,), head))
            return o.index_put(idx, clean_cache[f"layers.{layer}.hook_result"][:, -1, head])
        h = model.layers[layer].hook_result.register_forward_hook(patch_head)
        head_results[layer, head] = metric(model(corrupt))
        h.remove()
print(head_results, head_results.flatten().topk(2))

# %%
# index_put_ with accumulate, boolean masks and broadcasting values
acts = clean_cache["layers.0.hook_result"].clone()
before = acts.sum()
acts.index_put_((torch.tensor([0, 0, 1]), torch.tensor([4, 4, 2])), torch.ones(H, D), accumulate=True)
print(acts.sum() - before, acts[0, 4, 0, :3])
mask = torch.zeros(2, T, dtype=torch.bool)
mask[:, -1] = True
acts[mask] = 0.0
print(acts[:, -1].abs().sum(), acts[mask].shape)
acts[mask] = clean_cache["layers.0.hook_result"][mask] * 2
print(torch.allclose(acts[:, -1], 2 * clean_cache["layers.0.hook_result"][:, -1]))
acts[..., 1, :] = acts[..., 0, :]
print(torch.equal(acts[:, :, 0], acts[:, :, 1]), acts.index_put((mask,), torch.tensor(7.0))[mask].unique())

# %%
# path patching: patch head (0, 1) from the corrupted run, freeze all other heads at their clean values, and
# measure the effect on layer 1's input only
_, corrupt_cache = run_with_cache(corrupt)


def path_patch(sender=(0, 1)):
    def freeze_and_patch(m, i, o):
        new = clean_cache["layers.0.hook_result"].clone()
        new[:, :, sender[1]] = corrupt_cache["layers.0.hook_result"][:, :, sender[1]]
        return new
    h = model.layers[0].hook_result.register_forward_hook(freeze_and_patch)
    _, patched_cache = run_with_cache(clean)
    h.remove()
    recv_in = patched_cache["hook_resid_pre.1"]

    def patch_receiver(m, i, o):
        return recv_in
    h = model.hook_resid_pre[1].register_forward_hook(patch_receiver)
    out = model(clean)
    h.remove()
    return metric(out)


print(path_patch((0, 0)), path_patch((0, 1)))
print((clean_cache["hook_resid_pre.1"] - corrupt_cache["hook_resid_pre.1"]).norm(dim=-1))

# %%
# attribution patching: gradient of the metric wrt cached activations (linear approximation)
for p in model.parameters():
    p.requires_grad_(True)
grads = {}


def save_grad(name):
    def hook(m, i, o):
        o.register_hook(lambda g: grads.__setitem__(name, g))
    return hook


hs = [model.layers[l].hook_result.register_forward_hook(save_grad(f"r{l}")) for l in range(2)]
m = metric(model(corrupt))
m.backward()
for h in hs:
    h.remove()
attr = {k: ((clean_cache["layers.%s.hook_result" % k[1]] - corrupt_cache["layers.%s.hook_result" % k[1]]) * g)
        .sum((0, 1, 3)) for k, g in grads.items()}
print(m, m.grad_fn, attr)
print(model.W_U.grad.abs().sum(0))

# %%
x = clean_cache["layers.0.hook_result"]
for bad in (lambda: x.index_put_((torch.tensor([0, 5]),), torch.zeros(T, H, D)),
            lambda: x.index_put((torch.tensor([0, 1]),), torch.zeros(3, D)),
            lambda: x.index_put((torch.tensor([0.0]),), torch.zeros(D)),
            lambda: model.W_E.index_put_((torch.tensor([0]),), torch.zeros(D)),
            lambda: x.clone()[torch.ones(3, dtype=torch.bool)]):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
