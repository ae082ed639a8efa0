package reprolab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Test helper: runs the command line with System.out and System.err captured (the commands print there). */
record CliCapture(int exit, String out, String err) {

    static synchronized CliCapture run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            var cl = Main.commandLine();
            cl.setOut(new java.io.PrintWriter(o, true));
            cl.setErr(new java.io.PrintWriter(e, true));
            int exit = cl.execute(args);
            return new CliCapture(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The one experiment or ablation folder a command stored under {@code store}. */
    static java.nio.file.Path onlyFolder(java.nio.file.Path store) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> folders = java.nio.file.Files.list(store)) {
            return folders.filter(java.nio.file.Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** The non-empty lines of stderr. */
    long errLines() {
        return err.lines().filter(l -> !l.isBlank()).count();
    }
}
