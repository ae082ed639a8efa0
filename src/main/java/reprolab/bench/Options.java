package reprolab.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of the benchmark.
 *
 * @param threads thread counts to profile (default 1 and 2)
 * @param json    where the JSON report goes
 * @param quick   fewer iterations and shorter runs: a smoke test of the figures, not a measurement
 * @param helpers helper settings to profile (default on only)
 */
record Options(List<Integer> threads, Path json, boolean quick, List<Boolean> helpers) {

    static Options parse(String[] args) {
        List<Integer> threads = List.of(1, 2);
        Path json = Path.of("target", "bench.json");
        boolean quick = false;
        List<Boolean> helpers = List.of(true);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--threads" -> threads = List.of(positive(value(args, ++i, "--threads")));
                case "--json" -> json = Path.of(value(args, ++i, "--json"));
                case "--helpers" -> helpers = helpers(value(args, ++i, "--helpers"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Options(threads, json, quick, helpers);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 64) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--threads must be a whole number from 1 to 64, got " + text);
    }

    private static List<Boolean> helpers(String text) {
        switch (text) {
            case "on": return List.of(true);
            case "off": return List.of(false);
            case "both": return List.of(true, false);
            default: throw new IllegalArgumentException("--helpers must be on, off or both, got " + text);
        }
    }
}
