"""The view layer: gradient table, computation-graph diagram and outline, built from plain result objects."""
