"""The ops whose PyTorch CPU kernels have no complex loop (erf, lgamma, i0, xlogy, zeta ...): a complex input gets
the kernel's NotImplementedError ('"erf_vml_cpu" not implemented for 'ComplexFloat''), whichever public door it
came through (torch.erf, Tensor.erf_, torch.special.ndtr ...), instead of numpy computing on its real part."""
import numpy as np

from . import dtypes

# op name -> the name of ATen's kernel (its dispatch macro's label), or a function of the op's constants giving it
KERNELS = {
    "erf": "erf_vml_cpu", "erfc": "erfc_vml_cpu", "erfinv": "erfinv_vml_cpu", "logit": "logit_cpu",
    "xlogy": "xlogy_cpu", "xlogy_other": "xlogy_cpu", "xlogy_self": "xlogy_cpu",
    "dist_lgamma": "lgamma_vml_cpu", "dist_digamma": "digamma",
    "dist_polygamma": lambda n: "trigamma" if n == 1 else "polygamma",
    "special_entr": "entr_cpu", "special_xlog1py": "xlog1py_cpu", "special_xlog1py_other": "xlog1py_cpu",
    "special_xlog1py_self": "xlog1py_cpu", "special_i0": "i0_vml_cpu", "special_i0e": "i0e_cpu",
    "special_i1": "i1_cpu", "special_i1e": "i1e_cpu", "special_ndtri": "ndtri_cpu", "special_log_ndtr": "log_ndtr_cpu",
    "special_erfcx": "erfcx_cpu", "mvlgamma": "arange_cpu", "special_zeta": "zeta_cpu", "igamma": "igamma_cpu",
    "igammac": "igammac_cpu", "atan2": "atan2_cpu",
}


def refusing_complex(fwd, kernel):
    """fwd raising the kernel's NotImplementedError for complex arrays (named by their common complex dtype)."""
    def checked(*args):
        arrays = [a for a in args if isinstance(a, np.ndarray)]
        if any(a.dtype.kind == "c" for a in arrays):
            name = kernel(*[a for a in args if not isinstance(a, np.ndarray)]) if callable(kernel) else kernel
            common = np.result_type(*arrays)
            raise NotImplementedError(f"\"{name}\" not implemented for '{dtypes.scalar_name(common)}'")
        return fwd(*args)
    checked.__name__ = getattr(fwd, "__name__", "fwd")
    checked.__doc__ = fwd.__doc__
    return checked


def refuse_complex(ops):
    """Give the real-only ops of the table their complex refusal (called once the table is complete)."""
    for name, kernel in KERNELS.items():
        op = ops[name]
        op.fwd = refusing_complex(op.fwd, kernel)
