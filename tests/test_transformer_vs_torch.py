"""nn.MultiheadAttention and the Transformer family (engine/ops_attn.py, torch/nn/functional_mha.py,
torch/nn/transformer.py) against real PyTorch.

Printed text (reprs, parameter names, initial draws after manual_seed, dropout draws in training, grad_fn names,
warnings and error messages) must be identical; values and gradients agree within float32 rounding.
"""
import warnings

import numpy as np
import pytest

from helpers import assert_same_as_pytorch, require

SETUP = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"
WALK = ("def walk(t):\n    seen, stack, names = set(), [t.grad_fn], []\n    while stack:\n        n = stack.pop()\n"
        "        if n is None or id(n) in seen:\n            continue\n        seen.add(id(n))\n"
        "        names.append(type(n).__name__)\n        stack.extend(f for f, _ in n.next_functions)\n"
        "    return names\n")

CELLS = {
    "multihead_attention": [
        SETUP + WALK + "torch.manual_seed(0)\nmha = nn.MultiheadAttention(8, 2, batch_first=True)\nmha",
        "[(n, tuple(p.shape)) for n, p in mha.named_parameters()], mha.in_proj_weight[:2], mha.out_proj.weight[0]",
        "type(mha.out_proj), mha.head_dim, mha._qkv_same_embed_dim, mha.bias_k",
        "x = torch.randn(2, 5, 8, requires_grad=True)\nout, w = mha(x, x, x)\n"
        "out.grad_fn, w.grad_fn, w.shape, out[0, 0], w[1, 2]",
        "walk(out)",
        "out2, none = mha(x, x, x, need_weights=False)\nnone, walk(out2)",
        "(out.sum() + (out2 ** 2).sum()).backward()\n"
        "x.grad[0, :2], mha.in_proj_weight.grad[::7], mha.out_proj.bias.grad",
        "kpm = torch.tensor([[False] * 5, [False] * 3 + [True] * 2])\n"
        "am = torch.triu(torch.ones(5, 5, dtype=torch.bool), 1)\n"
        "o, w = mha(x, x, x, key_padding_mask=kpm, attn_mask=am, average_attn_weights=False)\n"
        "o[1, -1], w.shape, w[1, 0]",
        "o, _ = mha(x, x, x, key_padding_mask=kpm, attn_mask=am, need_weights=False)\no[1, -1], o.grad_fn",
        "o, w = mha(x, x, x, attn_mask=torch.zeros(2 * 2, 5, 5))\nw.shape, o[0, 0]",
        "mem = torch.randn(2, 4, 8)\no, w = mha(x, mem, mem, key_padding_mask=kpm[:, :4])\n"
        "o[1, 1], w[1], walk(o)[:14]",
        "o, w = mha(x[0], mem[0], mem[0])\no.shape, w.shape, o[0]",
        "seq = nn.MultiheadAttention(6, 3)\nq = torch.randn(4, 2, 6)\nk = torch.randn(3, 2, 6)\n"
        "v = torch.randn(3, 2, 6)\n"
        "o, w = seq(q, k, v)\no[0], w[0], walk(o)[:10]",
        "o, w = seq(q, k, v, is_causal=True, attn_mask=torch.ones(4, 3, dtype=torch.bool).triu(1))\no[-1, 0]",
        "kv = nn.MultiheadAttention(4, 2, kdim=3, vdim=5, bias=False, add_bias_kv=True, add_zero_attn=True)\n"
        "kv, [(n, tuple(p.shape)) for n, p in kv.named_parameters()]",
        "o, w = kv(torch.randn(3, 2, 4), torch.randn(6, 2, 3), torch.randn(6, 2, 5))\no.shape, w.shape, o[0, 0]",
        "torch.manual_seed(3)\ndrop = nn.MultiheadAttention(8, 2, dropout=0.3, batch_first=True)\n"
        "drop(x, x, x)[0][0, 0], drop(x, x, x, need_weights=False)[0][1, 1], torch.rand(1)",
        "drop.eval()\ndrop(x, x, x)[1][0, 0]",
        "with torch.no_grad():\n    print(drop(x, x, x)[0][0, 0], drop(x, x, x, key_padding_mask=kpm)[1][1])",
    ],
    "transformer": [
        SETUP + "torch.manual_seed(1)\nlayer = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16)\nlayer",
        "enc = nn.TransformerEncoder(layer, 2)\nenc",
        "torch.manual_seed(2)\n"
        "bf = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, batch_first=True)\n"
        "benc = nn.TransformerEncoder(bf, num_layers=2, norm=nn.LayerNorm(8))\nbenc.layers[1].linear1.weight[0]",
        "x = torch.randn(2, 5, 8, requires_grad=True)\ny = benc(x)\ny.grad_fn, y[0, 0], torch.rand(1)",
        "(y * torch.arange(8.)).sum().backward()\nx.grad[1, 0], benc.layers[0].self_attn.in_proj_weight.grad[0]",
        "kpm = torch.tensor([[False] * 5, [False] * 3 + [True] * 2])\nbenc.eval()\n"
        "benc(x, src_key_padding_mask=kpm)[1]",
        "with torch.no_grad():\n    print(benc(x, src_key_padding_mask=kpm)[1])\n    print(benc(x)[0, 0])",
        "mask = nn.Transformer.generate_square_subsequent_mask(5)\nmask",
        "benc(x, mask=mask)[0, 1], benc(x, mask=mask, is_causal=True)[0, 2]",
        "gl = nn.TransformerEncoderLayer(8, 4, 16, 0.0, activation='gelu', norm_first=True)\n"
        "gl.activation is F.gelu, gl(torch.randn(3, 8))[0]",
        "nn.TransformerEncoder(gl, 1, enable_nested_tensor=False).layers[0].norm_first",
        "torch.manual_seed(4)\ndec = nn.TransformerDecoderLayer(8, 2, 16, batch_first=True)\ndec",
        "tgt = torch.randn(2, 3, 8)\ndec(tgt, x)[0, 0], torch.rand(1)",
        "torch.manual_seed(5)\nmodel = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=1, num_decoder_layers=1, "
        "dim_feedforward=16, dropout=0.0)\nsum(p.numel() for p in model.parameters()), model.encoder.layers[0]"
        ".self_attn.in_proj_weight[0], model.decoder.norm.weight[:3]",
        "src, tgt = torch.randn(5, 2, 8), torch.randn(3, 2, 8)\n"
        "out = model(src, tgt, tgt_mask=model.generate_square_subsequent_mask(3))\nout.grad_fn, out[0, 0]",
        "[n for n, _ in model.named_parameters()][:8]",
    ],
    "masked_rows": [
        SETUP + "torch.manual_seed(0)\nq = torch.randn(1, 1, 3, 2, requires_grad=True)\n"
        "m = torch.tensor([[True, True, False], [False, False, False], [True, False, False]])\n"
        "o = F.scaled_dot_product_attention(q, q, q, attn_mask=m)\no.sum().backward()\no, q.grad",
        "mha = nn.MultiheadAttention(4, 2, batch_first=True)\nx = torch.randn(2, 3, 4)\n"
        "kpm = torch.tensor([[False, False, False], [True, True, True]])\n"
        "mha(x, x, x, key_padding_mask=kpm)[0][1], mha(x, x, x, key_padding_mask=kpm, need_weights=False)[0][1]",
    ],
    "errors": [
        SETUP + "nn.MultiheadAttention(8, 3)",
        "nn.MultiheadAttention(0, 2)",
        "m = nn.MultiheadAttention(8, 2)\nm(torch.randn(2, 3, 4, 8), torch.randn(2, 3, 4, 8), torch.randn(2, 3, 4, 8))",
        "m(torch.randn(3, 2, 6), torch.randn(3, 2, 6), torch.randn(3, 2, 6))",
        "m(torch.randn(3, 2, 8), torch.randn(3, 2, 8), torch.randn(3, 2, 8), attn_mask=torch.zeros(2, 2))",
        "m(torch.randn(3, 2, 8), torch.randn(3, 2, 8), torch.randn(3, 2, 8), key_padding_mask=torch.zeros(2, 3, "
        "dtype=torch.long))",
        "m(torch.randn(3, 2, 8), torch.randn(3, 2, 8), torch.randn(3, 2, 8), is_causal=True)",
        "m(torch.randn(3, 2, 8), torch.randn(4, 2, 8), torch.randn(3, 2, 8))",
        "m(torch.randn(3, 2, 8), torch.randn(3, 2, 8), torch.randn(3, 2, 8), key_padding_mask=torch.zeros(2, 3), "
        "attn_mask=torch.zeros(3, 3, dtype=torch.bool))[0].shape",
        "nn.TransformerEncoderLayer(8, 2, activation='tanh')",
        "nn.Transformer(8, 2, 1, 1, 16)(torch.randn(3, 2, 8), torch.randn(3, 4, 8))",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="transformer", name=name, warns="per_cell")


def _c(m, like, values):
    """A constant of like's dtype."""
    return m.tensor(values, dtype=like.dtype)


CASES = [
    ("sdpa_flash", lambda m, q, k, v: m.nn.functional.scaled_dot_product_attention(q, k, v),
     [(2, 3, 5, 4), (2, 3, 6, 4), (2, 3, 6, 4)]),
    ("sdpa_flash_causal", lambda m, q, k, v: m.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=True,
                                                                                          scale=0.4),
     [(1, 2, 5, 4), (1, 2, 5, 4), (1, 2, 5, 4)]),
    ("sdpa_flash_gqa", lambda m, q, k, v: m.nn.functional.scaled_dot_product_attention(q, k, v, enable_gqa=True),
     [(2, 4, 5, 4), (2, 2, 6, 4), (2, 2, 6, 4)]),
    ("baddbmm", lambda m, c, a, b: m.baddbmm(c, a, b, beta=0.5, alpha=2.0), [(1, 3, 5), (4, 3, 2), (4, 2, 5)]),
    ("mha_weights", lambda m, q, k, v: m.nn.functional.multi_head_attention_forward(
        q, k, v, 6, 2, _c(m, q, np.linspace(-1, 1, 108).reshape(18, 6)), _c(m, q, np.arange(18.) / 20), None, None,
        False, 0.0, _c(m, q, np.eye(6) * 0.5), _c(m, q, np.zeros(6)))[0], [(4, 2, 6), (3, 2, 6), (3, 2, 6)]),
    ("mha_no_weights", lambda m, q, k, v: m.nn.functional.multi_head_attention_forward(
        q, k, v, 6, 2, _c(m, q, np.linspace(-1, 1, 108).reshape(18, 6)), None, None, None, False, 0.0,
        _c(m, q, np.eye(6) * 0.5), None, need_weights=False)[0], [(4, 2, 6), (3, 2, 6), (3, 2, 6)]),
]


@pytest.mark.parametrize("name,fn,shapes", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_values_and_grads(name, fn, shapes, dtype):
    """Outputs and every input's gradient (for a non-uniform upstream gradient) against PyTorch's."""
    real = require("torch")
    from autograd_magic import torch as ours
    rng = np.random.default_rng(len(name))
    arrays = [rng.standard_normal(s).astype(dtype) for s in shapes]
    results = []
    for m in (real, ours):
        leaves = [m.tensor(a, requires_grad=True) for a in arrays]
        y = fn(m, *leaves)
        v = m.tensor(np.linspace(-1, 1, int(np.prod(y.shape)), dtype=dtype).reshape(tuple(y.shape)))
        (y * v).sum().backward()
        results.append((type(y.grad_fn).__name__, y.detach().numpy(), [t.grad.numpy() for t in leaves]))
    (want_name, want, want_grads), (got_name, got, got_grads) = results
    assert got_name == want_name
    tol = 2e-5 if dtype == "float32" else 1e-12
    np.testing.assert_allclose(got, want, rtol=tol, atol=tol)
    for g, w in zip(got_grads, want_grads):
        np.testing.assert_allclose(g, w, rtol=10 * tol, atol=10 * tol)


def test_training_a_small_transformer_matches_pytorch():
    """Eight Adam steps of an embedding + 2-layer encoder classifier with dropout from the same seed: every loss
    within float32 drift of PyTorch's."""
    real = require("torch")
    from autograd_magic import torch as ours

    def losses(torch):
        nn = torch.nn
        torch.manual_seed(0)
        emb = nn.Embedding(20, 16)
        enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(16, 4, 32, dropout=0.1, batch_first=True), 2,
                                    enable_nested_tensor=False)
        head = nn.Linear(16, 3)
        params = list(emb.parameters()) + list(enc.parameters()) + list(head.parameters())
        opt = torch.optim.Adam(params, lr=1e-2)
        tokens, labels = torch.randint(0, 20, (8, 6)), torch.randint(0, 3, (8,))
        out = []
        for _ in range(8):
            opt.zero_grad()
            loss = nn.functional.cross_entropy(head(enc(emb(tokens)).mean(1)), labels)
            loss.backward()
            opt.step()
            out.append(loss.item())
        return out

    np.testing.assert_allclose(losses(ours), losses(real), rtol=1e-4)


def test_multihead_attention_configurations_match_pytorch():
    """nn.MultiheadAttention over combinations of layout, weights returned, separate key/value sizes, bias_k/bias_v,
    zero attention, boolean and float masks, and unbatched input: outputs, returned weights and every gradient
    (inputs and parameters) against PyTorch's, on the same seeded parameters."""
    import itertools
    real = require("torch")
    from autograd_magic import torch as ours
    rng = np.random.default_rng(0)
    E, H, L, S, N = 6, 2, 3, 4, 2
    checked = 0
    for batch_first, need_weights, kv_diff, extras, mask_kind, kpm_kind, unbatched in itertools.product(
            [False, True], [False, True], [False, True], [False, True], [None, "bool", "float3"],
            [None, "bool", "float"], [False, True]):
        if unbatched and mask_kind == "float3":
            continue
        kw = dict(batch_first=batch_first, add_bias_kv=extras, add_zero_attn=extras, bias=not extras)
        kd, vd = (5, 3) if kv_diff else (E, E)
        if kv_diff:
            kw.update(kdim=kd, vdim=vd)

        def shape(n, d):
            return (n, d) if unbatched else ((N, n, d) if batch_first else (n, N, d))
        q, k, v = (rng.standard_normal(shape(n, d)).astype("float32") for n, d in ((L, E), (S, kd), (S, vd)))
        am = None if mask_kind is None else (rng.random((L, S)) > 0.7 if mask_kind == "bool" else
                                             rng.standard_normal((N * H, L, S)).astype("float32"))
        kp = None
        if kpm_kind:
            kp = rng.random((S,) if unbatched else (N, S)) > 0.7
            kp[..., 0] = False
            kp = kp if kpm_kind == "bool" else np.where(kp, -1e9, 0).astype("float32")
        results = []
        for m in (real, ours):
            m.manual_seed(0)
            mha = m.nn.MultiheadAttention(E, H, **kw)
            leaves = [m.tensor(a, requires_grad=True) for a in (q, k, v)]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # mismatched mask types: PyTorch's deprecation warning
                o, w = mha(*leaves, key_padding_mask=None if kp is None else m.tensor(kp), need_weights=need_weights,
                           attn_mask=None if am is None else m.tensor(am))
            (o * m.tensor(np.linspace(-1, 1, o.numel()).reshape(tuple(o.shape)).astype("float32"))).sum().backward()
            results.append((type(o.grad_fn).__name__, o.detach().numpy(), None if w is None else w.detach().numpy(),
                            [t.grad.numpy() for t in leaves] + [p.grad.numpy() for p in mha.parameters()]))
        (wn, wo, ww, wg), (gn, go, gw, gg) = results
        assert gn == wn
        np.testing.assert_allclose(go, wo, rtol=1e-4, atol=1e-5)
        assert (gw is None) == (ww is None)
        if ww is not None:
            np.testing.assert_allclose(gw, ww, rtol=1e-4, atol=1e-5)
        for a, b in zip(gg, wg):
            np.testing.assert_allclose(a, b, rtol=1e-3, atol=1e-4)
        checked += 1
    assert checked == 240
