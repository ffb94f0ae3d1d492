"""What the hundred-and-twenty-seventh probe (fine-tuning and training-loop utilities in plain PyTorch: AdamW with
no_decay groups, LambdaLR warm-up schedules, gradient accumulation, clip_grad_norm_, bf16 autocast on CPU,
parameters_to_vector, AveragedModel EMA, label smoothing, early stopping, checkpoints with RNG states) found, each
checked against PyTorch: torch.set_rng_state goes through the default generator's set_state, so a list (a state
saved with .tolist() into JSON) is refused with PyTorch's TypeError rather than an AttributeError; and
torch.autocast given a dtype that is not a torch.dtype (dtype="bfloat16") warns on construction and then fails on
entering the block with set_autocast_dtype()'s TypeError, leaving autocast off, as PyTorch does."""
from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "set_rng_state_refuses_what_is_not_a_byte_tensor": [
        ATTEMPT + '''torch.manual_seed(0)
state = torch.get_rng_state()
for bad in [state.tolist(), None, state.numpy(), tuple(state.tolist()[:5])]:
    attempt(lambda: torch.set_rng_state(bad))
attempt(lambda: torch.set_rng_state(state.float()))
attempt(lambda: torch.set_rng_state(state[:10]))
print(torch.set_rng_state(state), torch.rand(2))
''',
    ],
    "autocast_dtype_not_a_dtype": [
        ATTEMPT + '''for kw in [dict(device_type="cpu", dtype="bfloat16"), dict(device_type="cuda", dtype="float16"),
           dict(device_type="cpu", dtype=16), dict(device_type="cpu", dtype="bfloat16", enabled=False)]:
    def run():
        with torch.autocast(**kw):
            print("inside", torch.is_autocast_enabled("cpu"))
    attempt(run)
    print(torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"))
f = torch.autocast("cpu", dtype="bf16")(lambda a: a @ a)
attempt(lambda: f(torch.ones(2, 2)))
with torch.autocast("cpu", dtype=torch.bfloat16):
    print((torch.ones(2, 2) @ torch.ones(2, 2)).dtype)
''',
    ],
}


def test_set_rng_state_refuses_what_is_not_a_byte_tensor():
    assert_same_as_pytorch(CELLS["set_rng_state_refuses_what_is_not_a_byte_tensor"], name="probe127_rng")


def test_autocast_dtype_not_a_dtype():
    assert_same_as_pytorch(CELLS["autocast_dtype_not_a_dtype"], name="probe127_autocast")
