"""The autograd engine: numpy tensors that record a backward graph (imports only numpy and the stdlib)."""
from . import ops, ops_nn, ops_shape, ops_tensor  # noqa: F401,E402  (fill the op table)
