"""torch.autograd.profiler: the context managers lessons wrap code in. They run the code and record nothing
(the engine's timings would not be PyTorch's): reading results raises an error that says so."""


class profile:
    """``with torch.autograd.profiler.profile() as prof:`` runs the block; results are not recorded."""

    def __init__(self, enabled=True, *, use_cuda=False, use_device=None, record_shapes=False, with_flops=False,
                 profile_memory=False, with_stack=False, with_modules=False, use_kineto=True, use_cpu=True,
                 experimental_config=None, acc_events=False, custom_trace_id_callback=None):
        self.enabled = enabled

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def _missing(self, *args, **kwargs):
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: the profiler runs the code but "
                                  "records no events (key_averages, table, events, export_chrome_trace are not "
                                  "part of it)")

    key_averages = table = events = export_chrome_trace = total_average = _missing


class record_function:
    """``with record_function("name"):`` labels a block for the profiler (here: only runs it)."""

    def __init__(self, name, args=None):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __call__(self, fn):
        return fn


emit_nvtx = emit_itt = record_function


def __getattr__(name):
    raise AttributeError(f"module 'torch.autograd.profiler' has no attribute '{name}': autograd_magic implements a "
                         f"subset of PyTorch, and torch.autograd.profiler.{name} is not part of it")
