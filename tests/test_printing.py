"""Tensor printing, checked character for character against real PyTorch."""
import importlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from helpers import require

from autograd_magic.engine import printing




def test_require_skips_or_fails_by_environment(monkeypatch):
    monkeypatch.delenv("AUTOGRAD_MAGIC_REQUIRE_ALL", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require("autograd_magic_no_such_module")
    monkeypatch.setenv("AUTOGRAD_MAGIC_REQUIRE_ALL", "1")
    with pytest.raises(pytest.fail.Exception):
        require("autograd_magic_no_such_module")


@pytest.fixture(scope="module")
def torch():
    return require("torch")


def _reset_options():
    printing.set_printoptions(profile="default")
    try:
        importlib.import_module("torch").set_printoptions(profile="default")
    except ImportError:
        pass


@pytest.fixture(autouse=True)
def reset_options():
    _reset_options()
    yield
    _reset_options()


OPTION_SETS = [
    {},
    {"precision": 2},
    {"precision": 0},
    {"precision": 7, "linewidth": 120},
    {"threshold": 5, "edgeitems": 2},
    {"threshold": 10, "edgeitems": 0},
    {"threshold": 0, "edgeitems": 1},
    {"edgeitems": 0},
    {"linewidth": 30},
    {"linewidth": 1},
    {"sci_mode": True},
    {"sci_mode": False},
    {"profile": "short"},
    {"profile": "full"},
    {"profile": "short", "precision": 5, "sci_mode": True},
]

DTYPE_NAMES = {np.float32: "float32", np.float64: "float64", np.float16: "float16",
               np.int64: "int64", np.int32: "int32", np.int16: "int16", np.int8: "int8",
               np.uint8: "uint8", np.bool_: "bool"}


def set_both(torch, options):
    printing.set_printoptions(**options)
    torch.set_printoptions(**options)


def name_of(array):
    return DTYPE_NAMES[array.dtype.type]


def check(torch, array):
    """Compare our text with torch's for a plain tensor, a grad-requiring one and one with a grad_fn."""
    name = name_of(array)
    assert printing.format_tensor(array, name) == repr(torch.from_numpy(array.copy()))
    if array.dtype.kind != "f":
        return
    leaf = torch.from_numpy(array.copy()).requires_grad_()
    assert printing.format_tensor(array, name, requires_grad=True) == repr(leaf)
    assert printing.format_tensor(array, name, grad_fn_name="CloneBackward0") == repr(leaf.clone())
    assert printing.format_parameter(array, name) == repr(torch.nn.Parameter(leaf.detach()))


# ---------------------------------------------------------------- hand-picked cases

NAN, INF = float("nan"), float("inf")
EDGE_CASES = [
    np.array([1.0, 2.0, 3.0], dtype=np.float32),
    np.array(16.0 / 3.0, dtype=np.float32),
    np.array([16.0 / 3.0, 0.1], dtype=np.float32),
    np.array([16.0 / 3.0, 0.1]),
    np.array(3.5),
    np.array(-0.0),
    np.array(7),
    np.array(True),
    np.array([True, False]),
    np.array([[True], [True]]),
    np.array([0.0, -0.0, 0.0], dtype=np.float32),
    np.array([-0.0, 1.0, 2.5], dtype=np.float32),
    np.array([NAN, INF, -INF], dtype=np.float32),
    np.array([NAN, 1.0, -INF, 1e-9], dtype=np.float32),
    np.array([NAN, 1.5, -INF, 100.0]),
    np.array([1e-4, 1.0]),
    np.array([1e-4, 5e-4]),
    np.array([1e-4, 5e-4], dtype=np.float32),
    np.array([1e8, 5e7]),
    np.array([1e8, 5e7], dtype=np.float32),
    np.array([9.9999e-5, 1.0]),
    np.array([1.0, 1000.0]),
    np.array([1.0, 1000.5]),
    np.array([1e8, 1.0]),
    np.array([1.5e8, 2e8]),
    np.array([1e100, -1e-100, 3.0]),
    np.array([9.99999e99, 1.0]),
    np.array([99999.5, 0.25]),
    np.array([9.99996, -9.99996], dtype=np.float32),
    np.array([0.5, 2.5, -1.5]),
    np.array([5e-324, 1.0]),
    np.array([1e20, -3e20], dtype=np.float32),
    np.array([np.finfo(np.float32).max, np.finfo(np.float32).tiny], dtype=np.float32),
    np.array([1.0, 2.0], dtype=np.float16),
    np.array([65504.0, 0.0001, -3.140625], dtype=np.float16),
    np.array([-5, 12, 0, 123456789], dtype=np.int64),
    np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max]),
    np.array([[1, -2], [3, 4]], dtype=np.int32),
    np.array([0, 255], dtype=np.uint8),
    np.array([-128, 7], dtype=np.int8),
    np.array([1, 2], dtype=np.int16),
    np.arange(1001, dtype=np.float32),
    np.arange(1001, dtype=np.int64) - 500,
    np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 7,
    np.arange(120, dtype=np.float64).reshape(2, 3, 4, 5) * 1e5,
    np.arange(2000, dtype=np.float32).reshape(40, 50) / 3,
    np.arange(3000).reshape(10, 10, 30) % 7 == 0,
    np.random.default_rng(0).standard_normal((7, 200)).astype(np.float32),
    np.random.default_rng(1).standard_normal(80) * 1e-6,
    np.zeros(0, dtype=np.float32),
    np.zeros(0, dtype=np.int64),
    np.zeros(0, dtype=np.bool_),
    np.zeros(0, dtype=np.float16),
    np.zeros((0, 3), dtype=np.float32),
    np.zeros((2, 0, 3), dtype=np.int32),
    np.zeros((1, 1, 1, 1), dtype=np.float32),
]


@pytest.mark.parametrize("options", OPTION_SETS, ids=str)
@pytest.mark.parametrize("index", range(len(EDGE_CASES)))
def test_edge_cases_match_torch(torch, options, index):
    set_both(torch, options)
    check(torch, EDGE_CASES[index])


def clone_through(torch, tensor, node_name):
    """A clone whose grad_fn is a custom node called ``node_name + 'Backward'``."""
    function = type(node_name, (torch.autograd.Function,), {
        "forward": staticmethod(lambda ctx, x: x.clone()),
        "backward": staticmethod(lambda ctx, g: g),
    })
    return function.apply(tensor)


@pytest.mark.parametrize("linewidth", [20, 40, 46, 47, 48, 49, 50, 60, 80])
@pytest.mark.parametrize("node_name", ["Short", "AVeryLongCustomFunctionNameThatWraps"])
@pytest.mark.parametrize("array", [np.array([[1.25, -2.0], [3.0, 4.5]]), np.arange(3.0),
                                   np.array([0.5], dtype=np.float32), np.array(1.0, dtype=np.float16)],
                         ids=["2d-f64", "1d-f64", "1d-f32", "0d-f16"])
def test_suffix_wrapping_matches_torch(torch, linewidth, node_name, array):
    """Suffixes move to their own line exactly where torch moves them."""
    set_both(torch, {"linewidth": linewidth})
    out = clone_through(torch, torch.from_numpy(array.copy()).requires_grad_(), node_name)
    grad_fn_name = type(out.grad_fn).__name__
    assert printing.format_tensor(array, name_of(array), grad_fn_name=grad_fn_name) == repr(out)


def test_literal_examples():
    """A few outputs spelled out, so the file documents the format even where torch is absent."""
    f32 = np.float32
    assert printing.format_tensor(np.array([1.0, 2.0, 3.0], dtype=f32), "float32",
                                  requires_grad=True) == "tensor([1., 2., 3.], requires_grad=True)"
    assert printing.format_tensor(np.array(16 / 3, dtype=f32), "float32") == "tensor(5.3333)"
    assert printing.format_tensor(np.zeros((0, 3), dtype=f32), "float32") == "tensor([], size=(0, 3))"
    assert printing.format_tensor(np.zeros(0, dtype=np.int64), "int64") == "tensor([], dtype=torch.int64)"
    assert printing.format_tensor(np.array([True, False]), "bool") == "tensor([ True, False])"
    assert printing.format_tensor(np.array([NAN, -0.0, 2.0]), "float64") == \
        "tensor([nan, -0., 2.], dtype=torch.float64)"
    assert printing.format_tensor(np.array([[1, 2], [3, 4]]), "int64") == "tensor([[1, 2],\n        [3, 4]])"
    assert printing.format_tensor(np.array(2.0, dtype=f32), "float32", grad_fn_name="MulBackward0") == \
        "tensor(2., grad_fn=<MulBackward0>)"
    assert printing.format_parameter(np.ones(2, dtype=f32), "float32") == \
        "Parameter containing:\ntensor([1., 1.], requires_grad=True)"
    printing.set_printoptions(threshold=5)
    assert printing.format_tensor(np.arange(10), "int64") == "tensor([0, 1, 2,  ..., 7, 8, 9])"


def test_format_size():
    assert printing.format_size((2, 3)) == "torch.Size([2, 3])"
    assert printing.format_size(()) == "torch.Size([])"
    assert printing.format_size((np.int64(5),)) == "torch.Size([5])"


def test_size_matches_torch(torch):
    for shape in [(), (0,), (2, 3), (1, 0, 4, 5)]:
        assert printing.format_size(shape) == str(torch.zeros(shape).shape)


def test_printoptions_match_torch(torch):
    from torch._tensor_str import get_printoptions as torch_get
    calls = [dict(precision=2), dict(profile="full"), dict(sci_mode=True, linewidth=50),
             dict(edgeitems=1), dict(profile="short", threshold=7), dict(profile="default"),
             dict(profile="unknown", precision=3)]
    for call in calls:
        set_both(torch, call)
        assert printing.get_printoptions() == torch_get()
    set_both(torch, printing.get_printoptions())
    assert printing.get_printoptions() == torch_get()


def test_printoptions_defaults():
    assert printing.get_printoptions() == dict(precision=4, threshold=1000, edgeitems=3,
                                               linewidth=80, sci_mode=None)
    printing.set_printoptions(sci_mode=True, precision=3)
    printing.set_printoptions(linewidth=60)  # sci_mode is reset, precision kept, as in torch
    assert printing.get_printoptions()["sci_mode"] is None
    assert printing.get_printoptions()["precision"] == 3
    assert printing.OPTIONS.linewidth == 60


# ---------------------------------------------------------------- generated cases

FLOAT_SPECIALS = [0.0, -0.0, NAN, INF, -INF, 1e-4, 9.99995e-5, 1e8, 1.0000001e8, 999.99995,
                  1000.0, 0.5, -2.5, 1e-30, 3e38, 1e300, 5e-324, 0.1, 1 / 3]

float_values = st.one_of(
    st.sampled_from(FLOAT_SPECIALS),
    st.integers(-10**9, 10**9).map(float),
    st.floats(-100, 100),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)


def shape_strategy():
    side = st.integers(0, 6)
    return st.one_of(
        st.lists(side, max_size=4).map(tuple),
        st.integers(0, 1600).map(lambda n: (n,)),          # long vectors cross the threshold
        st.tuples(st.integers(0, 45), st.integers(0, 45)),
        st.tuples(st.integers(1, 12), st.integers(1, 12), st.integers(1, 12)),
        st.tuples(*[st.integers(1, 7)] * 4),
    )


@st.composite
def arrays(draw):
    """Arrays of every dtype, filled from a drawn pool of awkward values plus random spread."""
    dtype = draw(st.sampled_from([np.float32, np.float64, np.float16, np.int64, np.int32,
                                  np.int16, np.uint8, np.bool_]))
    shape = draw(shape_strategy())
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    size = int(np.prod(shape))
    if dtype is np.bool_:
        return np.asarray(rng.random(size).reshape(shape) < draw(st.floats(0, 1)))
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        low = draw(st.integers(int(info.min), int(info.max)))
        high = draw(st.integers(low, int(info.max)))
        return np.asarray(rng.integers(low, high, size, dtype=dtype, endpoint=True).reshape(shape))
    pool = np.array(draw(st.lists(float_values, min_size=1, max_size=6)))
    values = rng.choice(pool, size)
    spread = rng.standard_normal(size) * 10.0 ** draw(st.integers(-12, 12))
    if draw(st.booleans()):
        spread = np.round(spread)
    values = np.where(rng.random(size) < draw(st.floats(0, 1)), spread, values)
    with np.errstate(over="ignore"):
        return np.asarray(values.astype(dtype).reshape(shape))


@pytest.mark.parametrize("options", OPTION_SETS[:7] + OPTION_SETS[10:], ids=str)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(array=arrays())
def test_generated_arrays_match_torch(torch, options, array):
    set_both(torch, options)
    check(torch, array)
