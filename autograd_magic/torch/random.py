"""torch.random: the default generator's seeding and state (as torch.* has them) and ``fork_rng``, which lets a
block draw random numbers without moving the stream the code after it sees."""
import contextlib

from .rng import Generator, default_generator, get_rng_state, initial_seed, manual_seed, seed, set_rng_state  # noqa

__all__ = ["Generator", "default_generator", "fork_rng", "get_rng_state", "initial_seed", "manual_seed", "seed",
           "set_rng_state"]


@contextlib.contextmanager
def fork_rng(devices=None, enabled=True, _caller="fork_rng", _devices_kw="devices", device_type=None):
    """Within the block, draw from the default generator freely: its state is put back when the block ends.

    Example::

        with torch.random.fork_rng():
            noise = torch.randn(3)   # the draws after the block are as if this one had not happened
    """
    if not enabled:
        yield
        return
    state = get_rng_state()
    try:
        yield
    finally:
        set_rng_state(state)
