"""The one style of the views: colours and titles of the kinds of tensors and of op nodes, shared by the table,
the diagram and every other view (no view imports another view for its colours)."""
from ..trace.model import INTERMEDIATE, LEAF, OUTPUT

KIND_COLOURS = {LEAF: "#cfe2ff", OUTPUT: "#d3f0c2", INTERMEDIATE: "#fff1c1"}
KIND_TITLES = {LEAF: "leaf (requires_grad=True)", OUTPUT: "output", INTERMEDIATE: "intermediate"}
KIND_TEXT = {LEAF: "leaf", OUTPUT: "output", INTERMEDIATE: "intermediate"}
OP_COLOUR = "#eeeeee"
NOTE_COLOUR = "#ffe3c2"
