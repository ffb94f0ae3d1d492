"""max_unpool2d / max_unpool3d: each input value written at its index of a zero output plane (a partial inverse of
max pooling with return_indices), forward and vjp side by side.

consts = (indices (numpy int64, the input's shape), the output shape). The vjp gathers the output gradient at the
indices, as ATen's max_pool_double_backward does.
"""
from .ops_pool import _gather_back, _max_pool_back
from .optable import defop


def _declare(s):
    d = f"{s}D"

    def forward(x, indices, shape):
        return _max_pool_back(x, indices, shape, False, spatial=s)

    @defop(f"max_unpool{s}d", f"MaxUnpool{d}Backward0", forward)
    def max_unpool_vjp(xp, grad, saved, consts, needs):
        """The output gradient at each input's index."""
        indices, shape = consts
        return _gather_back(xp, grad, indices, shape, s)


for _s in (2, 3):
    _declare(_s)
