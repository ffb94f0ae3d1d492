"""Functions of the accelerator modules (torch.cuda, torch.mps, torch.xpu, torch.accelerator) that fail on a
machine without that accelerator, each under its own name, as learners print ``fn.__name__`` beside the error."""


def failing(module, fail, names):
    """{name: function} for names, each calling fail(name) (which raises PyTorch's error for it)."""
    def make(name):
        def call(*args, **kwargs):
            fail(name)
        call.__name__ = call.__qualname__ = name
        call.__module__ = module
        return call
    return {name: make(name) for name in names}
