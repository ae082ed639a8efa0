package reprolab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code reprolab [command]}: with no command, opens the desktop app; the commands run the same
 * engine headless. Exit codes: 0 success, 1 a negative answer (e.g. runs differ in {@code check}),
 * 2 a usage or input error.
 */
@Command(name = "reprolab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Why are seeded deep-learning runs not reproducible? Train, repeat, compare.",
        subcommands = {RunCommand.class, ReportCommand.class, CheckCommand.class, WorkerCommandLine.class,
                FloatDemoCommand.class, AblateCommand.class, BenchCommand.class, ReplayCommand.class,
                DoctorCommand.class, ImportKerasCommand.class, ScriptCommand.class})
public final class Main implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_DIFFERENT = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("reprolab: " + ex.getMessage());
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("reprolab: " + ex.getMessage());
            return EXIT_USAGE;
        });
        return cl;
    }

    @Override
    public Integer call() {
        return DesktopLauncher.launchOrExplain();
    }
}
