package reprolab.worker;

import reprolab.experiment.Engine;

/** The engine-conformance suite on DL4J. */
class Dl4jConformanceTest extends EngineConformance {
    @Override
    Engine engine() {
        return Engine.DL4J;
    }
}
