package reprolab.gui;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * Hides every window a UI test left open (dialogs, pop-ups, the primary stage) after each test, so
 * that the next test's lookups and clicks by text only ever meet its own window: all UI test classes
 * share one JavaFX toolkit in one JVM. TestFX shows the primary stage again for the next test's start.
 */
public final class ClosesWindows implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        FxToolkit.cleanupStages();
    }
}
