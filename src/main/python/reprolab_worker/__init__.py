"""ReproLab's PyTorch worker.

One process trains one run and writes the same JSON-lines events as the Java worker
(``reprolab.worker.WorkerMain``): ``started``, ``iteration`` (0 = the initialised model),
``epoch``, ``finished`` or ``failed``. Started by the Java launcher as
``python3 -m reprolab_worker --run-spec RUN.json --launcher-pid PID``.

Only the standard library is imported at module level, so a Python without torch can still
report that torch is missing as a ``failed`` event.
"""

WORKER_VERSION = "1"
