"""Plain result objects of a %%grad run: what the run layer found, for the display layer to draw.

No IPython, no formatting for a screen here: values are numpy arrays and strings.
"""
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

LEAF, OUTPUT, INTERMEDIATE = "leaf", "output", "intermediate"


@dataclass
class TensorInfo:
    """One tensor the cell touched."""
    key: str                      # stable id within the result ("t3")
    name: Optional[str]           # the variable name the cell's source gives it ("x"), if any
    expr: Optional[str]           # the source expression of an unnamed temporary ("y * y"), if known
    kind: str                     # LEAF, OUTPUT or INTERMEDIATE
    shape: tuple
    dtype: str                    # "float32", "float64", ...
    value: np.ndarray             # a copy of the values
    grad: Optional[np.ndarray]    # d(output)/d(this tensor) summed over the cell's backward calls; None = not yet
    seed_grad: Optional[np.ndarray] = None   # for an OUTPUT: the gradient= given to backward, if any
    retained: bool = False        # PyTorch itself keeps .grad for it (a leaf, or retain_grad())

    @property
    def label(self):
        return self.name or self.expr or self.key


@dataclass
class GraphNode:
    """A node of the backward graph: an op (PyTorch's grad_fn name) or a tensor box."""
    id: str
    kind: str                     # "op" or "tensor"
    label: str                    # "MulBackward0", "AccumulateGrad", or the tensor's label
    tensor: Optional[TensorInfo] = None
    grad: Optional[np.ndarray] = None   # for an op node: the gradient that flowed into it (its output's grad)


@dataclass
class GraphEdge:
    src: str                      # gradient flows src -> dst (as in grad_fn.next_functions)
    dst: str


@dataclass
class GraphSpec:
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    has_gradients: bool = False   # False: drawn before any backward, gradients not shown
    omitted: int = 0              # nodes left out because of the node cap
