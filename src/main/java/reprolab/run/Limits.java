package reprolab.run;

import java.time.Duration;

/**
 * How much a worker may get wrong before it is stopped.
 *
 * @param silence      longest time without an event before the worker counts as hung
 * @param garbageLines stdout lines that are not events before the worker is stopped
 * @param garbageBytes bytes of such lines before the worker is stopped
 * @param stderrBytes  size of the kept stderr log of a run
 * @param exitGrace    how long a worker that wrote its last event may take to exit
 * @param problemsKept problem descriptions kept in memory per run
 */
record Limits(Duration silence, int garbageLines, long garbageBytes, long stderrBytes, Duration exitGrace,
              int problemsKept) {

    static Limits defaults() {
        return new Limits(Duration.ofMinutes(10), 200, 1 << 20, 4 << 20, Duration.ofSeconds(5), 50);
    }

    Limits withSilence(Duration d) {
        return new Limits(d, garbageLines, garbageBytes, stderrBytes, exitGrace, problemsKept);
    }

    Limits withGarbage(int lines, long bytes) {
        return new Limits(silence, lines, bytes, stderrBytes, exitGrace, problemsKept);
    }
}
