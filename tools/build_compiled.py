"""Compile the hot modules (autograd_magic/_compiled.py: MODULES) with Cython, beside their sources.

    python tools/build_compiled.py [-j N] [--clean]

Each ``<name>.py`` gives ``<name>.<crc>.<abi>.so`` (crc: CRC-32 of the .py), which the package loads only while
the .py still has that CRC (an edited module runs as written). Modules already built for their current source
are skipped; builds of older sources are removed. ``--clean`` only removes every compiled file. Needs Cython and
a C compiler; without them (or when a module fails to compile) it says so and exits 1: the package then runs
those modules as plain Python (same behaviour, slower). `make setup`, `make test` and `make demo` run it.
"""
import argparse
import glob
import importlib.util
import os
import re
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _table():
    """autograd_magic/_compiled.py, loaded without importing the package (it needs the standard library only)."""
    spec = importlib.util.spec_from_file_location("_am_compiled", os.path.join(ROOT, "autograd_magic", "_compiled.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _remove_stale(table, keep=()):
    """Remove every compiled file under the package but those in keep (builds of older sources, or of modules
    no longer listed)."""
    pattern = re.compile(r"\.[0-9a-f]{8}" + re.escape(table.SUFFIX) + "$")
    for path in glob.glob(os.path.join(table.PACKAGE, "**", "*" + table.SUFFIX), recursive=True):
        if pattern.search(path) and path not in keep:
            os.unlink(path)


def build(jobs=2, quiet=False):
    table = _table()
    todo, keep = [], set()
    for module in table.MODULES:
        target = table.compiled_path(module, table.source_crc(table.source_path(module)))
        keep.add(target)
        if not os.path.exists(target):
            todo.append((module, target))
    _remove_stale(table, keep)
    if not todo:
        if not quiet:
            print(f"compiled modules: all {len(table.MODULES)} current")
        return 0
    try:
        from Cython.Build import cythonize
        from setuptools import Distribution, Extension
    except ImportError as exc:
        raise RuntimeError(f"Cython or setuptools is not installed ({exc})") from exc
    if shutil.which(os.environ.get("CC") or "cc") is None and shutil.which("gcc") is None:
        raise RuntimeError("no C compiler found (set CC, or install gcc)")
    work = tempfile.mkdtemp(prefix="am_cython_")
    here = os.getcwd()
    os.chdir(ROOT)   # sources named from the project's folder: tracebacks name "autograd_magic/engine/..."
    try:
        extensions = [Extension(f"autograd_magic.{module}", [os.path.relpath(table.source_path(module), ROOT)],
                                # the same IEEE arithmetic as the interpreter: no contraction into fused ops
                                extra_compile_args=["-O2", "-ffp-contract=off", "-fno-fast-math", "-w"])
                      for module, _ in todo]
        extensions = cythonize(extensions, build_dir=os.path.join(work, "c"), nthreads=jobs, quiet=True,
                               language_level=3, compiler_directives={"binding": True, "embedsignature": False,
                                                                          "annotation_typing": False})
        dist = Distribution({"name": "autograd_magic_compiled", "ext_modules": extensions})
        cmd = dist.get_command_obj("build_ext")
        cmd.build_lib, cmd.build_temp, cmd.parallel = os.path.join(work, "lib"), os.path.join(work, "tmp"), jobs
        cmd.ensure_finalized()
        cmd.run()
        for (module, target), ext in zip(todo, extensions):
            built = cmd.get_ext_fullpath(ext.name)
            tmp = target + ".tmp"
            shutil.copyfile(built, tmp)
            os.chmod(tmp, 0o755)
            os.replace(tmp, target)   # (renamed into place: a running process keeps the file it loaded)
    finally:
        os.chdir(here)
        shutil.rmtree(work, ignore_errors=True)
    if not quiet:
        print(f"compiled modules: built {len(todo)} of {len(table.MODULES)}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--clean", action="store_true")
    args = parser.parse_args()
    if args.clean:
        _remove_stale(_table())
        return 0
    try:
        return build(args.jobs)
    except Exception as exc:  # noqa: BLE001 - any failure leaves the package on plain Python
        print(f"autograd_magic: the compiled modules were not built ({type(exc).__name__}: {exc}); "
              "the package runs them as plain Python (same behaviour, slower)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
