"""A torch.* or torch.nn.functional function called with arguments PyTorch's parser refuses gets PyTorch's TypeError
(torch/argument_errors.py with engine/function_signatures.py, read from PyTorch by tools/function_signatures.py),
checked against PyTorch: a missing argument (``abs() missing 1 required positional arguments: "input"``, the plural
quirk included), too many, a wrong type, an unknown keyword, the listing of several overloads, a tensor list with
another element (``expected Tensor as element 1 in argument 0, but got float``), C functions of no arguments; and
the functions PyTorch writes in Python keep Python's wording under PyTorch's names: the poolings that may return
indices are boolean dispatchers (``_max_pool2d() missing ...``, a tensor where the flag goes is asked for its truth),
F.threshold is ``_threshold``, F.sigmoid / F.tanh call the method, torch.typename takes its argument positionally,
the removed torch.eig / symeig / lstsq / solve / matrix_rank bind PyTorch's parameters before their RuntimeError,
torch.range needs start and end, torch.meshgrid refuses no tensors and mixed dtypes, the nn.Module and Tensor
methods PyTorch writes in Python are named Module.load_state_dict, Tensor.lu ... in Python's errors; and mse_loss,
l1_loss and huber_loss take weight= as PyTorch's Python code does."""
import pytest

from autograd_magic.torch import argument_errors
from helpers import EVAL_CASES, REQUIRE_ALL, assert_same_as_pytorch

SETUP = "import numpy as np\nF = torch.nn.functional\nx = torch.ones(2, 3)\nv = torch.ones(3)\n"

COMPILED = {
    "missing_and_extra_arguments": [SETUP + '''CASES = ["torch.abs()", "torch.add(x)", "torch.matmul(x)", "torch.cat()", "torch.sum()", "torch.zeros()",
         "torch.exp(x, x)", "torch.mm(x, x, x)", "torch.clamp(x, 1, 2, 3)", "torch.linalg.inv()", "torch.special.erf()",
         "torch.fft.fft()", "torch.where(x)", "torch.max(x, 1, True, 4)", "torch.get_num_threads(1)", "torch.is_grad_enabled(x)",
         "torch.get_default_dtype(a=1)", "torch.softmax(x)", "torch.index_select(x, 0)", "torch.gather(x, 1)"]
''' + EVAL_CASES],
    "wrong_types_and_keywords": [SETUP + '''CASES = ["torch.abs([1, 2])", "torch.add(x, 'a')", "torch.sum(x, dims=0)", "torch.exp(x, bogus=1)", "torch.matmul(x, [1])",
         "torch.cat(x, x)", "torch.stack([x, 1.0])", "torch.cat([np.ones(2)])", "torch.stack((x, None))", "torch.cat([x, x], dim='a')",
         "torch.mean(x, 1.5)", "torch.transpose(x, 0)", "torch.reshape(x, 2, 3)", "torch.linalg.norm(x, ord='x', dim=1.5)",
         "torch.randn(2, 'a')", "torch.arange('a')", "torch.full((2,), x, 3)", "torch.where(x > 0, x)"]
''' + EVAL_CASES],
    "functional_c_functions": [SETUP + '''img = torch.ones(1, 1, 4, 4)
CASES = ["F.conv2d()", "F.conv2d(img)", "F.conv1d(img, img, img, 1, 0, 1, 1, 1, 1)", "F.linear(x)", "F.linear(x, x, x, x)",
         "F.avg_pool2d(img)", "F.gelu()", "F.gelu(x, approximate=1)", "F.logsigmoid()", "F.one_hot()", "F.pdist(x, 'a')",
         "F.pixel_shuffle(img)", "F.relu_()", "F.softplus(x, beta='a')", "F.elu_(x, 1, 2, 3, 4)", "F.hardtanh_()",
         "F.scaled_dot_product_attention(x)"]
''' + EVAL_CASES],
}

ANY_BUILD = {
    "python_level_functions": [SETUP + '''img = torch.ones(1, 1, 4, 4)
CASES = ["F.max_pool2d()", "F.max_pool2d(img)", "F.max_pool2d(img, 2, 2, 0, 1, False, img)", "F.max_pool1d(x)",
         "F.max_pool2d(img, 2, return_indices=True)[1].shape", "F.adaptive_max_pool2d(img)", "F.adaptive_max_pool1d(x, 2, x)",
         "F.fractional_max_pool2d(img)", "F.max_pool2d.__name__", "F.threshold()", "F.threshold(x, 1, 2, 3, 4)",
         "F.sigmoid()", "F.tanh(x, x)", "F.sigmoid([1.0])", "torch.typename()", "torch.typename(obj=x)", "torch.typename(x)",
         "torch.eig()", "torch.eig(x, True, x)", "torch.symeig()", "torch.lstsq(x)", "torch.solve(x, x, x)",
         "torch.matrix_rank(x, 1, 2, 3)", "torch.meshgrid()", "torch.meshgrid(v, v.long(), indexing='ij')"]
''' + EVAL_CASES],
    "python_methods_named_as_pytorchs": [SETUP + '''m = torch.nn.Linear(2, 1)
CASES = ["m.load_state_dict()", "m.register_state_dict_pre_hook()", "m.register_load_state_dict_post_hook(1, 2)",
         "m._load_from_state_dict()", "x.lu(1, 2, 3, 4, 5)", "x.register_hook()", "x.storage(1)", "x.stft()",
         "x.register_post_accumulate_grad_hook()", "x.to_sparse_coo(1, 2)"]
''' + EVAL_CASES],
    "weighted_losses": ['''F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(4, 3, requires_grad=True); y = torch.randn(4, 3); w = torch.rand(4, 3)
for name in ["mse_loss", "l1_loss", "huber_loss"]:
    f = getattr(F, name)
    for red in ["mean", "sum", "none"]:
        out = f(x, y, reduction=red, weight=w)
        print(name, red, out.grad_fn.name(), round(out.sum().item(), 5))
    l = f(x, y, weight=w); l.backward(); print(x.grad[0]); x.grad = None
for c in [lambda: F.mse_loss(x, y, weight=torch.ones(3)), lambda: F.l1_loss(x, y, reduction="avg", weight=w),
          lambda: F.huber_loss(x, y, reduction="bogus", weight=w), lambda: F.l1_loss(x, y, size_average=False, weight=w).item(),
          lambda: F.l1_loss(x, y, None, None, "sum", w).item()]:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
'''],
}


@pytest.mark.parametrize("name", sorted(ANY_BUILD))
def test_python_level_functions_match_pytorch(name):
    assert_same_as_pytorch(ANY_BUILD[name], corpus="learner_errors", name=name, warns="per_cell")


@pytest.mark.parametrize("name", sorted(COMPILED))
def test_function_argument_errors_match_pytorch(name):
    if argument_errors.__file__.endswith(".py"):
        if REQUIRE_ALL:
            pytest.fail("torch/argument_errors.py is not compiled (tools/build_compiled.py)")
        pytest.skip("torch/argument_errors.py is not compiled (tools/build_compiled.py)")
    assert_same_as_pytorch(COMPILED[name], corpus="learner_errors", name=name, warns="per_cell")


@pytest.mark.parametrize("table", ["function_signatures", "method_signatures"])
def test_the_signatures_are_the_installed_pytorchs(table):
    """engine/function_signatures.py and engine/method_signatures.py are what tools/function_signatures.py and
    tools/method_signatures.py write for the PyTorch installed: the functions and methods the engine has (one added
    since then gets its signatures when they are run again)."""
    import os
    import subprocess
    import sys
    import tempfile

    from helpers import require
    require("torch")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "autograd_magic", "engine", f"{table}.py")) as f:
        shipped = f.read()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "signatures.py")
        subprocess.run([sys.executable, os.path.join(root, "tools", f"{table}.py"), "--out", out],
                       check=True, capture_output=True, timeout=600)
        with open(out) as f:
            assert f.read() == shipped, f"run tools/{table}.py: engine/{table}.py is stale"
