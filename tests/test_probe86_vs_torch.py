"""What the eighty-sixth probe (GPU-first tutorial code run on a laptop without CUDA: d2l's multi-GPU chapter, the
AMP recipe's timing helpers, the DataParallel tutorial, set_seed / memory-logging utilities, device helpers with
MPS and XPU branches) found, each checked against PyTorch's CPU build: pin_memory= in the factories (refused without
a pinned-memory allocator, accepted into out=, parsed as a bool); torch.cuda's memory counters (0), memory_stats,
the renamed memory_cached, reset_peak_memory_stats / set_device reaching for bindings a CPU build lacks,
manual_seed's int(), torch.cuda.device as a context, the get_* functions that assert, each under its own name;
torch.cuda.FloatTensor and its siblings (they exist, make no tensor, and x.type() to them needs the CUDA library);
torch.mps, torch.xpu and torch.cpu.synchronize; nn.parallel's scatter / gather / replicate / parallel_apply /
data_parallel and DataParallel's methods, which read their devices and then fail as PyTorch does without a GPU;
and Tensor.to's copy (by keyword with only a device, and positionally)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "pin_memory_in_factories": [
        ATTEMPT + '''t = torch.ones(2)
for make in [lambda: torch.zeros(2, 3, pin_memory=True), lambda: torch.ones(2, pin_memory=True),
             lambda: torch.empty(2, pin_memory=True), lambda: torch.full((2,), 1.5, pin_memory=True),
             lambda: torch.tensor([1.0], pin_memory=True), lambda: torch.randn(2, pin_memory=True),
             lambda: torch.rand(2, pin_memory=True), lambda: torch.randint(3, (2,), pin_memory=True),
             lambda: torch.arange(3, pin_memory=True), lambda: torch.linspace(0, 1, 3, pin_memory=True),
             lambda: torch.logspace(0, 1, 3, pin_memory=True), lambda: torch.eye(2, pin_memory=True),
             lambda: torch.randperm(3, pin_memory=True), lambda: torch.zeros_like(t, pin_memory=True),
             lambda: torch.ones_like(t, pin_memory=True), lambda: torch.full_like(t, 2, pin_memory=True),
             lambda: torch.empty_like(t, pin_memory=True).shape, lambda: torch.rand_like(t, pin_memory=True),
             lambda: torch.normal(0., 1., (2,), pin_memory=True), lambda: torch.scalar_tensor(1, pin_memory=True),
             lambda: torch.empty_strided((2,), (1,), pin_memory=True).shape,
             lambda: torch.zeros(2, pin_memory=False), lambda: torch.zeros(2, pin_memory=None),
             lambda: torch.zeros(2, out=torch.empty(2), pin_memory=True), lambda: torch.zeros(2, pin_memory="a"),
             lambda: torch.tensor(1., pin_memory=1), lambda: torch.zeros(2, device="cuda", pin_memory=True)]:
    attempt(make)
''',
    ],
    "cuda_memory_seeds_and_devices": [
        ATTEMPT + '''print(torch.cuda.memory_allocated(), torch.cuda.max_memory_allocated(0),
      torch.cuda.memory_reserved("cuda:0"),
      torch.cuda.max_memory_reserved(), torch.cuda.memory_stats(), torch.cuda.get_arch_list(),
      torch.cuda.get_rng_state_all(), torch.cuda.get_gencode_flags())
print(torch.cuda.memory_cached(), torch.cuda.max_memory_cached())
for fn in [torch.cuda.reset_max_memory_allocated, torch.cuda.reset_peak_memory_stats, torch.cuda.memory_summary,
           torch.cuda.reset_accumulated_memory_stats, torch.cuda.get_device_capability, torch.cuda.mem_get_info,
           torch.cuda.initial_seed, torch.cuda.get_rng_state, torch.cuda.current_stream, torch.cuda.init,
           torch.cuda.ipc_collect, torch.cuda.current_device, torch.cuda.get_device_name, torch.cuda.synchronize]:
    print(fn.__name__, end=" ")
    attempt(fn)
for dev in [0, 1, -1, "cuda:1", "cuda", "cpu", None, torch.device("cpu")]:
    attempt(lambda: torch.cuda.set_device(dev))
for seed in [0, 2 ** 70, 1.5, "7", "a", None, torch.tensor(3)]:
    attempt(lambda: torch.cuda.manual_seed(seed))
    attempt(lambda: torch.cuda.manual_seed_all(seed))
for dev in [0, "cuda:1", -1, None, "cuda", "cpu"]:
    try:
        with torch.cuda.device(dev) as d:
            print("inside", d)
    except Exception as e:
        print(type(e).__name__, e)
''',
    ],
    "legacy_cuda_tensor_types": [
        ATTEMPT + '''x = torch.ones(2)
print(torch.cuda.FloatTensor, torch.cuda.HalfTensor, torch.cuda.BFloat16Tensor, torch.cuda.LongTensor.dtype)
print(torch.cuda.FloatTensor.__name__, torch.cuda.FloatTensor == torch.FloatTensor,
      isinstance(x, torch.cuda.FloatTensor), isinstance(x, torch.FloatTensor))
Tensor = torch.cuda.FloatTensor if torch.cuda.is_available() else torch.FloatTensor
print(Tensor(2, 1).fill_(1.0))
for make in [lambda: torch.cuda.FloatTensor([1.0]), lambda: torch.cuda.DoubleTensor(2, 3),
             lambda: torch.cuda.BoolTensor(),
             lambda: x.type(torch.cuda.FloatTensor), lambda: x.type("torch.cuda.LongTensor"),
             lambda: x.type("torch.cuda.FooTensor"), lambda: x.type(torch.cuda.HalfTensor.dtype),
             lambda: torch.set_default_tensor_type(torch.cuda.FloatTensor),
             lambda: torch.set_default_tensor_type("torch.cuda.DoubleTensor")]:
    attempt(make)
print(torch.get_default_dtype())
''',
    ],
    "mps_xpu_and_cpu_modules": [
        ATTEMPT + '''print(torch.mps.is_available(), torch.mps.device_count(), torch.mps.manual_seed(0),
      torch.mps.manual_seed("a"))
print(torch.xpu.is_available(), torch.xpu.device_count(), torch.xpu.manual_seed(0), torch.xpu.manual_seed_all(0),
      torch.xpu.empty_cache(), torch.xpu.memory_allocated(), torch.xpu.is_bf16_supported())
print(torch.cpu.synchronize(), torch.cpu.synchronize("cuda"), torch.cpu.is_initialized())
for fn in [torch.mps.seed, torch.mps.empty_cache, torch.mps.synchronize, torch.mps.current_allocated_memory,
           torch.mps.driver_allocated_memory, torch.mps.recommended_max_memory, torch.mps.get_rng_state,
           torch.xpu.synchronize, torch.xpu.current_device, torch.xpu.get_device_name,
           torch.accelerator.synchronize, torch.accelerator.current_device_index]:
    print(fn.__name__, end=" ")
    attempt(fn)
attempt(lambda: torch.mps.set_per_process_memory_fraction(0.5))
''',
    ],
    "nn_parallel_functions_without_gpus": [
        ATTEMPT + '''import collections
nn = torch.nn
d = torch.arange(6.).reshape(3, 2)
m = nn.Linear(2, 2)
P = collections.namedtuple("P", "a b")
for make in [lambda: nn.parallel.scatter(d, [torch.device("cpu")]), lambda: nn.parallel.scatter(d, ["cpu"]),
             lambda: nn.parallel.scatter(d, [0, 1]), lambda: nn.parallel.scatter(d, []),
             lambda: nn.parallel.scatter(d, ["cuda"]), lambda: nn.parallel.scatter(d, [None]),
             lambda: nn.parallel.scatter([d], ["cuda:0"]), lambda: nn.parallel.scatter(3, [0, 1]),
             lambda: nn.parallel.scatter((1, "a"), [0, 1]), lambda: nn.parallel.scatter({"k": 3}, [0, 1]),
             lambda: nn.parallel.scatter(P(1, 2), [0, 1]), lambda: nn.parallel.scatter((), [0, 1]),
             lambda: nn.parallel.gather([d, d], "cpu"), lambda: nn.parallel.gather([d, d], -1),
             lambda: nn.parallel.gather([None, None], 0), lambda: nn.parallel.gather([{"a": 1}, {"a": 2, "b": 3}], 0),
             lambda: nn.parallel.gather([{"a": None}, {"a": None}], 0), lambda: nn.parallel.gather([P(None, None)], 0),
             lambda: nn.parallel.replicate(m, [torch.device("cpu")]), lambda: nn.parallel.replicate(m, [0]),
             lambda: nn.parallel.replicate(m, []), lambda: nn.parallel.replicate(m, [0], detach=True),
             lambda: nn.parallel.replicate(nn.ReLU(), [0]), lambda: nn.parallel.replicate(nn.BatchNorm1d(2), ["cuda"]),
             lambda: nn.parallel.parallel_apply([m], [d]), lambda: nn.parallel.parallel_apply([m], [d, d]),
             lambda: nn.parallel.parallel_apply([m], [d], [{}, {}]),
             lambda: nn.parallel.parallel_apply([m], [d], None, [0, 1]),
             lambda: nn.parallel.parallel_apply([], []), lambda: nn.parallel.parallel_apply([m], [d], None, ["cpu"]),
             lambda: nn.parallel.parallel_apply([m], [d], None, ["mps:0"]),
             lambda: nn.parallel.data_parallel(m, d), lambda: nn.parallel.data_parallel(m, None, [0])]:
    attempt(make)
dp = nn.DataParallel(m)
for make in [lambda: dp.scatter((d,), {}, [0]), lambda: dp.gather([d], 0), lambda: dp.parallel_apply([m], [d], None),
             lambda: dp.replicate(m, [0]), lambda: dp.replicate(m, []), lambda: dp(d).shape, lambda: dp.dim]:
    attempt(make)
''',
    ],
    "to_copy_flag": [
        ATTEMPT + '''x = torch.ones(2, requires_grad=True)
for make in [lambda: x.to("cpu", copy=True), lambda: x.to(copy=True), lambda: x.to(torch.device("cpu"), copy=True),
             lambda: x.to("cpu", None, False, True), lambda: x.to(x, False, True),
             lambda: x.to(torch.float32, False, True),
             lambda: x.to("cpu", None, True, False), lambda: x.to(torch.float32, True), lambda: x.to("cpu")]:
    y = make()
    print(y is x, y.grad_fn is not None and y.grad_fn.name(), y.dtype)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe86_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe86/{name}", warns="per_cell")
