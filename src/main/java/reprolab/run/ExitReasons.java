package reprolab.run;

import java.util.List;

/** The words a user reads when a worker ended badly. */
final class ExitReasons {

    private static final int MAX_REASON = 8 * 1024;

    private ExitReasons() {
    }

    /** "exited with code 3", with what a signal exit usually means. */
    static String exitCode(int code, String runId) {
        String text = "exited with code " + code;
        if (code == 137) {
            return text + " (killed with signal 9, often by the system for lack of memory)";
        }
        if (code == 134 || code == 139) {
            return text + " (a crash in native code; see " + runId + ".hs_err.log if it exists)";
        }
        if (code > 128 && code < 160) {
            return text + " (killed with signal " + (code - 128) + ")";
        }
        return text;
    }

    /** The reason followed by the tail of the worker's stderr, bounded in size. */
    static String withTail(String reason, List<String> tail) {
        if (tail.isEmpty()) {
            return reason + "; it wrote nothing to stderr";
        }
        String lines = String.join("\n", tail);
        if (lines.length() > MAX_REASON) {
            lines = "..." + lines.substring(lines.length() - MAX_REASON); // the last lines say the most
        }
        return reason + ". Last lines of its stderr:\n" + lines;
    }
}
