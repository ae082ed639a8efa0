import os
import sys

# the probe and the worker it reuses live in src/main/python
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "main", "python"))
