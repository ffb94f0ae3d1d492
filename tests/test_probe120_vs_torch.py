"""What the hundred-and-twentieth probe (PyTorch's "barebones" unsigned dtypes torch.uint16, uint32, uint64: 16-bit
images read with numpy, their dtype tour) found, each checked against PyTorch: the three dtypes did not exist
(torch.uint16 an AttributeError, torch.from_numpy of a numpy.uint16 array refused). They now do, with PyTorch's
kernels for them: creation and fill (a negative int wraps, one out of range is the overflow error, a uint64 one
below zero Python's OverflowError), copies and conversions both ways, views, indexing, ==/!=, *, &, |, ^, sum /
prod / cumsum into int64, sort, the float math (exp, sqrt ... in float32), tolist / item / numpy(); promotion with
any other integer or bool dtype refused ("Promotion for uint16, uint32, uint64 types is not supported ..."), with a
floating dtype or a Python number as for other integers; and every other kernel PyTorch lacks refused with its
NotImplementedError naming the kernel (add_stub, lt_cpu, max_all, argmax_cpu, arange_cpu, abs_cpu, neg_cpu,
div_floor_cpu, lshift_cpu, clamp_min_scalar_cpu, addmm_impl_cpu_, nonzero_count_cpu ...), pow of 0 and 1 excepted.
Also found on the way, for every dtype: an int16 or int8 index tensor is PyTorch's IndexError (the engine had
indexed with it), and a fill value beyond 64 bits Python's OverflowError from the argument parser (the engine had
said "value cannot be converted")."""
import pytest

from helpers import EVAL_CASES, assert_same_as_pytorch

SETUP = '''import numpy as np
x = torch.tensor([1, 2, 3], dtype=torch.uint16)
y = torch.tensor([4, 5, 6], dtype=torch.uint16)
m = torch.tensor([[1, 2], [3, 4]], dtype=torch.uint32)
w = torch.tensor([7, 8, 9], dtype=torch.uint64)
'''


def cases(*lines):
    return SETUP + "CASES = " + repr(list(lines)) + "\n" + EVAL_CASES


CELLS = {
    "dtype_objects_and_iinfo": [cases(
        "torch.uint16", "torch.uint32", "torch.uint64", "str(torch.uint32)", "torch.uint16.is_signed",
        "torch.uint64.is_signed", "torch.uint8.is_signed", "torch.uint16.itemsize", "torch.uint32.itemsize",
        "torch.uint64.itemsize", "torch.uint16.is_floating_point", "torch.uint16.is_complex",
        "torch.uint16.to_complex()", "torch.uint64.to_real()", "torch.iinfo(torch.uint16)",
        "torch.iinfo(torch.uint32).max", "torch.iinfo(torch.uint64).max", "torch.iinfo(torch.uint64).bits",
        "torch.finfo(torch.uint16)", "torch.uint16 == torch.int16", "x.type()", "m.type()", "w.type()",
        "x.is_signed()", "x.element_size()", "w.nbytes", "x.is_floating_point()")],
    "creation_fill_and_overflow": [cases(
        "x", "m", "w", "torch.zeros(2, dtype=torch.uint32)", "torch.ones(2, 2, dtype=torch.uint64)",
        "torch.full((2,), 7, dtype=torch.uint16)", "torch.empty(0, dtype=torch.uint16)",
        "torch.tensor([], dtype=torch.uint16)", "torch.tensor(5, dtype=torch.uint32)",
        "torch.tensor([-1], dtype=torch.uint16)", "torch.tensor([-1], dtype=torch.uint32)",
        "torch.tensor([-1], dtype=torch.uint64)", "torch.tensor([-2**63-1], dtype=torch.uint64)",
        "torch.tensor([70000], dtype=torch.uint16)", "torch.tensor([-70000], dtype=torch.uint16)",
        "torch.tensor([2**32], dtype=torch.uint32)", "torch.tensor([2**64-1], dtype=torch.uint64)",
        "torch.tensor([2**64], dtype=torch.uint64)", "torch.tensor([1.5], dtype=torch.uint16)",
        "torch.tensor([-1.5], dtype=torch.uint16)", "torch.full((2,), 70000, dtype=torch.uint16)",
        "torch.full((2,), -1, dtype=torch.uint64)", "torch.full((2,), 2**64, dtype=torch.uint64)",
        "torch.full((2,), -2**63-1, dtype=torch.uint64)", "torch.full((2,), 2**64, dtype=torch.float32)",
        "torch.full((2,), -2**63-1, dtype=torch.int64)", "torch.zeros(2, dtype=torch.uint8).fill_(2**64)",
        "x.clone().fill_(70000)", "x.clone().fill_(-1)", "x.clone().fill_(2.5)", "x.new_ones(2)",
        "x.new_full((2,), 3)", "torch.zeros_like(x)", "torch.full_like(x, 5)",
        "torch.zeros_like(x, dtype=torch.uint32)", "torch.tensor([1, 2], dtype=torch.uint16, requires_grad=True)",
        "x.requires_grad_()", "torch.arange(3, dtype=torch.uint16)", "torch.linspace(0, 3, 4, dtype=torch.uint16)",
        "torch.eye(2, dtype=torch.uint16)", "torch.randperm(4, dtype=torch.uint16)",
        "torch.rand(2, dtype=torch.uint32)",
        "(torch.manual_seed(0), torch.randint(0, 60000, (4,), dtype=torch.uint16))[1]")],
    "conversions_numpy_and_16bit_images": [cases(
        "x.float()", "x.long()", "x.double()", "x.half()", "x.bool()", "x.to(torch.uint32)", "x.type(torch.uint32)",
        "torch.tensor([1.7, 2.2]).to(torch.uint32)", "torch.tensor([-1]).to(torch.uint64)",
        "torch.tensor([70000]).to(torch.uint16)", "torch.tensor([2**63], dtype=torch.uint64).long()",
        "torch.tensor([2**63+5], dtype=torch.uint64).item()", "w.tolist()", "x[0].item()", "x.numpy()", "w.numpy()",
        "int(torch.tensor(5, dtype=torch.uint16))", "torch.from_numpy(np.array([1, 2], dtype=np.uint16))",
        "torch.from_numpy(np.array([1, 2], dtype=np.uint32))",
        "torch.from_numpy(np.arange(6, dtype=np.uint64).reshape(2, 3)).sum(0)", "torch.tensor(np.uint16(3))",
        "torch.as_tensor(np.array([1, 2], dtype=np.uint16))", "torch.from_numpy(np.array([1, 2], dtype='>u2'))",
        "torch.from_numpy(np.array([[0, 32768, 65535]], dtype=np.uint16)).float() / 65535",
        "torch.from_numpy(np.array([[0, 32768, 65535]], dtype=np.uint16)) / 65535.0",
        "torch.from_numpy(np.array([[0, 32768, 65535]], dtype=np.uint16)) // 256",
        "torch.from_numpy(np.array([[0, 32768, 65535]], dtype=np.uint16)) >> 8",
        "torch.from_numpy(np.array([[0, 32768, 65535]], dtype=np.uint16)).max()",
        "torch.from_numpy(np.array([[0, 32768, 65535]], dtype=np.uint16)).float().mean()",
        "torch.from_numpy(np.array([[0, 32768, 65535]], dtype=np.uint16)).int().max()")],
    "kernels_present": [cases(
        "x.clone()", "x.view(3, 1)", "m.reshape(4)", "m.t()", "torch.cat([x, y])", "torch.stack([x, y])", "x[1:]",
        "x[[0, 2]]", "m[m == 2]", "x == y", "x != 2", "x * y", "x * 2", "x * 70000", "x * -1", "x * 2.5", "x & y",
        "x | y", "x ^ y", "x & 1", "x / y", "x.sum()", "m.sum(1)", "x.prod()", "x.cumsum(0)",
        "x.sort(descending=True)", "x.argsort()", "x.unique()", "torch.where(x == 2, x, y)", "x.exp()", "x.sqrt()",
        "x.sigmoid()", "x.round()", "x ** 1", "x ** 0", "x.pow(True)", "x.isnan()", "torch.equal(x, y)",
        "torch.equal(x, x.float())", "x.all()", "x.roll(1)", "x.nansum()", "torch.outer(x, x)",
        "x.sum(dtype=torch.int32)")],
    "kernels_missing": [cases(
        "x + y", "x + 1", "x - y", "x.sub(1)", "x.clone().add_(1)", "x // y", "x % y",
        "x.div(2, rounding_mode='floor')", "x.div(2, rounding_mode='trunc')", "x < y", "x > 2", "x <= y", "x.ge(1)",
        "x[x > 1]", "x.max()", "x.min()", "x.argmax()", "x.argmin()", "m.max(1)", "m.amax(0)", "torch.max(x, y)",
        "x.maximum(y)", "x.abs()", "-x", "x.sign()", "x.frac()", "x ** 2", "x.square()", "x.relu()", "x.clamp(0, 1)",
        "x.clamp(min=1)", "torch.clamp(x, max=2)", "x << 1", "x >> 1", "~x", "x.logical_not()", "x.logical_and(x)",
        "x.flip(0)", "m.tril()", "m.trace()", "x.topk(1)", "x.median()", "x.cummax(0)",
        "x.gather(0, torch.tensor([0]))", "x.index_select(0, torch.tensor([0]))", "x.masked_fill(x == 2, 0)",
        "x.take(torch.tensor([2, 0]))", "x.nonzero()", "x.count_nonzero()", "x.bincount()", "x @ y", "m @ m",
        "m.mv(m[0])", "x.sum(dtype=torch.uint16)", "x.prod(dtype=torch.uint16)", "x.cumsum(0, dtype=torch.uint16)",
        "x.cumprod(0, dtype=torch.uint16)", "x.mean()", "x.std()", "x.norm()", "x.float().mean()")],
    "promotion": [cases(
        "x + torch.tensor([1])", "x * torch.tensor([1])", "x * torch.tensor([1], dtype=torch.uint8)",
        "x * torch.tensor([True])", "x * torch.tensor([1.])", "x * torch.tensor(2)",
        "torch.tensor(2, dtype=torch.uint16) * torch.tensor([1, 2])",
        "torch.tensor([True]) * torch.tensor(2, dtype=torch.uint16)", "x * True", "x * 1j",
        "x == torch.tensor([1, 2, 3])", "x < torch.tensor([1., 2, 3])", "x < 2.5", "x & torch.tensor([1, 2, 3])",
        "x.logical_or(torch.tensor([1, 0, 1]))", "torch.equal(x, torch.tensor([1, 2, 3]))",
        "torch.cat([m, m.long()])", "torch.cat([m, m.float()])", "torch.result_type(x, torch.tensor([1]))",
        "torch.result_type(x, 1)", "torch.result_type(x, 1.0)", "torch.result_type(x, True)",
        "torch.result_type(torch.tensor(1, dtype=torch.uint16), torch.tensor(1))",
        "torch.promote_types(torch.uint16, torch.int64)", "torch.promote_types(torch.uint16, torch.uint32)",
        "torch.promote_types(torch.uint16, torch.uint16)", "torch.promote_types(torch.uint16, torch.float16)",
        "torch.promote_types(torch.float64, torch.uint64)", "torch.promote_types(torch.uint64, torch.complex64)",
        "torch.promote_types(torch.bool, torch.uint32)", "torch.can_cast(torch.uint16, torch.int64)",
        "torch.can_cast(torch.float32, torch.uint16)", "torch.can_cast(torch.uint16, torch.bool)")],
    "index_tensor_dtypes": [cases(
        "torch.arange(4.)[torch.tensor([1], dtype=torch.int16)]",
        "torch.arange(4.)[torch.tensor([1], dtype=torch.int8)]",
        "torch.arange(4.)[torch.tensor([1], dtype=torch.int32)]",
        "torch.arange(4.)[torch.tensor([1], dtype=torch.uint16)]",
        "torch.arange(4.)[torch.tensor([1, 2], dtype=torch.uint8)]",
        "torch.arange(4.)[:, None][torch.tensor([1], dtype=torch.int16)]",
        "torch.arange(4.).take(torch.tensor([1], dtype=torch.uint16))")],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe120_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe120/{name}", warns="per_cell")
