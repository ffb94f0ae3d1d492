"""torch.version: what setup cells print (``torch.version.cuda`` is None on a CPU build, as here)."""
import itertools
import operator


class TorchVersion(str):
    """A version string that compares as a version (PyTorch's torch.torch_version.TorchVersion):
    ``torch.__version__ >= "2.1"`` and ``torch.__version__ >= (2, 1)`` are True for 2.13, where plain string order
    would say "2.13" < "2.9"."""
    __module__ = "torch.torch_version"

    @staticmethod
    def _key(v):
        if isinstance(v, (tuple, list)):
            return tuple(int(p) for p in v)
        parts = []
        for p in str(v).split("+")[0].split("."):
            digits = "".join(itertools.takewhile(str.isdigit, p))
            parts.append(int(digits) if digits else 0)
        return tuple(parts)

    def _cmp(self, other, op):
        if not isinstance(other, (str, tuple, list)):
            return NotImplemented
        a, b = self._key(self), self._key(other)
        n = max(len(a), len(b))
        # a local label ("+cpu") sorts after the same release without one, as packaging's Version does
        local = [v.partition("+")[2] if isinstance(v, str) else "" for v in (self, other)]
        return op(a + (0,) * (n - len(a)) + (local[0],), b + (0,) * (n - len(b)) + (local[1],))

    def __lt__(self, other):
        return self._cmp(other, operator.lt)

    def __le__(self, other):
        return self._cmp(other, operator.le)

    def __gt__(self, other):
        return self._cmp(other, operator.gt)

    def __ge__(self, other):
        return self._cmp(other, operator.ge)

    def __eq__(self, other):
        return self._cmp(other, operator.eq)

    __hash__ = str.__hash__


__version__ = TorchVersion("2.13.0+autograd_magic")   # torch.__version__
cuda = None
hip = None
rocm = None
xpu = None
debug = False
