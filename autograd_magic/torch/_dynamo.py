"""torch._dynamo: the two names notebooks touch around torch.compile (``torch._dynamo.reset()`` between
experiments, ``torch._dynamo.config.suppress_errors = True``). The engine compiles nothing (torch/compiler.py), so
there is nothing to reset."""


class _Config:
    """torch._dynamo.config: the settings notebooks set; others raise AttributeError as PyTorch's config does."""
    __slots__ = ("suppress_errors", "cache_size_limit", "verbose", "recompile_limit")

    def __init__(self):
        self.suppress_errors, self.cache_size_limit, self.verbose, self.recompile_limit = False, 8, False, 8

    def __repr__(self):
        return "<module 'torch._dynamo.config'>"


config = _Config()


def reset():
    """Clear compiled code caches: the engine keeps none."""
