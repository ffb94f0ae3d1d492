"""Compile the optional C kernels (_vec_kernels.c, and _reduce.c: PyTorch's float sums) into a shared library next to this file:

    python -m autograd_magic.engine.build_kernels     (or: python autograd_magic/engine/build_kernels.py)

`make setup`, `make test` and `make demo` run it after installing. It calls the system C compiler ($CC, else cc,
gcc, clang) with -O2 -fPIC -shared -ffp-contract=off -fno-fast-math -fno-math-errno (no errno from sqrtf: its
loops vectorise; no value changes) and links the C math library (fmaf, expf,
log1pf): _vec_kernels.so for any processor, and on x86-64 also _vec_kernels_avx2.so with -mavx2 -mfma (fmaf one
instruction, loops vectorised), which ckernels.py loads where the processor has both. Without a compiler, or when
compiling fails, the engine runs the same kernels with numpy (same bits, slower); the command then exits with
status 1 and says why.
"""
import os
import sys

if __name__ == "__main__" and sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]   # run as a script (the Makefile does, before the package is importable): this folder's
                      # random.py and inspect.py would hide the standard library's
import platform  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import zlib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "_vec_kernels.c")
SOURCES = [SOURCE, os.path.join(HERE, "_reduce.c")]                  # compiled together into one library
DEPENDS = SOURCES + [os.path.join(HERE, "_reduce_body.h")]            # what the library's source hash covers
LIBRARY = os.path.join(HERE, "_vec_kernels.so")
LIBRARY_AVX2 = os.path.join(HERE, "_vec_kernels_avx2.so")
FLAGS = ["-O2", "-fPIC", "-shared", "-ffp-contract=off", "-fno-fast-math", "-fno-math-errno", "-std=c99"]
AVX2_FLAGS = ["-mavx2", "-mfma"]


def source_hash():
    """CRC-32 of the C sources (every file the library is built from): the library carries it, the loader checks
    it is current (zlib: cheaper to import than hashlib, and this only tells versions apart)."""
    crc = 0
    for path in DEPENDS:
        with open(path, "rb") as f:
            crc = zlib.crc32(f.read(), crc)
    return f"{crc:08x}"


def compiler():
    for name in (os.environ.get("CC"), "cc", "gcc", "clang"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def _compile(cc, flags, target):
    fd, tmp = tempfile.mkstemp(suffix=".so", dir=HERE)   # compiled aside, then renamed: a running process that
    os.close(fd)                                          # loaded the old library keeps its own copy
    cmd = [cc, *FLAGS, *flags, f'-DAM_SOURCE_HASH="{source_hash()}"', *SOURCES, "-o", tmp, "-lm"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stderr}")
        os.chmod(tmp, 0o755)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def build(quiet=False):
    """Compile both libraries; returns their paths, or raises RuntimeError with the compiler's complaint (the
    AVX2 one is skipped off x86-64 and where the compiler refuses its flags)."""
    cc = compiler()
    if cc is None:
        raise RuntimeError("no C compiler found (set CC, or install gcc)")
    _compile(cc, [], LIBRARY)
    built = [LIBRARY]
    if platform.machine().lower() in ("x86_64", "amd64"):
        try:
            _compile(cc, AVX2_FLAGS, LIBRARY_AVX2)
            built.append(LIBRARY_AVX2)
        except RuntimeError as e:
            print(f"autograd_magic: {LIBRARY_AVX2} not built ({e})", file=sys.stderr)
    if not quiet:
        print("built " + ", ".join(built))
    return built


def main():
    try:
        build()
    except (RuntimeError, OSError) as e:
        print(f"autograd_magic: the C kernels were not built ({e}); the engine uses numpy for them (same results, "
              "slower)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
