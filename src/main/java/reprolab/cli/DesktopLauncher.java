package reprolab.cli;

import java.lang.reflect.Method;

/**
 * Opens the JavaFX window. Reflection keeps the command line free of JavaFX types (and lets a
 * headless machine get a clear message instead of a toolkit crash).
 */
final class DesktopLauncher {

    static final String APP_CLASS = "reprolab.gui.ReproLabApp";

    private DesktopLauncher() {
    }

    static int launchOrExplain() {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !System.getProperty("os.name", "").toLowerCase().contains("win")
                && !System.getProperty("os.name", "").toLowerCase().contains("mac")) {
            System.err.println("reprolab: no display to open the window on; headless, use a command, e.g.\n"
                    + "  reprolab run sample-data/experiments/tiny.json\n  reprolab --help");
            return Main.EXIT_USAGE;
        }
        try {
            Method main = Class.forName(APP_CLASS).getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
            return Main.EXIT_OK;
        } catch (ReflectiveOperationException e) {
            System.err.println("reprolab: the desktop app could not start: " + e);
            return Main.EXIT_USAGE;
        }
    }
}
