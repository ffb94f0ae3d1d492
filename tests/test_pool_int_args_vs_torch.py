"""Pooling sizes that are not ints, checked against PyTorch: `kernel_size = size / 2` is a float, and
F.max_poolNd (which calls torch.max_poolNd with its arguments in order), F.avg_poolNd (ATen's functions themselves)
and nn.MaxPool2d / nn.AvgPool2d raise the argument parser's TypeError naming the argument (by position where given
by position) instead of pooling with int() of it; a list or tuple of non-ints given by keyword is "not list" /
"not tuple", by position "found element of type float at pos 0" (also for reshape, permute, flip)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "float_and_none_pool_sizes": [
        '''import torch.nn.functional as F
import numpy as np
x = torch.ones(1, 1, 8, 8)
size = 4
calls = {
    "max k": lambda: F.max_pool2d(x, size / 2), "max k tuple": lambda: F.max_pool2d(x, (2, 2.0)),
    "max k list": lambda: F.max_pool2d(x, [2.0, 2]), "max stride": lambda: F.max_pool2d(x, 2, stride=2.0),
    "max None": lambda: F.max_pool2d(x, None), "max padding": lambda: F.max_pool2d(x, 2, padding=1.0),
    "max dilation": lambda: F.max_pool2d(x, 2, dilation=1.0), "max indices": lambda: F.max_pool2d(x, 2.0, return_indices=True),
    "max1d": lambda: F.max_pool1d(x[0], 2.0), "max3d": lambda: F.max_pool3d(x[None], 2.0),
    "avg k": lambda: F.avg_pool2d(x, 2.0), "avg k kw": lambda: F.avg_pool2d(x, kernel_size=2.0),
    "avg padding": lambda: F.avg_pool2d(x, 2, padding=0.0), "avg stride list kw": lambda: F.avg_pool2d(x, 2, stride=[2.0, 2]),
    "avg stride pos": lambda: F.avg_pool2d(x, 2, 2.0), "avg3d": lambda: F.avg_pool3d(x[None], 2, padding=1.0),
    "avg1d": lambda: F.avg_pool1d(x[0], 2.0), "MaxPool2d": lambda: torch.nn.MaxPool2d(size / 2)(x),
    "AvgPool2d": lambda: torch.nn.AvgPool2d(size / 2)(x), "ceil_mode int": lambda: F.max_pool2d(x, 2, 2, 0, 1, 1),
    "reshape kw": lambda: x.reshape(shape=[2.0, 32]), "permute kw": lambda: x.permute(dims=(0.0, 1, 2, 3)),
}
for name, call in calls.items():
    try:
        print(name, call())
    except (TypeError, RuntimeError) as e:
        print(name, type(e).__name__, e)
print(F.max_pool2d(x, np.int64(2)).shape, F.max_pool2d(x, (2, True)).shape, F.avg_pool2d(x, size // 2).shape,
      torch.nn.MaxPool2d(size // 2)(x).shape, F.avg_pool2d(x, 2, None).shape)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_pool_int_args_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"pool_int_args/{name}", warns="per_cell")
