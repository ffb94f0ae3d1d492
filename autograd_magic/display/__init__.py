"""The display layer of %%grad: gradient table, graph diagram (DOT, SVG) and the result object."""
