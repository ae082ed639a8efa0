package reprolab.run;

import java.nio.file.Path;

/** The user's base folders as the XDG Base Directory rules name them (data, cache). */
final class UserFolders {

    private UserFolders() {
    }

    /**
     * The folder {@code variable} names when it is an absolute path (the XDG rules ignore a relative
     * one), else {@code defaultUnderHome} under the user's home, e.g. {@code ("XDG_CACHE_HOME", ".cache")}.
     */
    static Path xdg(String variable, String... defaultUnderHome) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(System.getProperty("user.home"), defaultUnderHome);
    }
}
