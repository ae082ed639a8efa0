package reprolab.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What the benchmark measures (parsed by the command line's {@code bench} command).
 *
 * @param threads thread counts to profile (default 1 and 2)
 * @param json    where the JSON report goes
 * @param quick   fewer iterations and shorter runs: a smoke test of the figures, not a measurement
 * @param helpers helper settings to profile (default on only)
 */
public record Options(List<Integer> threads, Path json, boolean quick, List<Boolean> helpers) {

    public Options {
        threads = List.copyOf(threads);
        helpers = List.copyOf(helpers);
        for (int n : threads) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("--threads must be a whole number from 1 to 64, got " + n);
            }
        }
    }
}
