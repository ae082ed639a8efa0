"""Puts the worker package (src/main/python) on the path, as the launcher's PYTHONPATH does."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "main", "python"))
