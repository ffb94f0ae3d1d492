"""The autograd engine: numpy tensors that record a backward graph (imports only numpy and the stdlib)."""
import warnings

# PyTorch gives inf/nan silently for log(0), 1/0, overflow, inf * 0; numpy warns. numpy attributes the warning to
# the Python function that called the ufunc, so this filter silences exactly the engine's own calls (the user's
# numpy code keeps its warnings) and costs nothing when no warning occurs. Backward passes also run with numpy's
# error state off (autograd.run_backward).
warnings.filterwarnings("ignore", category=RuntimeWarning, module=r"autograd_magic\.")
# fill the op table
from . import ops, ops_conv, ops_math, ops_nn, ops_norm, ops_rnn, ops_shape, ops_tensor  # noqa: F401,E402
