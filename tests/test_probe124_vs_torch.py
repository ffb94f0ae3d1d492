"""What the hundred-and-twenty-fourth probe (leftovers of probes 117-123) found, each checked against PyTorch:
torch.tensor / as_tensor into torch.uint64 store each leaf as CPython's PyLong_AsUnsignedLongLong does (a float, a
numpy scalar or a tensor among the data: "an integer is required", depth first, before a later ragged row);
Tensor.split's dim through PyTorch's parser (split_with_sizes' "argument 'dim' (position 3) must be int", split's
invalid combination); torch.norm / Tensor.norm as PyTorch's Python front hands its arguments on (len(dim) for "fro",
then linalg_vector_norm's or linalg_matrix_norm's parser: a float or str dim, an int keepdim), matrix_norm's
order checked before its shape; the samplers' float arguments through the parser (nn.init.normal_(w, "1"),
w.normal_(tensor), x.cauchy_(1, 2, 3)); Module.share_memory, xpu, ipu and mtia, and Module.__call__ named
_wrapped_call_impl."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "uint64_literals_need_ints": [
        ATTEMPT + '''import numpy as np
for make in [
        lambda: torch.tensor([2**64 - 1, 1.5], dtype=torch.uint64),
        lambda: torch.tensor([2**64 - 1, 1], dtype=torch.uint64),
        lambda: torch.tensor(1.5, dtype=torch.uint64),
        lambda: torch.tensor([[1.0, 2.0]], dtype=torch.uint64),
        lambda: torch.tensor([True, 2], dtype=torch.uint64),
        lambda: torch.tensor([np.int64(3)], dtype=torch.uint64),
        lambda: torch.tensor([torch.tensor(1)], dtype=torch.uint64),
        lambda: torch.tensor([torch.tensor([1, 2]), [1]], dtype=torch.uint64),
        lambda: torch.tensor([[1.5], [1, 2]], dtype=torch.uint64),
        lambda: torch.tensor([[1], [1.5, 2]], dtype=torch.uint64),
        lambda: torch.tensor([1, None], dtype=torch.uint64),
        lambda: torch.tensor(np.array([1.5]), dtype=torch.uint64),
        lambda: torch.tensor([-1.5], dtype=torch.uint64),
        lambda: torch.as_tensor([1.5], dtype=torch.uint64),
        lambda: torch.tensor([1.5], dtype=torch.uint32),
]:
    attempt(make)
''',
    ],
    "split_and_norm_dims_through_the_parser": [
        ATTEMPT + '''import numpy as np
x = torch.arange(6.).reshape(2, 3)
for make in [
        lambda: x.split([1, 2], dim=1.5),
        lambda: torch.split(x, [1, 2], dim=1.5),
        lambda: x.split(1, dim=1.5),
        lambda: x.split([1, 2], dim=None),
        lambda: x.split([1, 2], dim="a"),
        lambda: x.split([1, 2], dim=np.int64(1)),
        lambda: x.split(1, dim=torch.tensor(1)),
        lambda: torch.norm(x, dim=1.5),
        lambda: x.norm(dim="a"),
        lambda: x.norm(dim=[1.5]),
        lambda: x.norm(p=2, dim=1.5),
        lambda: x.norm(p="nuc", dim=1.5),
        lambda: x.norm(p=1, dim=(0, 1.5)),
        lambda: x.norm(p=3, dim=1, keepdim=1),
        lambda: x.norm(p="abc", dim=1),
        lambda: x.norm(p="nuc", dim=(0, 1), keepdim=1),
        lambda: x.norm(p="fro", dim=(0, 1, 1)),
        lambda: x.norm(dim=np.int64(1)),
        lambda: x.norm(p=2, dim=True),
        lambda: x.norm(2, 1, True, torch.float64),
        lambda: torch.linalg.vector_norm(x, 2, (0, 1.5)),
        lambda: torch.linalg.vector_norm(x, "fro"),
        lambda: torch.linalg.matrix_norm(torch.ones(3), "abc"),
        lambda: torch.linalg.matrix_norm(x, 2.5),
]:
    attempt(make)
''',
    ],
    "init_samplers_and_module_devices": [
        ATTEMPT + '''import numpy as np
nn = torch.nn
torch.manual_seed(0)
w = torch.empty(2, 3)
for make in [
        lambda: nn.init.normal_(w, 1).shape,
        lambda: nn.init.normal_(w, "1"),
        lambda: nn.init.normal_(w, 0, "1"),
        lambda: nn.init.uniform_(w, "a", 1),
        lambda: nn.init.normal_(w, torch.ones(2)),
        lambda: w.normal_(1, None),
        lambda: w.normal_(np.float32(1), 1).shape,
        lambda: w.normal_(torch.tensor(1.), 1).shape,
        lambda: w.normal_(torch.tensor(1., requires_grad=True), 1),
        lambda: w.normal_(mean="a"),
        lambda: w.exponential_("a"),
        lambda: w.log_normal_(std=None),
        lambda: w.cauchy_(1, 2, 3),
        lambda: torch.ones(3).geometric_(p="x"),
]:
    attempt(make)
m = nn.Linear(1, 1)
print([n for n in ("share_memory", "ipu", "xpu", "mtia") if n in dir(m)])
print(m.share_memory() is m, nn.ReLU().xpu(), nn.ReLU().mtia(), nn.ReLU().ipu(0))
for make in [lambda: m.xpu(), lambda: m.ipu(), lambda: m.mtia(), lambda: m.xpu(0), lambda: m.xpu("cuda"),
             lambda: m.ipu("cuda"), lambda: m.mtia("cuda"), lambda: m.xpu(1.5)]:
    attempt(make)
print(repr(nn.Module.__call__).split(" at ")[0], m(torch.ones(1, 1)).shape)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe124_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
