"""Learners' argument mistakes worded as PyTorch words them. Device strings are read as c10::Device reads them: a
type of letters and underscores, then ``:`` and an index without a leading zero; anything else is "Invalid device
string" (a dtype name given to ``.to()``, "cuda0", "cpu:-1"), an unknown type names the type alone, and an index in
the string and as an argument is refused."""
from helpers import EVAL_CASES, assert_same_as_pytorch

CELL = '''CASES = ["torch.device('float32')", "torch.device('cuda0')", "torch.device('gpu')", "torch.device('CPU')",
    "torch.device('x:0')", "torch.device('cpu:01')", "torch.device('cpu:-1')", "torch.device('mps:0:1')",
    "torch.device('')", "torch.device('cuda:')", "torch.device(':0')", "torch.device('cuda:12')",
    "torch.device('cuda:0', 1)", "torch.randn(2).to('float32')", "torch.ones(2, device='cpu0')", "str(torch.device('cpu:0'))"]
''' + EVAL_CASES


def test_device_strings_match_pytorch():
    assert_same_as_pytorch([CELL], corpus="learner_errors", name="device_strings")


NO_INPUT = '''CASES = ["torch.tanh()", "torch.exp()", "torch.sigmoid()", "torch.sqrt()", "torch.log()", "torch.sin()",
    "torch.cos()", "torch.erf()", "torch.exp2()", "torch.log1p()", "torch.rsqrt()", "torch.sgn()", "torch.frac()"]
''' + EVAL_CASES


def test_a_function_called_without_its_tensor_says_so_as_pytorch():
    """PyTorch's argument parser words it ``tanh() missing 1 required positional arguments: "input"`` (Python's own
    message differs in number and quotes): the functions generated from the op declarations say it so."""
    assert_same_as_pytorch([NO_INPUT], corpus="learner_errors", name="no_input")
