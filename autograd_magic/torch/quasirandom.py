"""torch.quasirandom.SobolEngine: (scrambled) Sobol' sequences, point for point PyTorch's: the same direction
numbers, the same scrambling from the same random bits, the same Gray-code order (engine/sobol.py)."""
from ..engine import sobol
from ..engine.creation import arange, randint, zeros
from ..engine.dtypes import get_default_dtype, int64
from ..engine.linalg import mv
from ..engine.memory_format import contiguous_format
from ..engine.shaping import cat
from .rng import Generator

__all__ = ["SobolEngine"]


class SobolEngine:
    """Draws points of the Sobol' sequence in ``dimension`` dimensions, in [0, 1).

    Example::

        >>> soboleng = torch.quasirandom.SobolEngine(dimension=2)
        >>> soboleng.draw(3)
        tensor([[0.0000, 0.0000],
                [0.5000, 0.5000],
                [0.7500, 0.2500]])
    """

    MAXBIT = sobol.MAXBIT
    MAXDIM = sobol.MAXDIM

    def __init__(self, dimension, scramble=False, seed=None):
        if dimension > self.MAXDIM or dimension < 1:
            raise ValueError(f"Supported range of dimensionality for SobolEngine is [1, {self.MAXDIM}]")
        self.seed = seed
        self.scramble = scramble
        self.dimension = dimension
        self.sobolstate = zeros(dimension, self.MAXBIT, dtype=int64)
        sobol.sobol_engine_initialize_state_(self.sobolstate, self.dimension)
        if not self.scramble:
            self.shift = zeros(self.dimension, dtype=int64)
        else:
            self._scramble()
        self.quasi = self.shift.clone(memory_format=contiguous_format)
        self._first_point = (self.quasi / 2 ** self.MAXBIT).reshape(1, -1)   # (in the default dtype, then .to)
        self.num_generated = 0

    def draw(self, n=1, out=None, dtype=None):
        """The next n points, an (n, dimension) tensor of dtype (the default dtype unless given)."""
        if dtype is None:
            dtype = get_default_dtype()
        if self.num_generated == 0:   # the first point is the shift itself; the Gray code starts after it
            if n == 1:
                result = self._first_point.to(dtype)
            else:
                result, self.quasi = sobol.sobol_engine_draw(self.quasi, n - 1, self.sobolstate, self.dimension,
                                                             self.num_generated, dtype=dtype)
                result = cat((self._first_point.to(dtype), result), dim=-2)
        else:
            result, self.quasi = sobol.sobol_engine_draw(self.quasi, n, self.sobolstate, self.dimension,
                                                         self.num_generated - 1, dtype=dtype)
        self.num_generated += n
        if out is not None:
            out.resize_as_(result).copy_(result)
            return out
        return result

    def draw_base2(self, m, out=None, dtype=None):
        """The next 2 ** m points; the total drawn must stay a power of two (the balance of Sobol' points)."""
        n = 2 ** m
        total_n = self.num_generated + n
        if not (total_n & (total_n - 1) == 0):
            raise ValueError("The balance properties of Sobol' points require n to be a power of 2. "
                             f"{self.num_generated} points have been previously generated, then: "
                             f"n={self.num_generated}+2**{m}={total_n}. If you still want to do this, please use "
                             "'SobolEngine.draw()' instead.")
        return self.draw(n=n, out=out, dtype=dtype)

    def reset(self):
        """Back to the first point."""
        self.quasi.copy_(self.shift)
        self.num_generated = 0
        return self

    def fast_forward(self, n):
        """Skip n points, as drawing them would."""
        done = self.num_generated
        sobol.sobol_engine_ff_(self.quasi, n - 1 if done == 0 else n, self.sobolstate, self.dimension,
                               done if done == 0 else done - 1)
        self.num_generated += n
        return self

    def _scramble(self):
        """A random digital shift and random lower-triangular matrices, from the seed's generator (or the global
        one): the same draws, in the same order, as PyTorch's."""
        g = None
        if self.seed is not None:
            g = Generator()
            g.manual_seed(self.seed)
        shift_ints = randint(2, (self.dimension, self.MAXBIT), generator=g)
        self.shift = mv(shift_ints, 2 ** arange(0, self.MAXBIT))
        ltm = randint(2, (self.dimension, self.MAXBIT, self.MAXBIT), generator=g).tril()
        sobol.sobol_engine_scramble_(self.sobolstate, ltm, self.dimension)

    def __repr__(self):
        parts = [f"dimension={self.dimension}"]
        if self.scramble:
            parts.append("scramble=True")
        if self.seed is not None:
            parts.append(f"seed={self.seed}")
        return f"{type(self).__name__}({', '.join(parts)})"
