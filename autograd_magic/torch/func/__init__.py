"""torch.func: composable function transforms (grad, vjp, jvp, jacrev, jacfwd, hessian, vmap) and functional_call,
as the tutorials on Jacobians and Hessians, per-sample gradients and model ensembling use them."""
from .functional_call import functional_call, stack_module_state  # noqa: F401
from .transforms import grad, grad_and_value, hessian, jacfwd, jacrev, jvp, linearize, vjp  # noqa: F401
from .vmap import vmap  # noqa: F401


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.func", name)
