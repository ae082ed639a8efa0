package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The time limits of Slurm's commands and the Python probe fire even while the command keeps its output open. */
class TimedCommandTest {

    @TempDir
    Path dir;

    /** A command that prints a line, then hangs holding stdout open, through a child of its own. */
    private Path hanging(String name) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/bash\necho started\nsleep 300 & echo $! > '" + dir.resolve(name + ".pid")
                + "'\nwait\n");
        script.toFile().setExecutable(true);
        return script;
    }

    private boolean childGone(String name) throws Exception {
        long pid = Long.parseLong(Files.readString(dir.resolve(name + ".pid")).strip());
        for (int i = 0; i < 50; i++) {
            if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void aHungSlurmCommandIsStoppedAtItsTimeoutWithItsChildren() throws Exception {
        hanging("squeue");
        long start = System.nanoTime();
        RunTargetException e = org.junit.jupiter.api.Assertions.assertThrows(RunTargetException.class, () ->
                SlurmCommands.onPath(dir.toString()).withTimeout(Duration.ofSeconds(2)).run("squeue", List.of("-h")));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertTrue(e.getMessage().startsWith("squeue did not answer within 2 s"), e.getMessage());
        assertTrue(childGone("squeue"), "the command's child was killed with it");
    }

    @Test
    void aHungPythonIsGivenUpOnAtTheProbesTimeout() throws Exception {
        Path python = hanging("python");
        long start = System.nanoTime();
        PythonProbe probe = PythonProbe.of(python.toString(), dir, Duration.ofSeconds(2));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
        assertEquals("did not answer within 2 s", probe.problem());
        assertTrue(childGone("python"), "the probe's child was killed with it");
    }

    @Test
    void whatACommandPrintsComesBackInFull() throws Exception {
        Path script = dir.resolve("sinfo");
        Files.writeString(script, "#!/bin/bash\nfor i in $(seq 20000); do echo \"node$i idle\"; done\necho oops >&2\nexit 3\n");
        script.toFile().setExecutable(true);
        SlurmCommands.Result r = SlurmCommands.onPath(dir.toString()).run("sinfo", List.of());
        assertEquals(3, r.exit());
        assertEquals(20000, r.out().lines().count());
        assertEquals("oops", r.err().strip());
    }
}
