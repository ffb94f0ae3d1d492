"""What the thirtieth probe (modern architectures from scratch: Mamba's selective scan, a ViT with patch
embedding and a cls token, an MLP-Mixer, RMSNorm / SwiGLU, grouped-query attention with repeat_interleave, a KV
cache, rotary embeddings, mixture-of-experts routing) found, each checked against PyTorch: gather / scatter /
scatter_add / scatter_reduce check the index's size against self and src as ATen does (scatter_gather_shape_check,
in its order: index dtype, src dtype, dimensions, sizes, then each index), scatter_add names itself scatter() in
its dtype message, scatter_reduce takes "max" and "min" as amax and amin (its backward refuses them), the src of
scatter_add and scatter_reduce must be a Tensor (PyTorch's argument parser); repeat_interleave's checks of a
tensor of repeats, of a negative count and of output_size; expand's -1 in a new leading dimension and ATen's
strides of an expanded tensor; index_select's and gather's outputs are contiguous; F.gelu's approximate is a
keyword-only str; torch.cat skips a 1-d empty tensor (ATen's legacy rule: `cache = torch.empty(0)`
then cat along time), which still counts in the dtype and gets an empty gradient."""
import pytest

from helpers import EVAL_CASES, assert_same_as_pytorch

SETUP = '''z = torch.zeros(3, 2)
idx = torch.tensor([[0, 1], [0, 0], [2, 1]])
src = torch.arange(1., 7.).reshape(3, 2)
L = lambda *s: torch.zeros(*s, dtype=torch.long)
'''

CELLS = {
    "scatter_gather_shape_checks": [SETUP + '''CASES = ["z.scatter_add(0, idx, src[:2])", "z.scatter_add(0, idx, src[:, :1])", "z.scatter(0, idx, src[:, :1])",
    "z.scatter(0, idx, src[:2])", "z.scatter_reduce(0, idx, src[:2], 'sum')", "z.scatter_add_(0, idx, src[:2])",
    "z.gather(0, L(3, 3))", "z.gather(1, L(4, 1))", "z.gather(1, L(3, 3))", "z.gather(0, L(3, 2, 1))",
    "z.scatter_add(1, L(4, 1), torch.ones(4, 1))", "z.scatter_add(1, L(2, 3), torch.ones(4, 4))",
    "z.scatter(1, L(4, 1), 1.0)", "z.clone().scatter_(1, L(4, 1), 1.0)",
    "z.scatter_add(0, L(4, 2), torch.ones(5, 2))", "z.scatter_add(0, L(4, 2), torch.ones(3, 2))",
    "z.scatter_add(0, idx, torch.ones(3, 2, 1))", "z.scatter_add(0, idx, torch.ones(3))", "z.scatter_add(0, idx, torch.ones(()))",
    "z.scatter(0, idx, torch.ones(()))", "z.scatter(0, L(3, 2), torch.ones(2, 3))",
    "z.scatter_add(0, torch.tensor([[5, 0]]), src)", "z.scatter_add(0, torch.tensor([[5, 0, 0]]), src)",
    "z.gather(0, torch.tensor([[5, 0, 0]]))", "torch.zeros(3).scatter_add(0, torch.tensor(1), torch.ones(()))"]
''' + EVAL_CASES],
    "scatter_index_dtype_and_reduce_names": [SETUP + '''CASES = ["z.scatter_add(0, idx.float(), src)", "z.scatter_add(0, idx.short(), src)", "z.scatter_add(0, idx.int(), src)",
    "z.scatter_add(0, idx, src[:2].double())", "z.scatter_add(0, idx.float(), src[:2].double())",
    "z.scatter_reduce(0, idx, src[:2], 'foo')", "z.scatter_reduce(0, idx, src.double(), 'foo')",
    "z.scatter_reduce(0, idx, src, 'max')", "z.scatter_reduce(0, idx, src, 'min')",
    "z.scatter_reduce(0, idx, src, reduce='max', include_self=False)", "z.scatter_reduce(0, idx, src, 'foo')",
    "z.clone().scatter_reduce_(0, idx, src, 'max')", "torch.scatter_reduce(z, 0, idx, src, 'min')",
    "z.scatter(0, idx, src, reduce='max')"]
torch.set_warn_always(True)   # (scatter's reduce= warning is once per process on both sides: another test may have had it)
''' + EVAL_CASES + '''torch.set_warn_always(False)
''', '''x = torch.tensor([1., 5., 2.], requires_grad=True)
y = torch.zeros(2, requires_grad=True).scatter_reduce(0, torch.tensor([0, 0, 1]), x, 'max', include_self=False)
y.sum().backward()
print(y, x.grad)'''],
    "repeat_interleave_checks": ['''t = torch.tensor([1, 2, 3])
m = torch.arange(6.).reshape(2, 3)
CASES = ["t.repeat_interleave(torch.tensor([1, 2]))", "t.repeat_interleave(torch.tensor([1, -1, 2]))",
    "m.repeat_interleave(torch.tensor([1, 2]), dim=1)", "m.repeat_interleave(torch.tensor([1, 2, 0, 1]))",
    "m.repeat_interleave(torch.tensor([[1, 2, 0]]), dim=1)", "t.repeat_interleave(torch.tensor([1., 2., 1.]))",
    "t.repeat_interleave(-1)", "t.repeat_interleave(torch.tensor(-1))", "t.repeat_interleave(torch.tensor([2]))",
    "t.repeat_interleave(torch.tensor(2))", "t.repeat_interleave(torch.tensor([1, 0, 2]), output_size=2)",
    "t.repeat_interleave(torch.tensor([1, 0, 2]), output_size=3)", "t.repeat_interleave(2, output_size=5)",
    "t.repeat_interleave(2, output_size=6)", "m.repeat_interleave(torch.tensor([2, 1]), dim=0)",
    "torch.repeat_interleave(torch.tensor([-1, 2]))", "torch.repeat_interleave(m, 2, dim=-1).stride()"]
''' + EVAL_CASES],
    "expand_leading_minus_one_and_strides": ['''CASES = ["torch.ones(1, 1, 6).expand(-1, 2, -1, -1)", "torch.ones(3).expand(-1, 3)",
    "torch.ones(3).expand(2, -1, -1)", "torch.ones(3).expand(-1, 2, 3)", "torch.ones(2, 3).expand(3, -1)",
    "torch.ones(1, 1, 6).expand(2, -1, 1, 6).stride()", "torch.ones(1, 3).expand(1, 1, 4, 3).stride()",
    "torch.ones(()).expand(1, 2).stride()", "torch.ones(()).expand(2, 1).stride()",
    "torch.ones(2, 1, 3)[:, :, ::2].expand(2, 4, 2).stride()", "torch.zeros(1, 1, 6).expand(2, -1, -1).is_contiguous()",
    "torch.zeros(6).expand(1, 6).is_contiguous()", "torch.ones(1, 1, 6).expand(-2, 1, 6)", "torch.ones(3).expand(2, -2)",
    "torch.ones(1).expand(-2)", "torch.ones(3).expand(0, 3).shape", "torch.ones(1, 1).expand(-2, -2)"]
''' + EVAL_CASES],
    "index_select_and_gather_are_contiguous": ['''a = torch.arange(24.).reshape(2, 3, 4)
for r in (a.index_select(1, torch.tensor([2, 0])), a.transpose(0, 2).index_select(1, torch.tensor([2, 0])),
          a[:, :, ::2].index_select(2, torch.tensor([1, 0])), a.narrow(1, 1, 2).index_select(1, torch.tensor([1])),
          a.index_select(2, torch.tensor([3, 1])), a.transpose(1, 2).gather(1, torch.zeros(2, 2, 3, dtype=torch.long))):
    print(r.shape, r.is_contiguous(), r.stride())
k = torch.randn(2, 2, 5, 3)
v = k.index_select(2, torch.arange(1, 5))
print(v.is_contiguous(), v.view(2, -1).shape)'''],
    "scatter_src_must_be_a_tensor": [SETUP + '''i = L(3, 2)
CASES = ["torch.scatter_add(z, 0, i, 1.0)", "z.scatter_add(0, i, src=1.0)", "z.scatter_add_(0, i, 1.0)",
    "torch.scatter_reduce(z, 0, i, 1.0, 'sum')", "z.scatter_reduce(0, i, 1, 'sum')", "z.scatter_reduce_(0, i, 1, 'sum')",
    "z.scatter_add(0, i, None)", "z.scatter_add(0, [[0]], z)", "z.scatter_add('a')", "z.scatter_add(0, i)",
    "z.scatter_reduce(0, i, z, 3)", "z.scatter_reduce(0, i, z, reduce='sum', include_self=False)",
    "torch.scatter_add(z, 0, i, src)", "z.clone().scatter_add_(0, i, src)"]
''' + EVAL_CASES],
    "cat_skips_a_1d_empty_tensor": ['''a = torch.ones(2, 3)
CASES = ["torch.cat([a, torch.ones(0)]).shape", "torch.cat([torch.ones(0), a], dim=1).shape",
    "torch.cat([torch.ones(0), a], dim=-1).shape", "torch.cat([a, torch.ones(0, dtype=torch.float64)]).dtype",
    "torch.cat([a, torch.ones(0, dtype=torch.long)]).dtype", "torch.cat([torch.ones(0), torch.ones(0)]).shape",
    "torch.cat([torch.ones(0), torch.ones(0, 2)]).shape", "torch.cat([a, torch.ones(0, 2)])",
    "torch.cat([a, torch.ones(0)], dim=2)", "torch.cat([torch.ones(0), a], dim=3)", "torch.cat([a, torch.ones(0)], 1).shape",
    "torch.cat([torch.ones(0), torch.ones(0)], dim=1)", "torch.cat([torch.ones(0)], dim=5).shape",
    "torch.cat([torch.ones(0), a, torch.ones(2, 2)], 0)", "torch.cat([torch.ones(0), torch.ones(())])"]
''' + EVAL_CASES + '''x = torch.zeros(0, requires_grad=True)
y = torch.ones(2, 3, requires_grad=True)
z = torch.cat([x, y * 2, x], dim=1)
print(z.grad_fn, [type(f).__name__ for f, _ in z.grad_fn.next_functions])
z.sum().backward()
print(x.grad, y.grad)
cache = torch.empty(0)
for t in range(3):
    cache = torch.cat([cache, torch.full((1, 2), float(t))])
print(cache)'''],
    "gelu_approximate_is_a_keyword_str": ['''import torch.nn.functional as F
x = torch.tensor([-1., 0.5, 2.])
CASES = ["F.gelu(x, approximate=None)", "F.gelu(x, approximate=1)", "F.gelu(x, 'tanh')", "F.gelu(x, approximate='Tanh')",
    "torch.nn.GELU(approximate=None)(x)", "F.gelu(x, approximate='tanh')"]
''' + EVAL_CASES],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe30_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
