package reprolab.gui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * File dialogs behind an interface, so the File commands' view model is tested without a window
 * (tests answer with a fixed path or with "cancelled").
 */
public interface DialogService {

    /** Asks for an existing file; empty when the user cancels. */
    Optional<Path> open(String title, String extension);

    /** Asks where to save; empty when the user cancels. */
    Optional<Path> save(String title, String extension);
}
