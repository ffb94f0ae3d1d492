"""Dispatch settings: run the parity corpus as another processor would (`make parity-matrix`, tests/test_dispatch.py).

PyTorch, numpy, oneDNN and MKL each pick their SIMD kernels from the processor; these variables, set before the
libraries load, force another path on this machine. AVX2_MACHINE is the closest to an AVX2-only processor (an
older Intel): every library on its AVX2 path.

    python tests/dispatch.py [SETTING ...]     # the parity corpus under each setting (all by default), tallies
"""
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The differential tests against PyTorch and the bit-exact ones whose outcome a kernel choice could change
PARITY_FILES = ["tests/test_lessons.py", "tests/test_seed_lesson.py", "tests/test_vs_torch.py",
                "tests/test_nn_api.py", "tests/test_math_api.py", "tests/test_tensor_api.py",
                "tests/test_fuzz_vs_torch.py", "tests/test_conv_vs_torch.py", "tests/test_rnn.py",
                "tests/test_random.py", "tests/test_reduce_order.py", "tests/test_printing.py",
                "tests/test_act_kernels.py", "tests/test_onednn_kernels.py", "tests/test_mkl_order.py",
                "tests/test_softmax_dims.py", "tests/test_blas.py", "tests/test_bfloat16_vs_torch.py",
                "tests/test_distributions2_vs_torch.py", "tests/test_ctc_kaiser_vs_torch.py",
                "tests/test_tutorial_api4.py", "tests/test_tutorial_api5.py",
                "tests/test_views_hooks_vs_torch.py", "tests/test_tutorial_api6.py",
                "tests/test_division_vs_torch.py", "tests/test_tutorial_api7.py",
                "tests/test_small_api_vs_torch.py", "tests/test_tutorial_api8.py",
                # (float32 10 ** x, sums in memory order; cdist with FMA, strided sums: kernel-dependent rounding)
                "tests/test_probe55_vs_torch.py", "tests/test_probe58_vs_torch.py",
                # (MKL's potrf / trsm / potrs / potri and getrs called as ATen calls them: processor-dependent)
                "tests/test_linalg_bits_vs_torch.py"]


def numpy_without_avx512():
    """NPY_DISABLE_CPU_FEATURES value that turns numpy's AVX-512 loops off: the names differ between numpy
    versions (1.x: AVX512F AVX512_SKX ..., 2.4: X86_V4 AVX512_ICL ...), and numpy refuses names it does not
    dispatch on, so ask it which it dispatches on and this processor has (in a child: the variable works only
    before numpy loads). Empty on a processor without AVX-512: the setting is then the native one."""
    code = ("from numpy._core._multiarray_umath import __cpu_dispatch__ as d, __cpu_features__ as f\n"
            "print(' '.join(x for x in d if f.get(x)))")
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    return " ".join(f for f in out.split() if f == "X86_V4" or f.startswith("AVX512"))


def settings():
    """name -> environment variables (over the current environment)."""
    npy = {"NPY_DISABLE_CPU_FEATURES": numpy_without_avx512()}
    return {
        "native": {},
        "aten_avx2": {"ATEN_CPU_CAPABILITY": "avx2"},
        "aten_default": {"ATEN_CPU_CAPABILITY": "default"},
        "numpy_no_avx512": npy,
        "avx2_machine": {"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2",
                         "MKL_ENABLE_INSTRUCTIONS": "AVX2", **npy},
    }


def run(setting, files=PARITY_FILES, extra=(), timeout=1800, env=None):
    """pytest over files in a child process under one setting (env: more variables); (returncode, output)."""
    env = {**os.environ, **settings()[setting], **(env or {})}
    env["PYTHONPATH"] = os.pathsep.join(p for p in [str(ROOT), env.get("PYTHONPATH", "")] if p)
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", *extra, *files]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    return proc.returncode, proc.stdout + proc.stderr


def describe():
    """The kernels this process dispatches to: PyTorch's capability, numpy's enabled SIMD targets."""
    parts = []
    torch = sys.modules.get("torch")
    if torch is not None and hasattr(torch, "backends") and hasattr(torch.backends, "cpu"):
        parts.append(f"torch {torch.backends.cpu.get_cpu_capability()}")
    try:
        from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
        parts.append("numpy " + " ".join(f for f in __cpu_dispatch__ if __cpu_features__.get(f)))
    except ImportError:
        pass
    return "; ".join(parts)


def tally(output):
    """The parity tally lines and pytest's closing line from a child's output."""
    lines = output.splitlines()
    start = next((i for i, line in enumerate(lines) if "parity with PyTorch" in line), len(lines))
    table = [line for line in lines[start + 1:] if re.match(r"(\w+ +\d+ identical|dispatch: )", line)]
    closing = [line for line in lines if re.search(r"\d+ (passed|failed)", line)][-1:]
    return table + closing


def main(names):
    every = settings()
    bad = 0
    for name in names or every:
        t = time.time()
        code, out = run(name)
        bad += code != 0
        print(f"== {name} {every[name]} ({time.time() - t:.0f} s)")
        print("\n".join(tally(out)))
        if code:
            print("\n".join(line for line in out.splitlines() if line.startswith("FAILED")))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
