package reprolab.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code script --time}: seconds and Slurm's forms. */
class ScriptTimeTest {

    @Test
    void slurmFormsAndSecondsAreRead() {
        assertEquals(90, ScriptTime.seconds("90s"));
        assertEquals(1800, ScriptTime.seconds("30"));
        assertEquals(125, ScriptTime.seconds("2:05"));
        assertEquals(3723, ScriptTime.seconds("1:02:03"));
        assertEquals(86400 + 7200, ScriptTime.seconds("1-2"));
        assertEquals(0, ScriptTime.seconds(null));
    }

    @Test
    void aBadLimitIsRefusedWithTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptTime.seconds("soon"));
        assertEquals(true, e.getMessage().contains("90s"));
        assertThrows(IllegalArgumentException.class, () -> ScriptTime.seconds("0s"));
    }

    @Test
    void sbatchGetsWholeMinutesForSeconds() {
        assertEquals("3", ScriptTime.slurmLimit("90s"));
        assertEquals("1:00:00", ScriptTime.slurmLimit("1:00:00"));
    }
}
