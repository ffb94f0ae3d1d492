"""The autograd engine: numpy tensors that record a backward graph; imports only numpy and the standard library.

Layers, lowest first (each module imports only modules named before it; tests/test_layering.py finds no cycle):

1. dtypes, size, printing, reduce, fperror, events, selection: leaves (numpy and the standard library); random (the
   PyTorch-identical generator); sparse_grad (sparse gradients inside the backward pass, a sparse
   tensor's or nn.Embedding(sparse=True)'s, and ATen's arithmetic on their entry lists); ckernels (the
   optional compiled kernels, _vec_kernels.c, loaded with ctypes; build_kernels compiles them) under random_kernels,
   vec_kernels and act_kernels.
2. autograd: nodes, saved tensors, grad mode and the iterative backward pass.
3. optable (op declarations) and xp (the numpy namespace vjps are written against).
4. ops, ops_math, ops_act_backward, ops_nn, ops_act, ops_dist, ops_shape, ops_tensor, ops_conv, ops_norm, ops_rnn,
   ops_pad, ops_linalg, ops_more, ops_attn, ops_resample, ops_pool, ops_sparse: the declared ops, forward and vjp.
5. dispatch (``apply``: runs an op and records its node; ``binary_op``: the operators' type promotion; ``wrap``),
   then tensor_base: TensorBase, the in-place machinery, and the functions and methods generated from the
   declarations.
6. functions, shaping, indexing, ordering, linalg, linalg_fns, einsum, composed, inplace, creation, histogram, rnn, more,
   more_methods, extras:
   the hand-written functions of the torch namespace; sparse and sparse_methods (sparse COO tensors: making them,
   their products and sums, their methods); grad (backward, autograd.grad, TensorXP for create_graph); numpy_interop;
   saved_hooks (hooks for saved tensors: which tensors each op saves in PyTorch's order, grad_fn._saved_*).
7. methods (TensorMethods: operators and methods bound to those functions), then tensor (Tensor = TensorBase +
   TensorMethods + the declared methods), then inspect (the read-only inspection API over graphs and tensors).
"""
import warnings

# PyTorch gives inf/nan silently for log(0), 1/0, overflow, inf * 0; numpy warns. numpy attributes the warning to
# the Python function that called the ufunc, so this filter silences exactly the engine's own calls (the user's
# numpy code keeps its warnings) and costs nothing when no warning occurs. Backward passes also run with numpy's
# error state off (autograd.run_backward).
warnings.filterwarnings("ignore", category=RuntimeWarning, module=r"autograd_magic\.")
from . import tensor  # noqa: F401,E402  (builds Tensor, and with it every engine module)
from . import saved_hooks  # noqa: F401,E402  (grad_fn._saved_* and the saved-tensor hooks' op table)
from . import events, memory_format as _formats, ops_shuffle, optable as _optable  # noqa: E402,F401
_formats.assign_layouts(_optable.OPS, events.ELEMENTWISE)   # (every op is declared now: outputs laid out as PyTorch's kernels do)
