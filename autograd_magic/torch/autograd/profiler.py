"""torch.autograd.profiler: the older face of the profiler that tutorials still use ("Profiling your PyTorch
Module"). It records what torch.profiler records (the engine's ops and record_function blocks, the engine's
timings: see torch/profiler), and record_function is torch.profiler's, as in PyTorch."""
from ..profiler import FunctionEventAvg, profile as _profiler_profile, record_function  # noqa: F401


class profile(_profiler_profile):
    """``with torch.autograd.profiler.profile() as prof:`` records the block; ``prof.key_averages().table()``."""

    def __init__(self, enabled=True, *, use_cuda=False, use_device=None, record_shapes=False, with_flops=False,
                 profile_memory=False, with_stack=False, with_modules=False, use_kineto=True, use_cpu=True,
                 experimental_config=None, acc_events=False, custom_trace_id_callback=None):
        super().__init__(record_shapes=record_shapes, profile_memory=profile_memory, with_stack=with_stack,
                         with_flops=with_flops, with_modules=with_modules)
        self.enabled = enabled

    def start(self):
        if self.enabled:
            super().start()

    def _results(self, name):
        if not self.enabled:   # PyTorch records nothing then: its results are None
            raise AttributeError(f"'NoneType' object has no attribute '{name}'")

    def key_averages(self, group_by_input_shape=False, group_by_stack_n=0, group_by_overload_name=False):
        self._results("key_averages")
        return super().key_averages(group_by_input_shape, group_by_stack_n, group_by_overload_name)

    @property
    def function_events(self):
        self._results("function_events")
        return self.events()

    def table(self, sort_by=None, row_limit=100, max_src_column_width=75, max_name_column_width=55,
              max_shapes_column_width=80, header=None, top_level_events_only=False):
        return self.key_averages().table(sort_by=sort_by, row_limit=row_limit,
                                         max_name_column_width=max_name_column_width, header=header)

    def total_average(self):
        self._results("total_average")
        total = FunctionEventAvg("Total")
        for event in self._events:
            total.add(event)
        return total

    @property
    def self_cpu_time_total(self):
        return sum(e.self_cpu_time_total for e in self.key_averages())

    def __str__(self):
        return self.table()


emit_nvtx = emit_itt = record_function


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.autograd.profiler", name)
