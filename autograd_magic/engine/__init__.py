"""The autograd engine: numpy tensors that record a backward graph; imports only numpy and the standard library.

Layers, lowest first (each module imports only from those before it): dtypes, size, printing, reduce, random,
fperror; autograd (nodes and the backward pass); optable (op declarations) and xp (numpy namespace of the vjps);
ops, ops_math, ops_nn, ops_shape, ops_tensor (the declared ops); tensor_base (TensorBase, apply, the functions and
methods generated from declarations); functions, shaping, indexing, ordering, linalg, einsum, composed, inplace,
creation (hand-written functions); tensor_xp and grad (create_graph and autograd.grad); numpy_interop; methods;
tensor (the Tensor class).
"""
import warnings

# PyTorch gives inf/nan silently for log(0), 1/0, overflow, inf * 0; numpy warns. numpy attributes the warning to
# the Python function that called the ufunc, so this filter silences exactly the engine's own calls (the user's
# numpy code keeps its warnings) and costs nothing when no warning occurs. Backward passes also run with numpy's
# error state off (autograd.run_backward).
warnings.filterwarnings("ignore", category=RuntimeWarning, module=r"autograd_magic\.")
from . import tensor  # noqa: F401,E402  (builds Tensor, and with it every engine module)
