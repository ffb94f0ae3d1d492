"""The tensor API lessons reach for, run on real PyTorch and on the engine: printed text, grad_fn names, gradients,
errors and warnings must be identical (keyword aliases, out=, legacy constructors, contiguity, splitting,
scattering, sorting, einsum, torch.cuda on a CPU-only build)."""
import warnings

import pytest
from helpers import assert_same_as_pytorch, require

CASES = {
    "methods_after_the_autograd_chapter": [
        'c = torch.tensor([1.5, -2., 300.])\nc.byte(), c.char(), c.short(), torch.tensor([1.5], requires_grad=True).short(), torch.tensor([True, False]).byte()',
        'a = torch.arange(6.).reshape(2, 3)\nb = a.view(3, 2)\na.data_ptr() == b.data_ptr(), a[1].data_ptr() == a.data_ptr(), a[1].storage_offset(), a.t().storage_offset(), a[:, 1:].storage_offset(), a.clone().data_ptr() == a.data_ptr(), a.is_cpu, a.get_device(), a.reshape(-1).data_ptr() == a.data_ptr()',
        'torch.manual_seed(0)\ntorch.tensor([0.1, 0.3, 0.6]).multinomial(5, replacement=True), torch.full((2, 3), 0.5).bernoulli(), torch.ones(3).bernoulli(0.2)',
        't = torch.arange(8.).requires_grad_()\nu = t.unfold(0, 3, 2)\nu, torch.autograd.grad((u * torch.arange(9.).reshape(3, 3)).sum(), t), torch.arange(12.).reshape(3, 4).unfold(1, 2, 1)',
        't.unfold(0, 9, 1)',
        't.unfold(0, 3, 0)',
        'torch.tensor(2.).unfold(0, 1, 1)',
        'torch.arange(24.).reshape(2, 3, 4).unfold(1, 2, 1).shape',
        'x = torch.ones(2, 1, 3, requires_grad=True)\ny = x * 2\nz = y.t_() if False else y.squeeze_(1)\nz is y, y.shape, y.grad_fn, y.grad_fn.next_functions',
        'y.unsqueeze_(0).grad_fn, y.shape, y.squeeze_().grad_fn, y.shape, y.t_().grad_fn, y.shape, y.transpose_(0, 1).grad_fn, y.swapaxes_(0, 1).shape',
        'y.unsqueeze_(2).squeeze_((0, 2)).grad_fn, y.shape\ny.sum().backward()\nx.grad',
        'x.t_()',
        'w = torch.ones(2, 3)\nv0 = w._version\nw.t_().unsqueeze_(0).squeeze_()\nv0, w._version',
        'x = torch.ones(2, 3, requires_grad=True)\ny = (x * 1).sum(0, keepdim=True)\nz = y * y\ny.t_()\nz.sum().backward()',
        'y = (x * 1).max(0).values\nz = y * y\ny.unsqueeze_(0)\nz.sum().backward()',
        'torch.ones(2, 3, 4).t_()',
        'w = torch.arange(6.).reshape(2, 3)\nw.t_()\nw, w.shape, w.transpose_(0, 1).shape, w.unsqueeze_(-1).shape',
        "v = torch.tensor([1.5, -2.5, 0.5, 0.], requires_grad=True)\nfor m in ['square_', 'sign_', 'floor_', 'ceil_', 'round_', 'trunc_']:\n    y = getattr(v * 1, m)()\n    print(m, y, torch.autograd.grad(y.sum(), v, allow_unused=True))",
        '(v * 1).clip_(0, 1), (v * 1).cumsum_(0), torch.arange(4).cumsum_(0)',
        "for m in ['eq_', 'ne_', 'lt_', 'le_', 'gt_', 'ge_']:\n    y = v * 1\n    z = getattr(y, m)(0.5)\n    print(m, z, getattr(v * 1, m)(torch.tensor([1.5, 0., 0., 0.])), getattr(torch.arange(4), m)(2))\n    print(torch.autograd.grad(z.sum(), v))",
        'torch.zeros(3, 4).fill_diagonal_(5), torch.zeros(7, 3).fill_diagonal_(1, wrap=True), torch.zeros(7, 3).fill_diagonal_(1), torch.zeros(2, 2, 2).fill_diagonal_(3)',
        'm = torch.zeros(3, 3, requires_grad=True) * 1\nm.fill_diagonal_(2)\nm, torch.ones(3).fill_diagonal_(1)',
        'x = torch.zeros(3, 4)\nx.index_add(0, torch.tensor([0, 2, 0]), torch.ones(3, 4), alpha=2), x.index_fill(1, torch.tensor([1, 3]), -1), x.index_fill(1, torch.tensor([1, 3]), torch.tensor(2.)), x.index_copy(0, torch.tensor([2, 0]), torch.arange(8.).reshape(2, 4))',
        'torch.index_add(x, 1, torch.tensor([3]), torch.ones(3, 1)), torch.index_fill(x, 0, torch.tensor([1]), 7), torch.index_copy(x, 1, torch.tensor([0]), torch.ones(3, 1))',
        'x.index_add(0, torch.tensor([0, 2.]), torch.ones(2, 4))',
        'x.index_add(0, torch.tensor([0, 2]), torch.ones(3, 4))',
        'x.index_add(0, torch.tensor([0, 5]), torch.ones(2, 4))',
        'x.index_copy(0, torch.tensor([2, 0]), torch.ones(2, 3))',
        'p = torch.ones(3, 2, requires_grad=True)\ns = torch.arange(4.).reshape(2, 2).requires_grad_()\nval = torch.tensor(2., requires_grad=True)\nr = p.index_add(0, torch.tensor([2, 2]), s, alpha=3)\nf = p.index_fill(0, torch.tensor([1]), val)\nk = p.index_copy(0, torch.tensor([0, 1]), s)\nr, f, k, torch.autograd.grad((r * 2).sum() + (f * 3).sum() + (k * torch.arange(6.).reshape(3, 2)).sum(), [p, s, val])',
        'q = p * 1\nq.index_add_(1, torch.tensor([0]), torch.ones(3, 1))\nq.index_fill_(0, torch.tensor([0]), 5.)\nq.index_copy_(0, torch.tensor([2]), s[:1])\nq, torch.autograd.grad(q.sum(), [p, s])',
        'torch.ones(2, 3).sum_to_size(1, 3), torch.ones(2, 3, requires_grad=True).sum_to_size(3), torch.ones(2, 3, requires_grad=True).sum_to_size(2, 3).grad_fn, torch.ones(2, 3, requires_grad=True).sum_to_size((2, 1))',
        'torch.ones(2, 3).sum_to_size(2, 2)',
        "w = torch.ones(2, requires_grad=True)\nh = w.register_post_accumulate_grad_hook(lambda p: print('hook', p, p.grad))\n(w * 3).sum().backward()\nh.remove()\n(w * 3).sum().backward()\nw.grad",
        '(w * 2).register_post_accumulate_grad_hook(print)',
        'torch.ones(2).register_post_accumulate_grad_hook(print)',
        "torch.autograd.grad((w * 2).sum(), w) if w.register_post_accumulate_grad_hook(lambda p: print('not called')) else 0",
    ],
    "size_and_requires_grad_keywords": [
        "torch.manual_seed(0)\ntorch.randn(size=(), requires_grad=True)", "torch.rand(size=(2, 4)).shape",
        "torch.zeros(size=(2,)), torch.ones(size=[2], dtype=torch.int64), torch.empty(size=(1, 2)).shape",
        "torch.full(size=(2,), fill_value=3.)", "torch.manual_seed(1)\ntorch.randint(5, size=(3,)), torch.randint(0, 5, (2,))",
        "torch.manual_seed(0)\nw = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)\nw.requires_grad, w",
        "torch.normal(0., 1., (2,), dtype=torch.float64).dtype",
        "torch.manual_seed(0)\ntorch.randn(2, 3, dtype=torch.float64, requires_grad=True)",
    ],
    "numpy_style_aliases": [
        "A = torch.arange(6.).reshape(2, 3)\nA.sum(axis=1, keepdims=True), A.sum(axis=[0, 1]), torch.sum(A, axis=0)",
        "A.mean(axis=0), torch.mean(A, axis=1, keepdims=True), A.max(axis=1), A.min(axis=0, keepdims=True)",
        "A.argmax(axis=1), A.argmin(axis=0, keepdims=True), A.amax(axis=1), A.amin(axis=0, keepdims=True)",
        "A.prod(axis=1), A.std(axis=0), A.var(axis=1, keepdims=True), A.cumsum(axis=0), A.cumprod(axis=1)",
        "(A > 2).all(axis=0), (A > 2).any(axis=1, keepdims=True), torch.all(A > -1, axis=0)",
        "A.norm(dim=1, keepdims=True)",
    ],
    "out_argument": [
        "t = torch.ones(2, 2)\ny = torch.empty(2, 2)\nr = torch.matmul(t, t.T, out=y)\nr is y, y",
        "torch.mul(t, t, out=y)\ny", "torch.add(t, 1, out=torch.empty(0))",
        "torch.sum(torch.ones(2, 3), 0, out=torch.empty(3)), torch.exp(torch.zeros(2), out=torch.empty(2))",
        "torch.add(torch.ones(2, dtype=torch.int64), 1, out=torch.empty(2))",
        "torch.add(torch.ones(2), 1, out=torch.empty(2, dtype=torch.int64))",
        "a = torch.ones(2, requires_grad=True)\ntorch.add(a, 1, out=torch.empty(2))",
        "torch.mul(t, 2, out=torch.empty(3, 3))", "torch.zeros(2, out=torch.empty(2))",
        "torch.zeros(2, 3, out=torch.empty(1)).shape, torch.ones(1, out=torch.empty(2, dtype=torch.float64))",
    ],
    "legacy_constructors": [
        "torch.LongTensor([1, 2]), torch.DoubleTensor([1, 2]), torch.IntTensor([1, 2]), torch.FloatTensor((1, 2))",
        "torch.ByteTensor([True, False]), torch.BoolTensor([1, 0]), torch.FloatTensor()",
        "torch.FloatTensor(2, 3).shape, torch.LongTensor(2).dtype, torch.FloatTensor(torch.Size([2])).shape",
        "torch.FloatTensor, torch.FloatTensor.dtype, issubclass(torch.FloatTensor, torch.Tensor)",
        ("x = torch.ones(2)\nisinstance(x, torch.FloatTensor), isinstance(x.double(), torch.FloatTensor), "
        "isinstance(x.long(), torch.LongTensor), isinstance(x, torch.Tensor), type(torch.LongTensor([1]))"),
        "x.type(), x.long().type(), x.type(torch.DoubleTensor), x.type('torch.LongTensor'), x.type(torch.int64)",
        "torch.ones(2, dtype=torch.uint8).type(), torch.ones(2, dtype=torch.bool).type()",
        "x.type('float')", "torch.FloatTensor(2.5)", "torch.LongTensor(torch.tensor([1.5]))",
    ],
    "contiguity_and_flip": [
        "c = torch.ones(2, 3).t()\nc.is_contiguous(), c.contiguous().is_contiguous(), c.contiguous().view(-1)",
        "x = torch.arange(6.).reshape(2, 3).requires_grad_()\nx.t().contiguous(), x.contiguous() is x",
        "x.t().contiguous().view(-1)", "torch.arange(3)[::-1]", "torch.arange(6).reshape(2, 3)[:, ::-2]",
        "torch.flip(torch.arange(6).reshape(2, 3), dims=[0]), torch.arange(6).reshape(2, 3).flip(0, 1)",
        "y = x.flip(1)\ny.sum().backward()\ny, x.grad",
    ],
    "split_and_chunk": [
        "x = torch.arange(10., requires_grad=True)\nx.split(4)", "x.chunk(3)", "torch.split(x, [3, 7])",
        "torch.chunk(x.reshape(2, 5), 2, 1)", "x.reshape(2, 5).unbind(1)[0]",
        "torch.split(x, [3, 3])", "a, b = x.split(5)\n(a * b).sum().backward()\nx.grad",
    ],
    "diagonals_and_triangles": [
        ("v = torch.tensor([1., 2., 3.], requires_grad=True)\nm = torch.arange(9.).reshape(3, 3).requires_grad_()\n"
        "torch.diag(v), torch.diag(v, -1), torch.diag(m), torch.diag(m, 1)"),
        "m.diagonal(), torch.diagonal(m, -1), m.trace(), torch.trace(m)",
        "torch.tril(m), m.triu(1), torch.ones(2, 3).tril(-1)",
        "(torch.diag(v) @ m).trace().backward()\nv.grad, m.grad",
    ],
    "gather_scatter": [
        "y = torch.tensor([0, 2])\ntorch.zeros(2, 3).scatter_(1, y.unsqueeze(1), 1)",
        ("x = torch.arange(6., requires_grad=True).reshape(2, 3)\nidx = torch.tensor([[0, 1, 0], [1, 0, 1]])\n"
        "x.gather(1, idx), x.scatter(1, idx, 5.), torch.zeros(2, 3).scatter(1, idx, x), x.scatter_add(1, idx, x)"),
        "z = x.clone()\nz.scatter_(1, idx[:, :1], x[:, :1])\nz.scatter_add_(0, idx, x)\nz.sum().backward()\nz, x.grad",
        "x.gather(1, idx.int()), x.scatter(1, idx.int(), 1.)", "x.gather(1, idx.float())", "x.index_select(0, torch.tensor([0.]))", "torch.gather(x, 1, torch.tensor([0, 1]))",
        "x.index_select(1, torch.tensor([2, 0])), torch.masked_select(x, x > 2), x.repeat(2, 1), x.repeat(1, 2, 1)",
    ],
    "sorting": [
        "x = torch.tensor([[3., 1., 2.], [0., 5., 4.]], requires_grad=True)\nx.sort(1)",
        "torch.sort(x, 0, descending=True), x.argsort(1)", "torch.topk(x, 2), x.topk(1, 0, largest=False)",
        "torch.median(x), x.median(1), x.median(0, keepdim=True)",
        "torch.median(torch.tensor([1., 2., 3., 4.]))",
        "s = x.sort(1).values\n(s * torch.tensor([1., 2., 3.])).sum().backward()\nx.grad",
        "torch.unique(torch.tensor([3, 1, 3, 2])), torch.unique(torch.tensor([3, 1, 3, 2]), return_counts=True)",
        "torch.unique(torch.tensor([3, 1, 3, 2]), return_inverse=True)",
        "torch.count_nonzero(torch.tensor([[0, 1], [2, 0]])), torch.count_nonzero(torch.tensor([[0, 1], [2, 0]]), 0)",
    ],
    "reductions_and_elementwise": [
        ("x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)\n"
        "torch.logsumexp(x, 1), x.logsumexp(0, keepdim=True), x.cumprod(1), x.cumsum(0)"),
        "torch.std_mean(x, 1), torch.var_mean(x), torch.std_mean(x, 0, keepdim=True)",
        "l = torch.logsumexp(x, 1).sum() + x.cumprod(1).sum() + torch.std_mean(x, 1)[0].sum()\nl.backward()\nx.grad",
        "z = torch.tensor([0., 2., 0.], requires_grad=True)\nz.cumprod(0).sum().backward()\nz.grad",
        ("torch.nan_to_num(torch.tensor([float('nan'), float('inf'), -float('inf'), 1.])), "
        "torch.nan_to_num(torch.tensor([float('nan'), 1.]), nan=2.)"),
        "a = torch.tensor([1., 2., 3.])\ntorch.isclose(a, a + 1e-6), torch.allclose(a, a + 1e-9), a.isclose(a * 2)",
        "torch.logical_and(a > 1, a < 3), torch.logical_or(a > 2, a < 2), torch.logical_xor(a > 1, a < 3)",
        "torch.logical_or(torch.tensor([0, 1]), torch.tensor([0., 0.]))",
        "torch.get_default_dtype(), torch.set_default_dtype(torch.float32), torch.ones(1).dtype",
        "torch.set_default_dtype(torch.int64)",
    ],
    "matrix_products": [
        "a = torch.arange(6., requires_grad=True).reshape(1, 2, 3)\nb = torch.ones(1, 3, 2)\ntorch.bmm(a, b)",
        "torch.bmm(a, torch.ones(1, 2, 2))", "torch.bmm(a[0], b[0])",
        ("x = torch.arange(6., requires_grad=True).reshape(2, 3)\nv = torch.tensor([1., 2., 3.], requires_grad=True)\n"
        "torch.einsum('ij,jk->ik', x, x.t()), torch.einsum('ij->ji', x), torch.einsum('i,i->', v, v)"),
        "torch.einsum('ij->', x), torch.einsum('i,j->ij', v, v), torch.einsum('ij,j->i', x, v), torch.einsum('ij', x)",
        "torch.einsum('bij,bjk->bik', a, b), torch.einsum('ij,kj->ik', x, x)",
        "torch.einsum('ij,j->i', x, v).sum().backward()\nx.grad, v.grad",
        "torch.meshgrid(torch.tensor([1., 2.]), torch.tensor([3., 4., 5.]), indexing='ij')",
        "torch.meshgrid(torch.tensor([1., 2.], requires_grad=True), torch.tensor([3., 4., 5.]), indexing='xy')",
    ],
    "misuse_and_edges": [
        "x = torch.arange(6.).reshape(2, 3)\nv = torch.tensor([3., 1., 2.])\ns0 = torch.tensor(2.)\nx.chunk(0)",
        "x.split(0)", "x.split([1, 1], 1)", "torch.diag(torch.ones(2, 2, 2))", "torch.trace(v)", "v.topk(4)",
        "s0.sort(), s0.topk(1), s0.median(), s0.cumsum(0), s0.flip(0)", "v.cumsum()", "x.repeat(2)", "v.tril()",
        "x.index_select(1, torch.tensor([[0]]))", "x.scatter(1, torch.tensor([[0]]), torch.ones(1, 1).double())",
        "torch.einsum('ij,jk->ik', x, x)", "torch.einsum('ij,jk->ik', x)", "torch.gather(x, 1, torch.tensor([[3]]))",
        "torch.unique(x, dim=0), torch.masked_select(x, torch.tensor([True, False, True]))",
        "torch.logsumexp(x, dim=(0, 1)), torch.std_mean(x, unbiased=False), v.argsort(descending=True)",
        "x.chunk(4, 1), torch.arange(5).chunk(4), x.split(2, dim=1)[1].is_contiguous()",
        "torch.cumsum(torch.tensor([1, 2], dtype=torch.int32), 0), torch.tensor([True, False]).cumsum(0)",
        "torch.isclose(v, v.double())", "torch.count_nonzero(x, (0, 1)), x.new_tensor(x)",
        "torch.zeros(2, 3, dtype=torch.int64).scatter_(0, torch.tensor([[1, 0, 1]]), 7)",
        "torch.einsum('ij,ij->', x, x), torch.einsum('ii', torch.ones(2, 2)), torch.einsum('...ij->...ji', x)",
        "m = torch.arange(9., requires_grad=True).reshape(3, 3)\ntorch.einsum('ii->i', m), torch.einsum('bi,bi->b', m, m)",
        "torch.einsum('...i,...i->...', m, m), torch.einsum('i...->...', m)",
        ("torch.einsum('bij,bjk->bik', torch.ones(1, 2, 3), torch.ones(4, 3, 2)).shape, "
        "torch.einsum('ij,jk->ik', torch.ones(2, 1), torch.ones(3, 2))"),
    ],
    "gradients": [
        ("x = torch.tensor([[0.5, -1.25, 2.], [1.5, 0.25, -0.75]], requires_grad=True)\n"
        "w = torch.tensor([[1., 2., 3.], [-1., 0.5, 2.]])\n"
        "def grad_of(f):\n    x.grad = None\n    y = f(x)\n    (y * torch.ones_like(y).cumsum(-1)).sum().backward()\n"
        "    return y.grad_fn, x.grad"),
        "grad_of(lambda t: t.gather(1, torch.tensor([[2, 2], [0, 1]])))",
        "grad_of(lambda t: t.index_select(1, torch.tensor([2, 0, 2])))",
        "grad_of(lambda t: t.masked_select(t > 0))", "grad_of(lambda t: t.repeat(2, 2))",
        "grad_of(lambda t: t.sort(1, descending=True).values)", "grad_of(lambda t: t.topk(2).values)",
        "grad_of(lambda t: t.median(0).values)", "grad_of(lambda t: t.median().reshape(1))",
        "grad_of(lambda t: t.cumprod(1))", "grad_of(lambda t: t.cumsum(0))", "grad_of(lambda t: t.logsumexp(1))",
        "grad_of(lambda t: t.flip(0, 1) * w)", "grad_of(lambda t: t.tril() + t.triu(1) * 2)",
        "grad_of(lambda t: t.diagonal(1))", "grad_of(lambda t: torch.diag(t[0]))", "grad_of(lambda t: t[:, :2].trace().reshape(1))",
        "grad_of(lambda t: t.scatter(1, torch.tensor([[1], [2]]), 0.))",
        "grad_of(lambda t: torch.zeros(2, 3).scatter_add(1, torch.tensor([[0, 0, 1], [2, 2, 2]]), t))",
        "grad_of(lambda t: torch.std_mean(t, 1)[0] + torch.var_mean(t, 1)[1])",
        "grad_of(lambda t: torch.einsum('ij,kj->ik', t, w))", "grad_of(lambda t: torch.einsum('ij->j', t))",
        "grad_of(lambda t: torch.nan_to_num(t.log()))", "grad_of(lambda t: torch.cat(t.split(1, 1)[::-1], 1))",
        "grad_of(lambda t: torch.stack(t.chunk(2, 0)[::-1]).reshape(2, 3))", "grad_of(lambda t: t.unbind(1)[2])",
    ],
    "new_tensors": [
        ("x = torch.ones(2, dtype=torch.float64)\nx.new_zeros(2), x.new_ones((2, 1)), x.new_full((2,), 3), "
        "x.new_tensor([1, 2]), x.new_zeros(size=(1,)), torch.tensor([1, 2]).new_ones(2)"),
        "x.new_zeros(2, requires_grad=True), x.new_ones(1, dtype=torch.int64)",
    ],
    "index_tensor_out_of_range": [
        "C = torch.ones(27, 10, requires_grad=True)\nC[torch.tensor([30])]", "C[torch.tensor([[1, -28]])]",
        "torch.arange(5)[torch.tensor([5])]", "C.detach()[torch.tensor([2, 27])]",
        "C[torch.tensor([26, -27])].shape, torch.arange(5)[torch.tensor([[4, -5]])]",
    ],
    "cuda_on_a_cpu_build": [
        ("torch.cuda.is_available(), torch.cuda.device_count(), torch.cuda.manual_seed(0), "
        "torch.cuda.manual_seed_all(0), torch.backends.mps.is_available()"),
        "torch.device('cuda' if torch.cuda.is_available() else 'cpu')", "torch.ones(2).cuda()",
        "torch.ones(2).to('cuda')", "torch.ones(2).to('cuda:0')", "torch.ones(2, device='cuda')",
        "torch.randn(2, device='cuda')", "torch.tensor([1.], device='cuda')", "torch.cuda.current_device()",
        "torch.ones(2).to('cpu')",
    ],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_tensor_api_matches_pytorch(name):
    assert_same_as_pytorch(CASES[name], "tensor_api", name)


def test_meshgrid_without_indexing_warns_once():
    """PyTorch asks for indexing= once per process; ours too, with the same text (torch's own once-state may be
    spent by an earlier test in this process: then only ours is checked, against the text torch gave before)."""
    real = require("torch")
    from autograd_magic import torch as ours
    from autograd_magic.engine import tensor_base as engine_tensor
    engine_tensor._WARNED.difference_update([m for m in engine_tensor._WARNED if m.startswith("torch.meshgrid")])
    seen = []
    for module in (real, ours):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", append=True)
            module.meshgrid(module.ones(2), module.ones(3))
            module.meshgrid(module.ones(2))
        seen.append([str(w.message) for w in caught])
    want, got = seen
    assert len(got) == 1 and got[0].startswith("torch.meshgrid: in an upcoming release, it will be required")
    assert want in ([], got)
