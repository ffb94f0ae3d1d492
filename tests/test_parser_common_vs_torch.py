"""Common functions given arguments of the wrong type, checked against PyTorch (probe 17, the scan of probe 16):
bmm, outer, cross, cosine_similarity, cdist given a list, None, a string or a numpy array; chunk, flatten, transpose,
permute, narrow and roll given a float, None or a list for a dim or a size; index_select, gather, masked_select,
repeat_interleave, diag, tril, triu; topk, sort, argsort, all and any. PyTorch's parser refuses them with its
TypeError (engine/arg_parser.py holds the signatures); each cell has valid calls of the same functions as well
(positional, keyword, numpy's axis=, negative dims, numpy integers), which must keep their values."""

import pytest

from helpers import EVAL_CASES as LOOP, assert_same_as_pytorch


CELLS = {
    'products_and_distances': ['''import numpy as np
b = torch.arange(24.).reshape(2, 3, 4)
c = torch.arange(8.).reshape(2, 4, 1)
v = torch.tensor([1., 2., 3.])
w = torch.tensor([3., 1., 2.])
x = torch.arange(6.).reshape(2, 3)
y = torch.tensor([[1., 0., 2.], [0., 1., 1.]])
CASES = [
    'torch.bmm(b, c)', 'torch.bmm(input=b, mat2=c)', 'b.bmm(c)', 'b.bmm(mat2=c)',
    'torch.bmm(b, [1])', 'torch.bmm(b, None)', 'b.bmm(np.ones(2))', 'torch.bmm()', 'torch.bmm(b)', 'b.bmm()',
    'torch.bmm(b, c, None)', 'torch.bmm(b, c, 1)',
    'torch.outer(v, w)', 'torch.outer(input=v, vec2=w)', 'v.outer(w)', 'v.outer(vec2=w)', 'torch.ger(v, w)',
    'torch.outer(v, [1])', 'v.outer(None)', 'torch.outer(v, 2.0)', 'torch.outer()',
    'torch.cross(x, y, dim=1)', 'torch.cross(x, y, -1)', 'x.cross(y, 1)', 'x.cross(y, dim=-1)',
    'torch.cross(input=x, other=y, dim=1)', 'torch.cross(x, y, np.int64(1))', 'torch.cross(x, y, axis=1)',
    'torch.cross(x, [1, 2, 3])', 'torch.cross(x, y, 1.0)', 'x.cross(None)', 'torch.cross(None, y)', 'torch.cross()',
    'torch.cosine_similarity(x, y)', 'torch.cosine_similarity(x, y, 0)',
    'torch.cosine_similarity(x, y, dim=-1, eps=1e-3)', 'torch.cosine_similarity(x1=x, x2=y)',
    'torch.cosine_similarity(x, x2=y, dim=0)', 'torch.cosine_similarity(x, y, 1, 1)',
    'torch.cosine_similarity(x, y, 1, np.float32(0.1))', 'torch.cosine_similarity(x, y, 1, torch.tensor(0.5))',
    'torch.cosine_similarity(x, y, axis=0)', 'torch.cosine_similarity(x1=x, x2=y, dim=np.int64(0))',
    'torch.cosine_similarity(x, [1.])', 'torch.cosine_similarity(x, y, None)', 'torch.cosine_similarity(x, y, 1, "a")',
    'torch.cosine_similarity(x, y, 1.0)', 'torch.cosine_similarity(x, y, eps=None)', 'torch.cosine_similarity()',
    'torch.cdist(x, y)', 'torch.cdist(x, y, 1)', 'torch.cdist(x, y, p=1.5)', 'torch.cdist(x1=x, x2=y)',
    'torch.cdist(x, x2=y, p=0)', 'torch.cdist(x, y, 2, "use_mm_for_euclid_dist")', 'torch.cdist(x, y, np.float32(3))',
    'torch.cdist(x, y, compute_mode="donot_use_mm_for_euclid_dist")', 'torch.cdist(x, y, torch.tensor(1.))',
    'torch.cdist(x[None], y[None])',
    'torch.cdist(x, [1])', 'torch.cdist(x, None)', 'torch.cdist(x, "a")', 'torch.cdist(x, 1.0)',
    'torch.cdist(x, np.ones((2, 3)))', 'torch.cdist(None, y)', 'torch.cdist()', 'torch.cdist(x)',
    'torch.cdist(x, y, None)', 'torch.cdist(x, y, p=None)', 'torch.cdist(x, y, "x")', 'torch.cdist(x, y, 2, "bad")',
    'torch.cdist(x, y, foo=1)', 'torch.cdist(x, y, axis=0)', 'torch.cdist(x, [1], "x")', 'torch.cdist(x, y, [2])',
]
''' + LOOP],
    'shapes_and_views': ['''import numpy as np
t = torch.tensor([[1., -2., 3.], [4., 5., -6.]])
b = torch.arange(24.).reshape(2, 3, 4)
CASES = [
    'torch.chunk(t, 2)', 'torch.chunk(t, 2, 1)', 'torch.chunk(t, 3, dim=-1)', 't.chunk(3, 1)',
    't.chunk(chunks=2, dim=1)', 'torch.chunk(t, chunks=2, axis=1)', 'torch.chunk(t, np.int64(2))', 't.chunk(2, axis=1)',
    'torch.chunk(t, None)', 'torch.chunk(t, 2.0)', 't.chunk([1])', 't.chunk(2, None)', 'torch.chunk()', 't.chunk()',
    'torch.chunk(t, 2, dim=1, chunks=3)',
    'torch.flatten(b)', 'torch.flatten(b, 1)', 'torch.flatten(b, -2, -1)', 'torch.flatten(b, end_dim=-2)',
    'b.flatten(start_dim=1, end_dim=2)', 'b.flatten(0, -2)', 'torch.flatten(b, np.int64(1))',
    'torch.flatten(b, 1.0)', 'b.flatten(None)', 'b.flatten(1, "a")', 'torch.flatten(b, 0, 1, 2)', 'torch.flatten()',
    'torch.transpose(t, 0, 1)', 'torch.transpose(t, -1, -2)', 'torch.transpose(t, dim0=1, dim1=0)',
    't.transpose(dim0=0, dim1=1)', 'torch.transpose(t, np.int64(0), 1)', 't.transpose(torch.tensor(0), 1)',
    'torch.transpose(t, 0.0, 1)', 't.transpose(None, 1)', 't.transpose(0, "a")', 't.transpose(0)',
    'torch.transpose(t, [0, 1])', 't.transpose(True, 0)',
    'torch.permute(t, (1, 0))', 'torch.permute(t, [1, 0])', 'torch.permute(b, (-1, 0, 1))', 't.permute(1, 0)',
    'torch.permute(t, 1, 0)', 'torch.permute(t, None)', 'torch.permute(t, (1.0, 0))', 'torch.permute(t, (1, 0.0))',
    'torch.permute(t)',
    'torch.narrow(t, 1, 0, 2)', 'torch.narrow(t, -1, 1, 2)', 'torch.narrow(t, dim=0, start=1, length=1)',
    't.narrow(0, torch.tensor(1), 1)', 't.narrow(axis=1, start=0, length=1)',
    'torch.narrow(t, 1, 0.0, 2)', 't.narrow(None, 0, 1)', 't.narrow(1, 0)', 'torch.narrow(t, 1, 0, 2.0)',
    'torch.narrow()',
    'torch.roll(t, 1)', 'torch.roll(t, -1, 1)', 'torch.roll(t, (1, 1), (0, 1))', 'torch.roll(t, shifts=1, dims=1)',
    't.roll(1, 1)', 't.roll(shifts=2, dims=-1)', 'torch.roll(t, 1, None)', 't.roll(1, None)',
    'torch.roll(t, np.int64(1))', 'torch.roll(t, torch.tensor(1))', 'torch.roll(t, torch.tensor([1]))',
    'torch.roll(t, 1.0)', 't.roll(None)', 't.roll(1, 1.0)', 't.roll("a")', 'torch.roll(t, [1, 2.0], [0, 1])',
    'torch.roll(t, (1.0,))', 'torch.roll(t, 1, (0.0,))', 'torch.roll(t, torch.tensor([1, 1]), (0, 1))',
]
''' + LOOP],
    'indexing_and_triangles': ['''import numpy as np
t = torch.tensor([[1., -2., 3.], [4., 5., -6.]])
v = torch.tensor([1., 2., 3.])
i = torch.tensor([0, 2])
ii = torch.tensor([[0, 1, 0], [1, 0, 1]])
m = t > 0
CASES = [
    'torch.index_select(t, 1, i)', 'torch.index_select(t, -1, i)', 'torch.index_select(t, dim=1, index=i)',
    't.index_select(0, torch.tensor([1]))', 't.index_select(axis=1, index=i)', 'torch.index_select(t, axis=1, index=i)',
    'torch.index_select(t, 1, [0])', 'torch.index_select(t, 1.0, i)', 't.index_select(None, i)',
    't.index_select(1, np.array([0]))', 'torch.index_select(t, 1)',
    'torch.gather(t, 1, ii)', 'torch.gather(t, -1, ii)', 'torch.gather(t, dim=1, index=ii)', 't.gather(0, ii[:, :2])',
    't.gather(axis=1, index=ii)', 'torch.gather(t, 1, ii, sparse_grad=False)',
    'torch.gather(t, 1.0, ii)', 't.gather(None, ii)', 't.gather(1, [[0]])',
    'torch.gather(t, 1, np.zeros((2, 2), dtype=np.int64))', 't.gather(1, ii, sparse_grad=None)',
    't.gather(1, ii, foo=2)', 'torch.gather()',
    'torch.masked_select(t, m)', 'torch.masked_select(input=t, mask=m)', 't.masked_select(mask=m)',
    'torch.masked_select(t, m[0])', 'torch.masked_select(t, [True])', 't.masked_select(None)',
    't.masked_select(np.ones(3, bool))', 'torch.masked_select(None, m)', 'torch.masked_select()',
    'torch.repeat_interleave(v, 2)', 'torch.repeat_interleave(t, 2, dim=1)',
    'torch.repeat_interleave(t, torch.tensor([1, 2]), dim=0)', 'torch.repeat_interleave(torch.tensor([1, 2]))',
    'torch.repeat_interleave(v, repeats=2)', 't.repeat_interleave(2, 1)', 't.repeat_interleave(repeats=2, dim=-1)',
    'torch.repeat_interleave(t, 2, axis=0)', 'torch.repeat_interleave(t, 2, 0, output_size=4)',
    'torch.repeat_interleave(t, np.int64(2))', 't.repeat_interleave(2, None)',
    'torch.repeat_interleave(t, 2.0)', 'torch.repeat_interleave(t, None)', 't.repeat_interleave([1, 2])',
    't.repeat_interleave(2, 1.0)', 'torch.repeat_interleave(None)', 'torch.repeat_interleave()',
    'torch.diag(v)', 'torch.diag(t, 1)', 'torch.diag(v, -1)', 'torch.diag(t, diagonal=-1)', 't.diag(1)',
    'torch.diag(t, np.int64(1))', 'torch.diag(input=v)',
    'torch.diag(t, 1.0)', 'torch.diag(t, None)', 't.diag("a")', 'torch.diag(None)', 't.diag(True)', 'torch.diag()',
    'torch.tril(t)', 'torch.tril(t, -1)', 'torch.tril(t, diagonal=1)', 't.tril(diagonal=-1)', 't.clone().tril_(1)',
    'torch.tril(t, 1.0)', 't.tril(None)', 'torch.tril([1.])', 't.clone().tril_(1.0)', 'torch.tril(t, 1, diagonal=2)',
    'torch.triu(t, 1)', 'torch.triu(t, diagonal=-1)', 't.triu(1)', 't.clone().triu_(-1)', 'torch.triu(t, np.int32(1))',
    'torch.triu(t, 1.0)', 't.triu(None)', 't.clone().triu_(None)', 'torch.triu(t, [1])',
]
''' + LOOP],
    'orderings_and_truth': ['''import numpy as np
t = torch.tensor([[1., -2., 3.], [4., 5., -6.]])
v = torch.tensor([1., 2., 3.])
m = t > 0
CASES = [
    'torch.topk(v, 2)', 'torch.topk(t, 1, 1)', 'torch.topk(t, 2, dim=-1, largest=False)',
    'torch.topk(t, k=1, dim=0, sorted=True)', 't.topk(k=2, largest=False)', 't.topk(2, -1, True, True)',
    'torch.topk(v, np.int64(2))', 'torch.topk(t, 1, axis=1)', 't.topk(2, axis=1)',
    'torch.topk(t, 2.0)', 't.topk(None)', 't.topk(1, 1.0)', 't.topk(1, largest=1)', 'torch.topk()', 't.topk()',
    'torch.sort(t)', 'torch.sort(t, 0)', 'torch.sort(t, dim=1, descending=True)', 'torch.sort(t, -1, True)',
    'torch.sort(t, stable=True)', 'torch.sort(t, stable=True, dim=0, descending=True)', 't.sort(descending=True)',
    't.sort(dim=0, stable=False)', 'torch.sort(t, axis=0)', 't.sort(stable=None)', 'torch.sort(t, stable=None)',
    'torch.sort(t, np.int64(0))', 't.sort(axis=0)',
    'torch.sort(t, 1.0)', 't.sort(None)', 't.sort(1, 1)', 't.sort(0, np.bool_(True))', 'torch.sort(v, [0])',
    'torch.sort()', 't.sort(1, True, 3)', 'torch.sort(a=t)',
    'torch.argsort(t)', 'torch.argsort(t, 0)', 'torch.argsort(t, dim=1, descending=True)', 'torch.argsort(t, -1, True)',
    'torch.argsort(t, stable=True)', 'torch.argsort(t, stable=True, dim=0)', 't.argsort(descending=True)',
    't.argsort(dim=0, stable=True)', 'torch.argsort(t, axis=0)', 't.argsort(axis=0)',
    'torch.argsort(t, 1.0)', 't.argsort(None)', 't.argsort(1, 1)', 't.argsort(stable=None)',
    'torch.argsort(t, stable=None)', 'torch.argsort(t, descending=None)', 'torch.argsort(v, [0])',
    'torch.all(m)', 'torch.all(m, 1)', 'torch.all(m, dim=0)', 'torch.all(m, 1, True)', 'torch.all(m, (0, 1))',
    'torch.all(m, dim=(0,), keepdim=True)', 'torch.all(t)', 'torch.all(m, axis=1)', 'torch.all(m, None)',
    'torch.all(m, keepdims=True, axis=0)', 'torch.all(m, np.int64(0))', 'torch.all(input=m, dim=0)', 'm.all(axis=1)',
    'torch.all(m, 1.0)', 'torch.all(m, "a")', 'torch.all(None)', 'torch.all([True])', 'torch.all(m, (0.0,))',
    'torch.all(m, (0, 1.0))', 'torch.all()',
    'torch.any(m)', 'torch.any(m, 1)', 'torch.any(m, dim=0)', 'torch.any(m, 1, True)', 'torch.any(m, [1])',
    'torch.any(m, axis=1)', 'm.any(keepdims=True, axis=0)', 'torch.any(m, None)',
    'torch.any(m, 1.0)', 'torch.any(m, np.ones(2))', 'torch.any(None)', 'torch.any([True])',
    'torch.any(m, 1, keepdim=None)', 'torch.any()',
]
''' + LOOP],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_common_functions_parse_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
