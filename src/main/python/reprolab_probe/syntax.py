"""``python -m reprolab_probe.syntax FILE``: whether FILE is Python this interpreter can parse.

Prints ``line N: message`` and exits 1 for a syntax error (a data file, a notebook, Python 2), exits 0
otherwise. Only parses: nothing of the script runs, and no bytecode is written next to it."""

import ast
import sys
from typing import List, Optional


def problem(path: str) -> Optional[str]:
    """None when the file parses, else where and why it does not."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        ast.parse(source, path)
    except SyntaxError as e:
        return "line %s: %s" % (e.lineno, e.msg)
    except ValueError as e:  # e.g. NUL bytes in the source
        return str(e)
    return None


def main(argv: List[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m reprolab_probe.syntax FILE")
        return 2
    found = problem(argv[0])
    if found is not None:
        print(found)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
