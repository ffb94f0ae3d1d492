"""autograd_magic: see PyTorch's autograd inside Jupyter.

``from autograd_magic import torch`` gives a numpy engine with PyTorch's API;
``%load_ext autograd_magic`` adds the ``%%grad`` cell magic.
"""
__version__ = "0.1.0"

from . import _compiled

_compiled.install(__name__)   # the hot modules compiled, when built from their current source (_compiled.py)


def load_ipython_extension(ipython):
    from .magic import load_ipython_extension as load
    load(ipython)


def unload_ipython_extension(ipython):
    from .magic import unload_ipython_extension as unload
    unload(ipython)
