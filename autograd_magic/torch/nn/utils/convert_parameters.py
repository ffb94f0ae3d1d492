"""torch.nn.utils.convert_parameters: parameters to one vector and back (torch.nn.utils' own functions)."""
from . import parameters_to_vector, vector_to_parameters  # noqa: F401
