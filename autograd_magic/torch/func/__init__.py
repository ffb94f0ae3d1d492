"""torch.func: composable function transforms (grad, vjp, jvp, jacrev, jacfwd, hessian, vmap) and functional_call,
as the tutorials on Jacobians and Hessians, per-sample gradients and model ensembling use them."""
from .functional_call import functional_call, stack_module_state  # noqa: F401
from .transforms import grad, grad_and_value, hessian, jacfwd, jacrev, jvp, linearize, vjp  # noqa: F401
from .vmap import vmap  # noqa: F401


def __getattr__(name):
    raise AttributeError(f"module 'torch.func' has no attribute '{name}': autograd_magic implements a subset of "
                         f"PyTorch, and torch.func.{name} is not part of it")
