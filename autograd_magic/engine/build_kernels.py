"""Compile the optional C kernels (_vec_kernels.c, and _reduce.c: PyTorch's float sums) into a shared library next to this file:

    python -m autograd_magic.engine.build_kernels     (or: python autograd_magic/engine/build_kernels.py)

`make setup`, `make test` and `make demo` run it after installing. It calls the system C compiler ($CC, else cc,
gcc, clang) with -O2 -fPIC -shared -ffp-contract=off -fno-fast-math -fno-math-errno (no errno from sqrtf: its
loops vectorise; no value changes) and links the C math library (fmaf, expf,
log1pf): _vec_kernels.so for any processor, and on x86-64 also _vec_kernels_avx2.so with -mavx2 -mfma (fmaf one
instruction, loops vectorised), which ckernels.py loads where the processor has both. Without a compiler, or when
compiling fails, the engine runs the same kernels with numpy (same bits, slower); the command then exits with
status 1 and says why.

With the Python and numpy headers it also builds the same kernels as a Python extension (_vec_ext, and
_vec_ext_avx2 with the AVX2 flags): one wrapper per kernel, written here from ckernels.SIGNATURES, that takes numpy
arrays as they are, plus wrappers that call a function at an address (MKL's gemm, gemv and vector math, for
blas.py). A call then costs ~0.1 us instead of ctypes' ~1-2 us (a training step makes 15 or more). The same
sources with the same flags: the same bits. Where the extension does not build, ctypes loads the library.
"""
import os
import sys

if __name__ == "__main__" and sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]   # run as a script (the Makefile does, before the package is importable): this folder's
                      # random.py and inspect.py would hide the standard library's
import ast  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sysconfig  # noqa: E402
import tempfile  # noqa: E402
import zlib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "_vec_kernels.c")
SOURCES = [SOURCE, os.path.join(HERE, "_reduce.c")]                  # compiled together into one library
DEPENDS = SOURCES + [os.path.join(HERE, n) for n in ("_reduce_body.h", "_reduce_cols.h")]   # what the hash covers
LIBRARY = os.path.join(HERE, "_vec_kernels.so")
LIBRARY_AVX2 = os.path.join(HERE, "_vec_kernels_avx2.so")
FLAGS = ["-O2", "-fPIC", "-shared", "-ffp-contract=off", "-fno-fast-math", "-fno-math-errno", "-std=c99"]
AVX2_FLAGS = ["-mavx2", "-mfma"]
LOADER = os.path.join(HERE, "ckernels.py")          # holds SIGNATURES and CALLS, the wrappers' specification
EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
EXTENSION = os.path.join(HERE, "_vec_ext" + EXT_SUFFIX)
EXTENSION_AVX2 = os.path.join(HERE, "_vec_ext_avx2" + EXT_SUFFIX)


def source_hash():
    """CRC-32 of the C sources (every file the library is built from): the library carries it, the loader checks
    it is current (zlib: cheaper to import than hashlib, and this only tells versions apart)."""
    crc = 0
    for path in DEPENDS:
        with open(path, "rb") as f:
            crc = zlib.crc32(f.read(), crc)
    return f"{crc:08x}"


def specification(path=LOADER):
    """(SIGNATURES, CALLS) as ckernels.py writes them (literals, read without running the module)."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in ("SIGNATURES", "CALLS"):
                found[node.targets[0].id] = ast.literal_eval(node.value)
    return found["SIGNATURES"], found["CALLS"]


def wrapper_hash(signatures, calls):
    """CRC-32 of what the extension's wrappers are written from: this file and the two tables (ckernels.py
    computes the same from its own tables to tell a stale extension)."""
    with open(os.path.abspath(__file__), "rb") as f:
        crc = zlib.crc32(f.read())
    crc = zlib.crc32(repr(sorted(signatures.items())).encode(), crc)
    crc = zlib.crc32(repr(sorted(calls.items())).encode(), crc)
    return f"{crc:08x}"


_C_TYPES = {"P": "void *", "V": "void *", "L": "long", "I": "int", "Q": "long long", "F": "float", "D": "double"}
_CONVERT = {   # C statement that sets a<i> from args[i], returning NULL on a bad argument
    "P": "if (!am_pointer(args[{i}], &a{i}, 0)) return NULL;",
    "V": "if (!am_pointer(args[{i}], &a{i}, 1)) return NULL;",
    "L": "a{i} = PyLong_AsLong(args[{i}]); if (a{i} == -1 && PyErr_Occurred()) return NULL;",
    "I": "a{i} = (int)PyLong_AsLong(args[{i}]); if (a{i} == -1 && PyErr_Occurred()) return NULL;",
    "Q": "a{i} = PyLong_AsLongLong(args[{i}]); if (a{i} == -1 && PyErr_Occurred()) return NULL;",
    "F": "a{i} = (float)PyFloat_AsDouble(args[{i}]); if (a{i} == -1 && PyErr_Occurred()) return NULL;",
    "D": "a{i} = PyFloat_AsDouble(args[{i}]); if (a{i} == -1 && PyErr_Occurred()) return NULL;",
}
_RETURN = {"": "Py_RETURN_NONE;", "L": "return PyLong_FromLong(r);", "F": "return PyFloat_FromDouble((double)r);",
           "D": "return PyFloat_FromDouble(r);"}
_EXT_HEAD = r'''/* Written by build_kernels.py from ckernels.SIGNATURES and ckernels.CALLS: do not edit. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <numpy/arrayobject.h>
#include "_vec_kernels.c"
#include "_reduce.c"

/* an argument as a data pointer: a numpy array (its data, whatever its layout: the caller checked it), an int (an
   address), or None where NULL is allowed */
static int am_pointer(PyObject *o, void **out, int nullable) {
    if (PyArray_Check(o)) { *out = PyArray_DATA((PyArrayObject *)o); return 1; }
    if (nullable && o == Py_None) { *out = NULL; return 1; }
    if (PyLong_Check(o)) { *out = PyLong_AsVoidPtr(o); return !PyErr_Occurred(); }
    PyErr_Format(PyExc_TypeError, "expected a numpy array or an address, got %.100s", Py_TYPE(o)->tp_name);
    return 0;
}

static PyObject *am_arity(const char *name, Py_ssize_t want, Py_ssize_t got) {
    PyErr_Format(PyExc_TypeError, "%s takes %zd arguments (%zd given)", name, want, got);
    return NULL;
}
'''


def _wrapper(name, letters, result, call):
    """One METH_FASTCALL wrapper: convert the arguments, call (the kernel, or the function at args[0]), return."""
    offset = 1 if call else 0
    lines = [f"static PyObject *w_{name}(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {{",
             f"    if (nargs != {len(letters) + offset}) return am_arity(\"{name}\", {len(letters) + offset}, nargs);"]
    for i, c in enumerate(letters):
        lines.append(f"    {_C_TYPES[c]} a{i + offset};")
    for i, c in enumerate(letters):
        lines.append("    " + _CONVERT[c].format(i=i + offset))
    params = ", ".join(_C_TYPES[c] for c in letters)
    target = name
    if call:
        lines.append(f"    typedef {_C_TYPES[result] if result else 'void'} (*fn_t)({params});")
        lines.append("    void *fn; if (!am_pointer(args[0], &fn, 0)) return NULL;")
        target = "((fn_t)fn)"
    invoke = f"{target}({', '.join(f'a{i + offset}' for i in range(len(letters)))})"
    lines.append(f"    {_C_TYPES[result]} r = {invoke};" if result else f"    {invoke};")
    lines.append("    " + _RETURN[result])
    lines.append("}")
    return "\n".join(lines)


def extension_source(module, signatures, calls):
    """The C source of the extension module ``module`` (_vec_ext or _vec_ext_avx2)."""
    parts = [_EXT_HEAD]
    methods = []
    for name, (letters, result) in signatures.items():
        parts.append(_wrapper(name, letters, result, call=False))
        methods.append(name)
    for name, (letters, result) in calls.items():
        parts.append(_wrapper("call_" + name, letters, result, call=True))
        methods.append("call_" + name)
    parts.append("static PyObject *w_am_source_hash(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {\n"
                 "    return PyBytes_FromString(am_source_hash());\n}")
    parts.append("static PyObject *w_am_wrapper_hash(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {\n"
                 "    return PyUnicode_FromString(AM_WRAPPER_HASH);\n}")
    methods += ["am_source_hash", "am_wrapper_hash"]
    table = "\n".join(f'    {{"{m}", (PyCFunction)(void (*)(void))w_{m}, METH_FASTCALL, NULL}},' for m in methods)
    parts.append(f"static PyMethodDef methods[] = {{\n{table}\n    {{NULL, NULL, 0, NULL}}\n}};")
    parts.append(f'static struct PyModuleDef moddef = {{PyModuleDef_HEAD_INIT, "{module}", NULL, -1, methods}};')
    parts.append(f"PyMODINIT_FUNC PyInit_{module}(void) {{\n    import_array();\n"
                 "    return PyModule_Create(&moddef);\n}")
    return "\n\n".join(parts) + "\n"


def _compile_extension(cc, flags, target):
    """The extension next to the library: raises RuntimeError when the headers or the compiler refuse."""
    try:
        import numpy  # (here: this command runs as a script, numpy only for the extension)
    except ImportError as e:
        raise RuntimeError(f"numpy is not importable ({e})") from None
    includes = [sysconfig.get_paths()["include"], numpy.get_include(), HERE]
    if not os.path.exists(os.path.join(includes[0], "Python.h")):
        raise RuntimeError(f"no Python.h in {includes[0]} (install the Python headers)")
    signatures, calls = specification()
    module = os.path.basename(target).split(".")[0]
    with tempfile.TemporaryDirectory() as tmpdir:
        source = os.path.join(tmpdir, module + ".c")
        with open(source, "w", encoding="utf-8") as f:
            f.write(extension_source(module, signatures, calls))
        _run_compiler([cc, *(f for f in FLAGS if not f.startswith("-std=")), "-std=c11", *flags,
                       f'-DAM_SOURCE_HASH="{source_hash()}"', f'-DAM_WRAPPER_HASH="{wrapper_hash(signatures, calls)}"',
                       *(f"-I{d}" for d in includes), source], target)


def compiler():
    for name in (os.environ.get("CC"), "cc", "gcc", "clang"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def _compile(cc, flags, target):
    _run_compiler([cc, *FLAGS, *flags, f'-DAM_SOURCE_HASH="{source_hash()}"', *SOURCES], target)


def _run_compiler(command, target):
    """command -o <a temporary file> -lm, then the file renamed to target: compiled aside, so that a running
    process that loaded the old one keeps its own copy; RuntimeError with the compiler's complaint."""
    fd, tmp = tempfile.mkstemp(suffix=".so", dir=HERE)
    os.close(fd)
    cmd = [*command, "-o", tmp, "-lm"]
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
    """Compile both libraries and both extensions; returns the paths built, or raises RuntimeError with the
    compiler's complaint about the plain library (the AVX2 builds are skipped off x86-64 and where the compiler
    refuses their flags; an extension that does not build is left to ctypes, with a note on stderr)."""
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
    for flags, target in (([], EXTENSION), (AVX2_FLAGS, EXTENSION_AVX2)):
        if flags and LIBRARY_AVX2 not in built:
            continue
        try:
            _compile_extension(cc, flags, target)
            built.append(target)
        except RuntimeError as e:   # ctypes loads the library instead
            print(f"autograd_magic: {target} not built ({e})", file=sys.stderr)
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
