package reprolab.worker;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * Times the phases of one {@code fit} call from inside it, with DL4J's own listener hooks: forward
 * ({@code onForwardPass}), backward and score ({@code onBackwardPass}), the updater and the parameter
 * step (from {@code onGradientCalculation} to {@code iterationDone}) and the rest (workspace closing,
 * listener dispatch, iteration counting). The phases are consecutive intervals between timestamps of
 * the same clock, so none is negative and they add up to the whole call: the bench used to get the
 * backward pass and the updater by subtracting separately timed passes, which on a busy machine gave
 * negative "updater" times. Listening changes no arithmetic (same run hashes).
 */
public final class PhaseClock extends BaseTrainingListener {

    /** Milliseconds of each phase of one fit call. */
    public record Phases(double forwardMs, double backwardMs, double updaterMs, double otherMs) {
        public double totalMs() {
            return forwardMs + backwardMs + updaterMs + otherMs;
        }
    }

    private long start;
    private long forwardDone;
    private long backwardDone;
    private long gradientDone;
    private long iterationDone;

    /** Call right before {@code fit}. */
    public void start() {
        start = System.nanoTime();
        forwardDone = backwardDone = gradientDone = iterationDone = 0;
    }

    /**
     * Call right after {@code fit} returns.
     *
     * @throws IllegalStateException when a hook did not fire (a DL4J version that calls them elsewhere):
     *                               better no figure than a wrong one
     */
    public Phases stop() {
        long end = System.nanoTime();
        if (forwardDone == 0 || backwardDone == 0 || gradientDone == 0 || iterationDone == 0) {
            throw new IllegalStateException("a training listener hook did not fire during fit (forward "
                    + (forwardDone != 0) + ", backward " + (backwardDone != 0) + ", gradient " + (gradientDone != 0)
                    + ", iteration " + (iterationDone != 0) + "): the phases cannot be timed with this DL4J version");
        }
        return new Phases(ms(forwardDone - start), ms(backwardDone - forwardDone), ms(iterationDone - gradientDone),
                ms((gradientDone - backwardDone) + (end - iterationDone)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        forwardDone = System.nanoTime();
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        forwardDone = System.nanoTime();
    }

    @Override
    public void onBackwardPass(Model model) {
        backwardDone = System.nanoTime();
    }

    @Override
    public void onGradientCalculation(Model model) {
        gradientDone = System.nanoTime();
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        iterationDone = System.nanoTime();
    }
}
