"""What the hundred-and-sixtieth probe (the Examples blocks of PyTorch's Tensor reference for the in-place scatter /
index family, new_* / *_as, narrow, unfold, the splits, the in-place random samplers, fill_diagonal_, clamp_ with
tensor bounds, apply_ / map_) found, each checked against PyTorch: Tensor.apply_ and map_ wrote into a copy of a
non-contiguous tensor (a transposed or sliced view kept its old values); they stored the callable's result as numpy
converts it (None as nan, "3" as 3, a float past int8's range wrapping or numpy's OverflowError) where PyTorch
unpacks it as python_scalars.h's store_scalar does (a float type: __float__ / __index__ or "must be real number,
not str"; an integer type: a float truncated, an int through __index__, both checked: "value cannot be converted to
type uint8 without overflow", "Overflow when unpacking long long"; bool: any number's truth; complex: __complex__);
map_ took another dtype, a list, an `other` that requires grad and a shape it cannot be expanded to without
PyTorch's errors; apply_'s and map_'s argument errors are CPython's METH_O and PyTorch's parser's; Tensor.map2_ was
missing."""
import pytest

from helpers import assert_same_as_pytorch

ATTEMPT = '''import torch
def attempt(make):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
'''

CELLS = {
    "apply_and_map_write_through_views": [
        ATTEMPT + '''m = torch.zeros(2, 3)
m.t().apply_(lambda v: v + 5)
print(m)
m[:, 1].map_(torch.tensor([7., 8.]), lambda a, b: a * b)
print(m)
m[:, ::2].apply_(lambda v: -v)
print(m)
b = torch.zeros(2, 2)
b.map2_(torch.tensor([1., 2.]), torch.tensor([[10.], [20.]]), lambda a, x, y: a + x + y)
print(b, m._version)
''',
    ],
    "apply_stores_results_as_pytorch": [
        ATTEMPT + '''import numpy as np
values = [2.7, True, 1e30, float("nan"), 2 ** 63, -1, 300, 1 + 2j, "s", None, torch.tensor(3.5),
          torch.tensor([1, 2]), np.float32(1.5), 10 ** 400]
for dt in [torch.float32, torch.float16, torch.float64, torch.int64, torch.int8, torch.uint8, torch.bool,
           torch.complex64]:
    for v in values:
        attempt(lambda: torch.zeros(2, dtype=dt).apply_(lambda _: v).tolist())
seen = []
for dt in [torch.float32, torch.int64, torch.bool, torch.complex64]:
    torch.ones(1, dtype=dt).apply_(lambda v: seen.append(type(v).__name__) or 0)
print(seen)
''',
    ],
    "map_and_apply_argument_errors": [
        ATTEMPT + '''for make in [
        lambda: torch.zeros(3).map_(torch.ones(2), lambda a, b: a),
        lambda: torch.zeros(2, 3).map_(torch.ones(3, 1), lambda a, b: a),
        lambda: torch.zeros(3).map_(torch.ones(2, 3), lambda a, b: a),
        lambda: torch.zeros(3).map_([1., 2., 3.], lambda a, b: a),
        lambda: torch.zeros(3).map_(2., lambda a, b: a),
        lambda: torch.zeros(3).map_(torch.ones(3, dtype=torch.int64), lambda a, b: b),
        lambda: torch.zeros(3, dtype=torch.bool).map_(torch.ones(3), lambda a, b: b),
        lambda: torch.zeros(3, dtype=torch.complex64).map_(torch.ones(3), lambda a, b: b),
        lambda: torch.zeros(3).map_(torch.ones(3, requires_grad=True), lambda a, b: b),
        lambda: torch.zeros(3).map_(torch.ones(3)),
        lambda: torch.zeros(3).map_(),
        lambda: torch.zeros(3).map_(torch.ones(3), lambda a, b: a, 3),
        lambda: torch.zeros(3).map_(other=torch.ones(3), callable=lambda a, b: b + 1),
        lambda: torch.zeros(3).apply_(),
        lambda: torch.zeros(3).apply_(lambda v: v, 1),
        lambda: torch.zeros(3).apply_(callable=lambda v: v),
        lambda: torch.zeros(2).map2_(torch.ones(2, dtype=torch.int64), torch.ones(2), lambda a, b, c: a),
        lambda: torch.zeros(2).map2_(torch.ones(2), torch.ones(2, dtype=torch.float64), lambda a, b, c: a),
        lambda: torch.zeros(2).map2_(torch.ones(2), torch.ones(3), lambda a, b, c: a),
        lambda: torch.zeros(2).map2_(torch.ones(2), lambda a, b, c: a),
        lambda: torch.zeros(2).map2_(torch.ones(2), torch.ones(2, requires_grad=True), lambda a, b, c: a)]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe160_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
