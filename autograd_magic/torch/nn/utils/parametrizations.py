"""torch.nn.utils.parametrizations: not implemented yet. ``orthogonal`` raises an error that names what it needs
(torch.matrix_exp, torch.linalg.householder_product: the engine has neither); weight_norm and spectral_norm are
missing (weight_norm's graph shows PyTorch's fused WeightNormInterfaceBackward0 node, which the engine lacks).
Writing a parametrization by hand with torch.nn.utils.parametrize works."""


def orthogonal(module, name="weight", orthogonal_map=None, *, use_trivialization=True):
    """PyTorch's orthogonal parametrization maps through torch.matrix_exp, the Cayley map or Householder
    reflections (torch.linalg.householder_product): the engine cannot do it yet, and says so."""
    raise NotImplementedError("torch.nn.utils.parametrizations.orthogonal needs torch.matrix_exp and "
                              "torch.linalg.householder_product: autograd_magic implements a subset of PyTorch, and "
                              "they are not part of it (register your own map with "
                              "torch.nn.utils.parametrize.register_parametrization)")


def __getattr__(name):
    raise AttributeError(f"module 'torch.nn.utils.parametrizations' has no attribute '{name}': autograd_magic "
                         f"implements a subset of PyTorch, and torch.nn.utils.parametrizations.{name} is not part "
                         "of it")
