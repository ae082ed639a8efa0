package reprolab.worker;

import reprolab.experiment.Engine;

/** The engine-conformance suite on PyTorch (Debian's python3-torch, found as the app finds it). */
class PyTorchConformanceTest extends EngineConformance {
    @Override
    Engine engine() {
        return Engine.PYTORCH;
    }
}
