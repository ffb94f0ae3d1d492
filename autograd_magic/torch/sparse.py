"""torch.sparse: the functions of sparse COO tensors that graph lessons use (engine/sparse.py), and the deprecated
constructors of old GCN code (torch.sparse.FloatTensor(indices, values, shape))."""
from ..engine.sparse import sparse_addmm as addmm, sparse_sum as sum, spmm as mm  # noqa: F401,A004
from ..engine.sparse import sparse_log_softmax as log_softmax, sparse_softmax as softmax  # noqa: F401
from ..engine.sparse_methods import LEGACY_TYPES as _LEGACY_TYPES

globals().update(_LEGACY_TYPES)

__all__ = ["addmm", "log_softmax", "mm", "softmax", "sum"]
