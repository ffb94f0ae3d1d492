"""Operands and arguments PyTorch's parser refuses, checked against PyTorch (the "still different" list of
probes 13 and 14, and what trying them found next to it): add/sub/mul given a list, None, a string or a numpy array
(the engine handed back ``NotImplemented`` as a value, or an AttributeError), their aliases multiply / subtract /
true_divide / divide / rsub (PyTorch's overload lists; rsub's alpha), load_state_dict given lists or numpy arrays,
recurrent layers given a sequence of length 0, F.pad given floats, convolutions with a negative size; the
comparisons' aliases (greater, less_equal, not_equal ...) given a list or None; out= on outer, tril, triu, diag,
index_select, masked_select, argsort, all, any; matmul, maximum, minimum, fmax, fmin and the *_like factories
given what is not a tensor; torch.tensor / torch.Tensor given None or objects; round's decimals (not on integers),
roll's shifts without dims, torch.reshape's and torch.flip's one tuple argument, factories called without a
size; the factories whose own code took what PyTorch's parser refuses (randint without a size or with an int one,
linspace without steps, full with an int size, normal without a size)."""

import pytest

from helpers import EVAL_CASES as LOOP, assert_same_as_pytorch


CELLS = {
    'operands_of_add_sub_mul': ['''import numpy as np
t = torch.ones(2)
CASES = [
    'torch.add(1, t)',
    'torch.add(t, [1, 2])',
    'torch.mul(2.0, t)',
    'torch.sub(1, t)',
    'torch.div(1, t)',
    'torch.add(np.ones(2), t)',
    'torch.add([1], 2)',
    'torch.mul([1.0], t)',
    'torch.add(None, t)',
    'torch.add(t, None)',
    "torch.add('a', t)",
    "torch.mul(t, 'a')",
    'torch.true_divide(1, t)',
    'torch.add(1, 2, alpha=2)',
    'torch.add(True, 2)',
    'torch.maximum([1], t)',
    'torch.pow([1], 2)',
    'torch.pow(2, t)',
    'torch.atan2([1.], t)',
    'torch.mul(1, 2.5)',
    'torch.add(t, 1, alpha=[1])',
]
''' + LOOP],
    'methods_and_aliases': ['''t = torch.ones(2)
CASES = [
    't.add([1, 2])',
    't.mul(None)',
    "t.sub('a')",
    't.div([1.])',
    't.add_([1, 2])',
    't.mul_(None)',
    't.true_divide([1])',
    't.multiply([1])',
    'torch.multiply([1], t)',
    'torch.subtract(t, [1])',
    'torch.true_divide(t, None)',
    "torch.div([1], t, rounding_mode='floor')",
    'torch.rsub(t, [1])',
    't.add(1, alpha=[1])',
]
''' + LOOP],
    'valid_alias_calls': ['''import numpy as np
t = torch.tensor([1., 2.]); i = torch.tensor([3, 4])
CASES = [
    'torch.multiply(t, 2)',
    'torch.multiply(t, t)',
    'torch.multiply(2, t)',
    'torch.subtract(t, 1, alpha=2)',
    'torch.subtract(t, t, alpha=2)',
    'torch.true_divide(t, 2)',
    'torch.true_divide(i, 2)',
    'torch.true_divide(2, t)',
    'torch.rsub(t, 1)',
    'torch.rsub(t, t, alpha=2)',
    'torch.rsub(t, 1, 2)',
    "torch.divide(t, 2, rounding_mode='floor')",
    'torch.divide(t, t)',
    'torch.divide(i, 2, rounding_mode=None)',
    'torch.divide(t, 2, rounding_mode=None)',
    't.multiply(2)',
    't.multiply(t)',
    "t.divide(t, rounding_mode='trunc')",
    't.subtract(1)',
    't.subtract(t, alpha=3)',
    't.true_divide(np.float32(2))',
    'torch.multiply(t, np.float64(2))',
    'torch.multiply(t, np.array(2.))',
    't.multiply(True)',
    'torch.multiply(t, other=t)',
    'torch.multiply(input=t, other=2)',
    'torch.add(t, 1, alpha=2)',
    'torch.add(t, np.int64(2))',
    't.add(np.float32(1))',
    't.mul_(2)',
    't.add_(t, alpha=0.5)',
    'torch.add(t, other=t, alpha=2)',
    'torch.add(input=t, other=3)',
    't.sub(other=t)',
    'torch.mul(t, torch.tensor(2))',
    'torch.add(1.5, 2.5)',
    'torch.add(True, t)',
    'torch.add(t, t, out=torch.empty(2))',
    'torch.mul(t, other=None)',
    't.add(t, alpha=None)',
]
''' + LOOP],
    'rnn_and_state_dict': ['''nn = torch.nn; F = torch.nn.functional
torch.manual_seed(0)
CASES = [
    'nn.RNN(3, 4)(torch.zeros(0, 1, 3))',
    'nn.LSTM(3, 4, batch_first=True)(torch.zeros(2, 0, 3))',
    'nn.GRU(3, 4)(torch.zeros(0, 3))',
    'nn.GRU(3, 4, batch_first=True)(torch.zeros(0, 2, 3))[0].shape',
    'nn.RNN(3, 4)(torch.zeros(0, 1, 3), torch.zeros(2, 1, 4))',
    'nn.LSTM(3,4)(torch.zeros(0, 1, 3), (torch.zeros(1,1,4), torch.zeros(1,1,4)))',
    "nn.Linear(2,2).load_state_dict({'weight': [[1.,2.],[3.,4.]], 'bias': [0.,0.]})",
    "nn.Linear(2,2).load_state_dict({'weight': torch.ones(2,2), 'bias': 3})",
    "nn.Linear(2,2).load_state_dict({'weight': torch.ones(3,2), 'bias': 3})",
    "nn.Linear(2,2).load_state_dict({'bias': 3}, strict=False)",
    "nn.BatchNorm1d(2).load_state_dict({'weight': torch.ones(2), 'bias': torch.ones(2), 'running_mean': [0., 0.], 'running_var': torch.ones(2), 'num_batches_tracked': 0})",
]
''' + LOOP],
    'pad_and_conv_sizes': ['''import numpy as np
nn = torch.nn; F = torch.nn.functional
CASES = [
    'nn.Conv2d(-1, 2, 3)',
    'nn.Conv2d(2, -2, 3)',
    'nn.Conv1d(2, 2, -3)',
    'nn.ConvTranspose2d(-1, 2, 3)',
    'F.pad(torch.ones(2), (np.int64(1), 1)).shape',
    'F.pad(torch.ones(2), (True, 1)).shape',
    'F.pad(torch.ones(2), (torch.tensor(1), 1)).shape',
    'F.pad(torch.ones(2), (1, 1.0))',
    'F.pad(torch.ones(2), pad=(1.0, 1))',
    'F.pad(torch.ones(2), (1, None))',
    'F.pad(torch.ones(2), [1, "a"])',
    'F.pad(torch.ones(2), (np.float32(1), 1))',
    'F.pad(torch.ones(1,2,3), (1, 1), mode="reflect").shape',
    'F.pad(torch.ones(1,2,3), [2, 0]).shape',
    'nn.ZeroPad2d(1)(torch.ones(1,2,2)).shape',
    'nn.ReflectionPad1d((1,1))(torch.ones(1,2,3)).shape',
]
''' + LOOP],
    'comparison_aliases': ['''import numpy as np
t = torch.tensor([1., 2.])
CASES = [f"{call}" for n in ["greater", "greater_equal", "less", "less_equal", "not_equal", "gt", "eq"]
         for call in [f"torch.{n}(t, [1, 2])", f"torch.{n}(t, None)", f"t.{n}('a')", f"torch.{n}(t, 1)", f"t.{n}(t)",
                      f"t.{n}(1.5)", f"torch.{n}(t, np.float32(1))", f"torch.{n}(t, np.ones(2))", f"torch.{n}(2, t)",
                      f"t.{n}_(1)"]]
''' + LOOP],
    'out_arguments': ['''t = torch.tensor([[1., -2.], [3., 4.]])
v = torch.tensor([1., 2.])
CASES = ["torch.outer(v, v, out=torch.empty(2, 2))", "torch.tril(t, out=torch.empty(0))",
         "torch.triu(t, 1, out=torch.empty(2, 2))", "torch.diag(t, out=torch.empty(2))", "torch.diag(v, out=torch.empty(2, 2))",
         "torch.index_select(t, 0, torch.tensor([1]), out=torch.empty(1, 2))",
         "torch.masked_select(t, t > 0, out=torch.empty(3))",
         "torch.argsort(t, stable=True, dim=1, out=torch.empty(2, 2, dtype=torch.long))",
         "torch.all(t > 0, out=torch.empty((), dtype=torch.bool))", "torch.any(t > 0, 1, out=torch.empty(2, dtype=torch.bool))",
         "torch.all(t, out=torch.empty(0))", "torch.outer(v.requires_grad_(), v, out=torch.empty(2, 2))",
         "torch.tril(t, out=torch.empty(3, 3))"]
''' + LOOP],
    'permute_dims_keyword': ['''t = torch.ones(2, 3)
CASES = ["torch.permute(t, dims=(1, 0)).shape", "t.permute(dims=[1, 0]).shape", "t.permute(dims=(1, 0)).shape",
         "torch.permute(input=t, dims=(1, 0)).shape", "t.permute((1, 0), dims=(1, 0))", "t.permute(1, dims=0)",
         "t.permute()", "torch.permute(t)", "t.permute(1, 0).shape", "t.permute((1, 0)).shape", "t.permute(0, 0)"]
''' + LOOP],
    'tensor_operands_of_matmul_maximum_like': ['''t = torch.ones(2)
import numpy as np
CASES = ["torch.matmul(t, [1., 2.])", "torch.matmul(None, t)", "torch.matmul(t, 1.5, 2)", "t.matmul(1.5)",
         "t.matmul([1., 2.])", "torch.maximum(t, 1.5)", "torch.maximum(t, [1., 2.])", "torch.minimum(t)",
         "t.maximum(1.5)", "t.minimum(None)", "torch.maximum(t, np.ones(2))", "torch.fmax(t, 1.5)",
         "torch.fmin(t, [1.])", "torch.maximum(t, torch.tensor(3.), out=torch.empty(2))",
         "torch.zeros_like(None)", "torch.ones_like([1., 2.])", "torch.zeros_like(t, 1.5)", "torch.full_like(t)",
         "torch.full_like(t, None)", "torch.empty_like(t, 1.5).shape", "torch.rand_like(None)", "torch.randn_like([1.])",
         "torch.zeros_like(t, dtype=torch.int64)", "torch.full_like(t, 3, dtype=torch.float64)",
         "torch.ones_like(t, requires_grad=True)", "torch.zeros_like(t, memory_format=torch.preserve_format)"]
''' + LOOP],
    'tensor_data_that_is_not_numbers': ['''import numpy as np
CASES = ["torch.tensor(None)", "torch.tensor([1, None])", "torch.tensor([[1], [None]])", "torch.tensor({1: 2})",
         "torch.tensor(object())", "torch.tensor(set([1]))", "torch.as_tensor(None)", "torch.tensor('a')",
         "torch.tensor([1, 'a'])", "torch.tensor(None, dtype=torch.float32)",
         "torch.tensor([1.5, None], dtype=torch.float64)", "torch.tensor([1, None], dtype=torch.int64)",
         "torch.tensor(None, dtype=torch.bool)", "torch.FloatTensor([None])", "torch.LongTensor([None])",
         "torch.Tensor(None)", "torch.Tensor(3.5)", "torch.Tensor([None])", "torch.Tensor('ab')",
         "torch.Tensor(np.float32(2))", "torch.Tensor(True)", "torch.Tensor([[1, 2], [3]])", "torch.Tensor({1: 2})",
         "torch.Tensor(torch.Size([2, 3])).shape", "torch.Tensor(np.ones(2))", "torch.Tensor(range(3))",
         "torch.Tensor((1, 2))"]
''' + LOOP],
    'factories_as_the_parser_reads_them': ['''import numpy as np
torch.manual_seed(0)
g = torch.Generator().manual_seed(1)
x = torch.ones(2, 3)
CASES = ["torch.linspace(0, 1)", "torch.linspace(0, 1, 5.0)", "torch.linspace(0, 1, steps=None)", "torch.linspace(0, 1, -1)",
         "torch.logspace(0, 1)", "torch.full((2, 2))", "torch.full(2, 3.)", "torch.full([2], None)", "torch.eye()",
         "torch.eye(2.5)", "torch.arange()", "torch.arange(None)", "torch.arange(end=3)", "torch.arange(start=2)",
         "torch.randint(5)", "torch.randint(0, 5)", "torch.randint(5, 2)", "torch.randperm(3.0)", "torch.normal(0, 1)",
         "torch.randint(0, 27, (8,), generator=g)", "torch.randint(5, x.shape).shape",
         "torch.randint(low=0, high=5, size=(3,), generator=g)", "torch.randint(0, 5, size=[2])",
         "torch.randint(3, (2,), dtype=torch.int32)", "torch.randint(torch.tensor(5), (2,)).shape",
         "torch.full(x.shape, 0.5)", "torch.full((2,), 3, dtype=torch.int64)", "torch.full([2], True)",
         "torch.full((2,), torch.tensor(2.))", "torch.full(size=(1,), fill_value=2.)", "torch.arange(len(x))",
         "torch.arange(np.int64(3))", "torch.arange(torch.tensor(3))", "torch.arange(0, 1, 0.25, dtype=torch.float64)",
         "torch.linspace(torch.tensor(0.), torch.tensor(1.), 3)", "torch.linspace(0, 1, steps=3)",
         "torch.logspace(0, 2, 3, base=2)", "torch.eye(x.shape[0])", "torch.eye(2, 3)", "torch.eye(n=2)",
         "torch.randperm(4, generator=g)", "torch.normal(torch.zeros(2), torch.ones(2), generator=g)",
         "torch.normal(torch.zeros(2), 1.)", "torch.normal(0.5, torch.ones(2), generator=g)",
         "torch.normal(2, 3, size=(1, 4), generator=g)", "torch.normal(mean=torch.zeros(2))",
         "torch.normal(0., 1., (2,), generator=g)"]
''' + LOOP],
    'round_decimals_roll_reshape_flip_factories': ['''t = torch.tensor([1.2345, -2.5, 0.5, 1.5]); i = torch.tensor([1, 2])
m = torch.ones(2, 3)
CASES = ["torch.round(t, decimals=2)", "t.round(decimals=1)", "torch.round(i, decimals=1)",
         "torch.round(i, decimals=0)", "torch.round(i)", "torch.round(i.int(), decimals=2)",
         "torch.round(torch.tensor([True]), decimals=1)", "torch.floor(t, decimals=1)", "t.round(1)",
         "torch.round(t, 1)", "torch.round(t, decimals=1.5)", "t.round(decimals=None)", "t.clone().round_(decimals=2)",
         "t.round_(2)", "torch.round(t, decimals=2, out=torch.empty(4))", "torch.round(t, decimals=-1)",
         "torch.roll(t, [1, 2])", "torch.roll(t, (1, 2), 0)", "torch.roll(t, [1])", "torch.reshape(m, None)",
         "torch.reshape(m, [1.5, 4])", "torch.reshape(m, [6, 1.5])", "torch.reshape(m, 2, 3)", "torch.reshape(m, 6)",
         "torch.reshape(m, shape=(3, 2)).shape", "torch.reshape(input=m, shape=[6]).shape", "torch.reshape(m)",
         "torch.reshape()", "torch.reshape(x=m, shape=[6]).shape", "torch.reshape(m, [6], extra=1)",
         "torch.reshape(m, (True, 6))", "torch.reshape(m, torch.Size([3, 2])).shape", "torch.flip(m, None)",
         "torch.flip(m, 0)", "torch.flip(m, [0, 1.5])", "torch.flip(m, 0, 1)", "torch.flip(m, dims=[1])",
         "torch.flip(m, dim=[0])", "m.reshape(None)", "m.flip(None)", "torch.ones()", "torch.zeros()", "torch.empty()",
         "torch.rand()", "torch.randn()", "torch.randn(dtype=torch.float64)", "torch.ones(()).shape",
         "torch.zeros([]).shape", "torch.ones(size=(2,)).shape"]
''' + LOOP],
    'pair_outs_random_linspace_einsum_norm_split': ['''import warnings
import numpy as np
t = torch.tensor([[3., 1., 2.], [1., 1., 0.]]); m = torch.arange(12.).reshape(3, 4) - 5
v = torch.tensor([3., 1., 2., 1.]); b = torch.arange(24.).reshape(2, 3, 4) - 7; sq = torch.ones(3, 3)
E, L = torch.empty, torch.long
CASES = ["torch.sort(t, 1, out=(E(0), E(0, dtype=L)))", "torch.sort(t, dim=0, descending=True, out=[E(6), E(6, dtype=L)])",
         "torch.sort(t, out=(E(0),))", "torch.sort(t, out=(E(0), E(0)))", "torch.sort(t, out=E(0))",
         "torch.sort(t, stable=True, out=(E(0, dtype=torch.float64), E(0, dtype=L)))",
         "torch.topk(t, 2, out=(E(0), E(0, dtype=L)))", "torch.topk(t, 2, out=E(0))",
         "torch.topk(t, 2, out=(E(0, dtype=L), E(0, dtype=L)))", "torch.max(t, 1, out=(E(0), E(0, dtype=L)))",
         "torch.min(t, 0, keepdim=True, out=(E(0), E(0)))", "torch.max(t, out=E(0))",
         "torch.kthvalue(t, 2, out=(E(0), E(0, dtype=L)))", "torch.kthvalue(t, 2, out=(E(0), E(0)))",
         "torch.kthvalue(t, 2, out=(E(0, dtype=L), E(0, dtype=L)))", "torch.median(t, 1, out=(E(0), E(0, dtype=L)))",
         "torch.median(t, 1, out=(E(0), E(0)))", "torch.nanmedian(t, 1, out=(E(0, dtype=torch.float64), E(0, dtype=L)))",
         "torch.median(t, out=E(0))", "torch.mode(t, 1, out=(E(0), E(0, dtype=L)))", "torch.mode(t, 1, out=(E(0), E(0)))",
         "torch.mode(t, 1, out=E(0))", "torch.cummax(t, 1, out=(E(0), E(0, dtype=L)))",
         "torch.cummin(t, 0, out=(E(0, dtype=torch.float64), E(0, dtype=L)))", "torch.aminmax(t, dim=1, out=(E(0), E(0)))",
         "torch.aminmax(t, dim=1, out=(E(0), E(0, dtype=L)))",
         "torch.sort(t.clone().requires_grad_(), out=(E(0), E(0, dtype=L)))",
         "torch.argsort(v, out=E(4, dtype=L))", "torch.argsort(v, stable=True, out=E(4, dtype=L))",
         "torch.argsort(v, descending=True)", "v.argsort(stable=True)",
         "torch.linspace(torch.tensor([0.]), 1, 3)", "torch.linspace(0, torch.tensor([1., 2.]), 3)",
         "torch.logspace(torch.tensor([0.]), 1, 3)", "torch.linspace(torch.tensor([[0.]]), torch.tensor([1.]), 3)",
         "torch.linspace(torch.tensor(0.), torch.tensor(1.), 3)",
         "torch.einsum('ii', m)", "torch.einsum('iji', torch.ones(2, 3, 4))", "torch.einsum('ij,ij', sq, m)",
         "torch.einsum('ij')", "torch.einsum()", "torch.einsum(m)", "torch.einsum('ii->i', sq)", "torch.einsum(sq, [0, 0])",
         "torch.einsum('ij,jk->ik', [sq, sq])",
         "torch.norm(m, 'nuc')", "torch.norm(m, p='abc')", "torch.norm(b, 'nuc', dim=(1, 2))", "torch.norm(b, 'nuc')",
         "torch.norm(v, 'nuc')", "m.norm('nuc')", "m.norm(p='nuc', keepdim=True)", "torch.norm(b, 'fro', dim=(0, 2))",
         "torch.norm(m, 'nuc', dim=0)", "torch.norm(m, dtype=torch.float64)", "torch.norm(m, 'nuc', dtype=torch.float64)",
         "torch.split(m, torch.tensor(2))", "torch.split(m, 2.0)", "torch.split(m, [1.0, 2.0])",
         "torch.split(m, torch.tensor([1, 2]))", "torch.split(m, None)", "torch.split(m, np.array([1, 2]))",
         "m.split(np.int64(2))", "m.split(torch.tensor(2))", "m.split(split_size=2)", "torch.split(m, True)",
         "torch.split(m, [np.int64(1), np.int64(2)])"]
''' + LOOP + '''
for dt in [torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8, torch.bool, torch.float32, torch.float64,
           torch.float16]:
    torch.manual_seed(0)
    print(dt, torch.empty(4, dtype=dt).random_().tolist())
for make in [lambda: torch.empty(3).random_(5), lambda: torch.empty(3, dtype=torch.long).random_(2, None),
             lambda: torch.empty(3).random_(2, None), lambda: torch.empty(3, dtype=torch.int8).random_(-3, None),
             lambda: torch.empty(3).random_(to=4), lambda: torch.empty(3).random_(3, to=9)]:
    torch.manual_seed(1)
    print(make())
x = torch.tensor([[1., 2.], [3., 4.5]], requires_grad=True)
y = torch.norm(x, 'nuc'); y.backward(); print(y, x.grad)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_operands_and_arguments_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
