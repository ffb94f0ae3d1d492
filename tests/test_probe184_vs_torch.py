"""What the hundred-and-eighty-fourth probe (nn.MultiheadAttention and the Transformer layers in depth: every mask
kind, batch_first, need_weights, kdim / vdim, add_bias_kv / add_zero_attn, norm_first, activations, nested tensors,
nn.Transformer end to end) found, each checked against PyTorch: the eval-mode fast paths without gradients.
MultiheadAttention (batch_first, self-attention, bool masks) and TransformerEncoderLayer (batch_first, even heads)
merge their masks as PyTorch's merge_masks does (view errors of a wrong-size mask, a 3-D mask viewed per batch),
run the fused masked softmax's shape checks ("For mask_type == ..."), ignore is_causal, treat any nonzero entry of a
float mask as masked and leave fully masked rows NaN even without weights; TransformerEncoder's nested-tensor path
checks the padding mask's shape first (also with gradients on) and refuses an all-padded batch. None of these fast
paths is taken while torch.set_default_device(...) is in force (the CPU too): its torch function mode makes
has_torch_function true for every argument, until set_default_device(None)."""
import pytest

from helpers import assert_same_as_pytorch

SETUP = '''torch.manual_seed(0)
att = torch.nn.MultiheadAttention(8, 2, batch_first=True).eval()
lay = torch.nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, batch_first=True).eval()
x = torch.randn(2, 3, 8)
kpm = torch.tensor([[True, True, True], [False, False, True]])
'''

CELLS = {
    "no_fast_path_while_a_default_device_is_set": [SETUP + '''x = torch.randn(2, 5, 8)
pad = torch.tensor([[False, False, False, True, True], [False] * 5])
enc = torch.nn.TransformerEncoder(torch.nn.TransformerEncoderLayer(8, 2, 16, batch_first=True), 1).eval()
for dev in ("cpu", None):
    torch.set_default_device(dev)
    print(torch.overrides.has_torch_function((x,)), torch.overrides.has_torch_function_unary(x),
          torch.overrides.has_torch_function_variadic(x, x))
    with torch.no_grad():
        print(enc(x, src_key_padding_mask=pad)[0, 3])
        print(att(x, x, x, key_padding_mask=torch.ones(2, 5, dtype=torch.bool), need_weights=False)[0][0, 0])
        print(lay(x, src_key_padding_mask=pad)[0, 4])
'''],
    "mha_fast_path_fully_masked_rows_are_nan_without_weights": [SETUP + '''with torch.no_grad():
    o, w = att(x, x, x, key_padding_mask=kpm, need_weights=False)
print(o[0, 0], o[1, 2], w)
with torch.no_grad():
    print(att(x, x, x, attn_mask=torch.ones(3, 3, dtype=torch.bool), need_weights=False)[0][1])
o, w = att(x, x, x, key_padding_mask=kpm, need_weights=False)
print(o[0, 0], w)
'''],
    "mha_fast_path_ignores_is_causal_without_a_mask": [SETUP + '''with torch.no_grad():
    print(att(x, x, x, is_causal=True)[0][1, 0])
try:
    att(x, x, x, is_causal=True)
except RuntimeError as e:
    print(e)
'''],
    "mha_fast_path_merge_masks_and_native_mask_checks": [SETUP + '''cases = [dict(attn_mask=torch.zeros(2, 3, 3, dtype=torch.bool)),
         dict(key_padding_mask=torch.zeros(2, 4, dtype=torch.bool)),
         dict(key_padding_mask=torch.zeros(2, 3, 3, dtype=torch.bool)),
         dict(attn_mask=torch.zeros(2, 2, dtype=torch.bool)),
         dict(attn_mask=torch.zeros(3, 3, dtype=torch.bool), key_padding_mask=torch.zeros(3, 2, dtype=torch.bool)),
         dict(attn_mask=torch.zeros(4, 3, 3, dtype=torch.bool))]
for kw in cases:
    try:
        with torch.no_grad():
            print(att(x, x, x, **kw)[0][0, 0])
    except Exception as e:
        print(type(e).__name__, e)
merged, kind = att.merge_masks(torch.triu(torch.ones(3, 3, dtype=torch.bool), 1), kpm, x)
print(merged.shape, kind)
'''],
    "encoder_layer_fast_path_masks_nan_rows_and_float_masks_as_bool": [SETUP + '''fm = torch.tensor([[0., 0.5, -1.], [0., 0., 0.], [2., 0., 0.]])
with torch.no_grad():
    print(lay(x, src_key_padding_mask=kpm)[0, 0])
    print(lay(x, is_causal=True)[1, 0])
    print(lay(x, src_mask=fm)[0])
print(lay(x, src_mask=fm)[0])
for kw in [dict(src_mask=torch.zeros(2, 2)), dict(src_key_padding_mask=torch.zeros(2, 5, dtype=torch.bool)),
           dict(src_mask=torch.zeros(3)), dict(src_key_padding_mask=torch.zeros(3, dtype=torch.bool))]:
    try:
        with torch.no_grad():
            print(lay(x, **kw)[0, 0])
    except Exception as e:
        print(type(e).__name__, e)
'''],
    "encoder_nested_path_checks_the_padding_mask_and_refuses_all_padded": [SETUP + '''enc = torch.nn.TransformerEncoder(lay, 1)
for p in [torch.ones(2, 3, dtype=torch.bool), torch.zeros(2, 5, dtype=torch.bool), torch.zeros(3, dtype=torch.bool),
          torch.zeros(2, 3, 3, dtype=torch.bool)]:
    try:
        with torch.no_grad():
            print(enc(x, src_key_padding_mask=p)[0, 0])
    except Exception as e:
        print(type(e).__name__, e)
try:
    enc(x, src_key_padding_mask=torch.zeros(2, 5, dtype=torch.bool))
except Exception as e:
    print(type(e).__name__, e)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe184_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
