# Imitates attention-pattern analysis lessons (ARENA 1.2 "induction heads" written by hand): repeated random
# token sequences, causal masks with -inf, previous-token / duplicate-token / induction scores read from offset
# diagonals, head detectors with argmax/topk, direct logit attribution by einsum over heads, and the checks a
# learner writes (attention rows summing to one, fully masked rows giving NaN).
import torch
import torch.nn.functional as F

torch.manual_seed(2)
batch, seq, n_heads, d_model, d_head, d_vocab = 4, 6, 3, 12, 4, 20
prefix = torch.zeros(batch, 1, dtype=torch.long)
rand = torch.randint(1, d_vocab, (batch, seq))
rep_tokens = torch.cat([prefix, rand, rand], dim=1)
L = rep_tokens.shape[1]
print(rep_tokens[:2], L)

W_E = torch.randn(d_vocab, d_model) / 2
W_pos = torch.randn(L, d_model) / 4
W_Q = torch.randn(n_heads, d_model, d_head, requires_grad=True)
W_K = torch.randn(n_heads, d_model, d_head, requires_grad=True)
W_U = torch.randn(d_model, d_vocab) / d_model ** 0.5
resid = W_E[rep_tokens] + W_pos
q = torch.einsum("bpd,hde->bhpe", resid, W_Q)
k = torch.einsum("bpd,hde->bhpe", resid, W_K)
scores = q @ k.transpose(-1, -2) / d_head ** 0.5
mask = torch.triu(torch.ones(L, L, dtype=torch.bool), diagonal=1)
scores = scores.masked_fill(mask, float("-inf"))
pattern = scores.softmax(dim=-1)
print(scores[0, 0, :3, :4])
print(pattern.shape, pattern.sum(-1).allclose(torch.ones(1)), pattern[0, 0, 2, :4])

# %%
# head detectors: average of the diagonal (current token), the first sub-diagonal (previous token) and the
# diagonal shifted by seq-1 (induction: attend to the token after the earlier copy of the current token)
current = pattern.diagonal(dim1=-2, dim2=-1).mean(-1)
prev = pattern.diagonal(offset=-1, dim1=-2, dim2=-1).mean(-1)
induction = pattern.diagonal(-(seq - 1), -2, -1).mean((0, -1))
print(current.shape, prev.shape, induction.shape)
print(current.mean(0), prev.mean(0), induction)
print(induction.grad_fn, induction.grad_fn.next_functions[0][0])
dg = torch.diagonal(pattern, -(seq - 1), 2, 3)
print(dg.shape, dg.is_contiguous(), dg.stride(), dg.storage_offset())
print(torch.diagonal(pattern[0, 0], 1).sum(), torch.diag(pattern[0, 1], -1))

# %%
induction.sum().backward()
print(W_Q.grad.abs().sum((1, 2)), W_K.grad[0, 0])
best = induction.argmax()
print(best, induction.topk(2, largest=True), induction.topk(2, largest=False).indices)
print([i for i, s in enumerate(prev.mean(0).tolist()) if s > 0.2], induction.max(0), induction.sort(descending=True))

# %%
# the query -> key "where does each head look" table and ties in argmax
p0 = pattern[0].detach()
print(p0.argmax(-1))
print(p0[:, seq + 1:].argmax(-1) - torch.arange(seq + 1, L))
ties = torch.tensor([[0.5, 0.5, 0.0], [0.2, 0.4, 0.4], [1 / 3, 1 / 3, 1 / 3]])
print(ties.argmax(-1), ties.max(-1).indices, ties.topk(2, -1).indices, ties.argmin(1), ties.sort(dim=-1, stable=True))
print(p0.flatten(1).topk(3).values, torch.unravel_index(p0.flatten().argmax(), p0.shape))

# %%
# fully masked rows give NaN; learners fix them with nan_to_num or a finite fill value
bad_mask = mask.clone()
bad_mask[0] = True
s = torch.randn(L, L).masked_fill(bad_mask, float("-inf"))
pr = s.softmax(-1)
print(pr[0, :4], pr[1, :3], torch.isnan(pr).any(1)[:3])
print(torch.nan_to_num(pr)[0].sum(), pr.nansum(-1)[:3], torch.where(pr.isnan(), 0.0, pr)[0, :2])
fin = torch.randn(L, L).masked_fill(bad_mask, torch.finfo(torch.float32).min).softmax(-1)
print(fin[0, :4], F.softmax(torch.full((3,), float("-inf")), 0), torch.log_softmax(s, -1)[1, :3])

# %%
# direct logit attribution: each head's output on the correct next token, via einsum over heads
torch.manual_seed(3)
z = torch.randn(batch, L, n_heads, d_head, requires_grad=True)
W_O = torch.randn(n_heads, d_head, d_model) / 2
per_head = torch.einsum("bphe,hed->bphd", z, W_O)
next_tok = rep_tokens[:, 1:]
W_U_correct = W_U.T[next_tok]                       # (batch, L-1, d_model)
dla = torch.einsum("bphd,bpd->bph", per_head[:, :-1], W_U_correct)
print(dla.shape, dla[0, -3:], dla.grad_fn)
print(dla[:, seq + 1:].mean((0, 1)), dla.mean((0, 1)).argmax())
total = dla.sum(-1)
full_logits = torch.einsum("bpd,dv->bpv", per_head.sum(2), W_U)
direct = full_logits[:, :-1].gather(-1, next_tok.unsqueeze(-1)).squeeze(-1)
print(torch.allclose(total, direct, atol=1e-5), (total - direct).abs().max() < 1e-4)
dla[:, seq:].sum().backward()
print(z.grad[0, -1], z.grad[:, :seq].abs().sum(), z.grad[0, -2].norm())

# %%
# OV and QK circuits and their full-matrix diagnostics
W_V = torch.randn(n_heads, d_model, d_head) / 3
OV = torch.einsum("hde,hef->hdf", W_V, W_O)
full_OV = torch.einsum("vd,hde,hef,fu->hvu", W_E, W_V, W_O, W_U)
print(full_OV.shape, OV.shape)
diag_top1 = (full_OV.argmax(-1) == torch.arange(d_vocab)).float().mean(-1)
print(diag_top1, full_OV.diagonal(0, -2, -1).mean(-1))
rank = (full_OV > full_OV.diagonal(dim1=-2, dim2=-1).unsqueeze(-1)).sum(-1)
print(rank[0], torch.bincount(rank[1], minlength=5))
QK = torch.einsum("pd,hde,hfe,qf->hpq", W_pos, W_Q.detach(), W_K.detach(), W_pos)
print(QK.tril(-1).argmax(-1)[0], QK.diagonal(-1, 1, 2).shape)

# %%
for bad in (lambda: pattern.diagonal(0, 2, 2), lambda: pattern.diagonal(dim1=4),
            lambda: torch.diag(pattern), lambda: induction.topk(5),
            lambda: scores.masked_fill(mask[:3], 0.0), lambda: scores.masked_fill(mask.float(), 0.0),
            lambda: torch.einsum("bphe,hed->bphd", z, W_O[:2])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
