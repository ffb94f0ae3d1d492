"""torch._tensor_str: where PyTorch keeps its print options, which course notebooks read and set directly
(``torch._tensor_str.PRINT_OPTS.precision``, ``with torch._tensor_str.printoptions(precision=2):``). PRINT_OPTS is
the engine's own options object (engine/printing.py), so a change made here is the one tensors print with."""
import contextlib

from ..engine.printing import OPTIONS as PRINT_OPTS, get_printoptions, set_printoptions

__all__ = ["PRINT_OPTS", "get_printoptions", "printoptions", "set_printoptions"]


@contextlib.contextmanager
def printoptions(**kwargs):
    """set_printoptions(**kwargs) inside the block, the options before it restored after (sci_mode too).

    Example::

        with torch._tensor_str.printoptions(precision=2):
            print(torch.tensor([1 / 3]))   # tensor([0.33])
    """
    old = get_printoptions()
    set_printoptions(**kwargs)
    try:
        yield
    finally:
        set_printoptions(**old)
