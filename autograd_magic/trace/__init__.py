"""The trace layer: run a cell like a normal cell on the engine and record what it did (see runner.py, model.py)."""
