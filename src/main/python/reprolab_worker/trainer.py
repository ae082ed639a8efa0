"""One training run, start to finish, as ``reprolab.worker.Trainer`` does it: started, iteration
0 (the initialised model), one iteration event per update, one epoch event per epoch, finished.
Raises ``TrainingFailure`` for a run that cannot finish."""

import hashlib
import math
import time

import torch
import torch.nn.functional as F

from . import data, fingerprint, model, settings, snapshots
from . import provenance as machine
from .faults import FaultInjection
from .perturb import perturb

MIN_PROBABILITY = 1e-12
VALIDATION_CHUNK = 500


class TrainingFailure(Exception):
    """A run that stopped: cause is one of the Java FailureCause names (error, diverged, ...)."""

    def __init__(self, cause, reason, iteration=-1):
        super().__init__(reason)
        self.cause, self.reason, self.iteration = cause, reason, iteration


class Trainer:
    """Trains ``run`` (the parsed run spec) and writes its events to ``events``."""

    def __init__(self, run, spec_text, events, home, snapshot_path=None):
        """``snapshot_path``: where parameter snapshots go when runs.snapshotEvery is above 0
        (``runs/<id>.params``); None writes none."""
        self.run, self.spec_text, self.events, self.home = run, spec_text, events, home
        self.spec = run["spec"]
        self.seeds = run["seeds"]
        self.snapshot_path = snapshot_path
        self.snapshots = None

    def train(self):
        try:
            self._train()
        finally:
            if self.snapshots is not None:
                self.snapshots.close()

    def _snapshot(self, k, end=False):
        if self.snapshots is None:
            return
        try:
            if end:
                self.snapshots.at_end(k)
            else:
                self.snapshots.at_iteration(k)
        except OSError as e:
            raise TrainingFailure("error", "cannot write the parameter snapshot of iteration %d to %s: %s"
                                  % (k, self.snapshot_path, e), k)

    def _train(self):
        start = time.monotonic()
        execution = self.spec["execution"]
        try:
            device, dtype = settings.apply(execution)
        except settings.SettingError as e:
            raise TrainingFailure("error", str(e))
        features, labels, train, validation, rows, cols = self._data(device, dtype)
        try:
            net = model.build(self.spec["model"], rows, cols, data.CLASSES, self.seeds, dtype, device)
        except model.ModelError as e:
            raise TrainingFailure("error", str(e))
        optimiser = torch.optim.Adam(net.parameters(), lr=self.spec["model"]["learningRate"])
        batch = self.spec["model"]["batchSize"]
        per_epoch = (len(train) + batch - 1) // batch
        self._started(net, device, execution, per_epoch * self.spec["model"]["epochs"])
        self._iteration(net, 0, 0, None, None, self._perturb(net, 0))
        try:
            self.snapshots = snapshots.open_for(net, self.spec.get("runs", {}).get("snapshotEvery", 0),
                                                self.snapshot_path)
        except OSError as e:
            raise TrainingFailure("error", "cannot write parameter snapshots to %s: %s" % (self.snapshot_path, e), 0)
        self._snapshot(0)
        faults = FaultInjection.from_environment()
        stopping = EarlyStopping(self.spec["model"]["earlyStopping"])
        k, train_seconds, last = 0, 0.0, None
        for epoch in range(self.spec["model"]["epochs"]):
            if stopping.should_stop():
                break
            order = data.permutation(len(train), self.seeds["shuffle"], epoch)
            for start_index in range(0, len(order), batch):
                t = time.monotonic()
                chosen = torch.tensor([train[i] for i in order[start_index:start_index + batch]], device=device)
                loss, accuracy = self._update(net, optimiser, features[chosen], labels[chosen], k)
                k += 1
                loss = faults.at_iteration(k, loss)
                if not math.isfinite(loss):
                    raise TrainingFailure("diverged", "loss diverged to %s at iteration %d"
                                          % ("NaN" if loss != loss else loss, k), k)
                self._iteration(net, k, epoch, loss, accuracy, self._perturb(net, k))
                self._snapshot(k)
                train_seconds += time.monotonic() - t
            last = evaluate(net, features, labels, validation, device)
            self.events.write("epoch", epoch=epoch, iteration=k, valLoss=last[0], valAccuracy=last[1])
            stopping.after_epoch(epoch, last[0], lambda: {n: p.detach().clone() for n, p in net.state_dict().items()})
        self._snapshot(k, end=True)  # the trajectory's end, before early stopping may restore earlier weights
        best = stopping.weights_to_restore()
        if best is not None:
            net.load_state_dict(best)
            last = evaluate(net, features, labels, validation, device)
        self.events.write("finished", finalHash=fingerprint.model_hash(fingerprint.layers(net)), iterations=k,
                          wallMs=int((time.monotonic() - start) * 1000),
                          msPerIteration=0 if k == 0 else train_seconds * 1000 / k, valLoss=last[0],
                          valAccuracy=last[1], stoppedEarly=stopping.should_stop(),
                          restoredEpoch=stopping.restored_epoch())

    def _data(self, device, dtype):
        spec = self.spec["data"]
        try:
            examples = data.load(spec, self.home)
            train, validation = data.stratified_split(examples.labels, examples.classes, spec["trainSize"],
                                                      spec["validationSize"], self.seeds["split"])
        except data.DataError as e:
            raise TrainingFailure("error", str(e))
        pixels = torch.frombuffer(bytearray(examples.pixels), dtype=torch.uint8 if spec["source"] != "synthetic"
                                  else torch.float32)
        if spec["source"] != "synthetic":
            pixels = pixels.float() / 255.0  # float32 division, as Java's value / 255f
        features = pixels.view(len(examples.labels), -1).to(device=device, dtype=dtype)
        labels = torch.tensor(examples.labels, dtype=torch.long, device=device)
        return features, labels, train, validation, examples.rows, examples.cols

    @staticmethod
    def _update(net, optimiser, x, y, k):
        net.train()
        net.set_iteration(k)
        optimiser.zero_grad()
        logits = net(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        optimiser.step()
        accuracy = float((logits.argmax(1) == y).double().mean())
        return float(loss), accuracy

    def _perturb(self, net, iteration):
        p = self.spec["perturbation"]
        return perturb(net, p) if p["enabled"] and p["iteration"] == iteration else 0

    def _iteration(self, net, k, epoch, loss, accuracy, perturbed):
        prints = fingerprint.layers(net)
        self.events.write("iteration", iteration=k, epoch=epoch, loss=loss, accuracy=accuracy, layers=prints,
                          modelHash=fingerprint.model_hash(prints), perturbed=perturbed)

    def _started(self, net, device, execution, total):
        provenance = {
            "specHash": hashlib.sha256(self.spec_text.encode("utf-8")).hexdigest(),
            "spec": self.spec, "seeds": self.seeds, "environment": settings.environment(),
            "backend": "pytorch-" + device.type, "nativeBuild": settings.native_build(),
            "helpersActive": settings.helpers_active(execution), "device": settings.device_name(device),
            "os": settings.os_name(), "java": settings.runtime(), "versions": settings.versions(),
            "layers": [name for name, _ in net.parameter_layers()], "totalIterations": total,
            "dataChecksums": machine.data_checksums(self.spec["data"], self.home), "cpuFlags": machine.cpu_flags(),
        }
        self.events.write("started", runId=self.run["runId"], provenance=provenance)


def evaluate(net, features, labels, indices, device):
    """Validation loss (mean cross-entropy, probabilities floored at 1e-12) and accuracy, no dropout."""
    net.eval()
    loss_sum, correct = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(indices), VALIDATION_CHUNK):
            chosen = torch.tensor(indices[start:start + VALIDATION_CHUNK], device=device)
            p = F.softmax(net(features[chosen]), dim=1).double()
            y = labels[chosen]
            loss_sum -= float(p.gather(1, y.view(-1, 1)).clamp_min(MIN_PROBABILITY).log().sum())
            correct += int((p.argmax(1) == y).sum())
    return loss_sum / len(indices), correct / len(indices)


class EarlyStopping:
    """Keras-style early stopping on validation loss, as the Java ``EarlyStopping``."""

    def __init__(self, spec):
        self.spec = spec
        self.best_loss, self.best_epoch, self.last_epoch = float("inf"), -1, -1
        self.best_weights, self.since_best, self.restored = None, 0, False

    def after_epoch(self, epoch, loss, weights):
        self.last_epoch = epoch
        if not self.spec["enabled"]:
            return
        if loss < self.best_loss:
            self.best_loss, self.best_epoch, self.since_best = loss, epoch, 0
            self.best_weights = weights() if self.spec["restoreBest"] else None
        else:
            self.since_best += 1

    def should_stop(self):
        return self.spec["enabled"] and self.since_best >= self.spec["patience"]

    def weights_to_restore(self):
        s = self.spec
        if s["enabled"] and s["restoreBest"] and self.best_weights is not None and self.best_epoch != self.last_epoch:
            self.restored = True
            return self.best_weights
        return None

    def restored_epoch(self):
        return self.best_epoch if self.restored else -1
