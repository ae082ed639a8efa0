package reprolab.analysis;

import org.junit.jupiter.api.Test;
import reprolab.events.RunHistory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reprolab.analysis.RunFixture.run;

class ReportCsvTest {

    @Test
    void seriesHasAHeaderAndOneRowPerRunPerIteration() {
        List<RunHistory> runs = List.of(run("a").iterations(3).build(), run("b").iterations(1).incomplete().build());
        String[] lines = ReportCsv.series(runs).split("\n");
        assertEquals("run,iteration,epoch,loss,accuracy,modelHash", lines[0]);
        assertEquals(1 + 4 + 2, lines.length);
        assertTrue(lines[1].startsWith("a,0,0,,,"), "no loss at the initial model: " + lines[1]);
        assertTrue(lines[2].startsWith("a,1,0,2.0,0.15000000000000002,"), "full precision: " + lines[2]);
        assertTrue(lines[6].startsWith("b,1,0,"), lines[6]);
        for (String line : lines) {
            assertEquals(6, line.split(",", -1).length, line);
        }
    }

    @Test
    void epochsHaveValidationLossAndAccuracy() {
        String csv = ReportCsv.epochs(List.of(run("a").iterations(3).val(0.75, 0.5).build()));
        assertEquals("run,epoch,iteration,valLoss,valAccuracy\na,0,3,0.5,0.75\n", csv);
    }

    @Test
    void awkwardRunIdsAreQuotedAndNeverRunAsFormulas() {
        String csv = ReportCsv.epochs(List.of(run("x,\"y\"").iterations(1).build(), run("=cmd").iterations(1).build()));
        assertTrue(csv.contains("\"x,\"\"y\"\"\",0,1,"), csv);
        assertTrue(csv.contains("\n'=cmd,0,1,"), csv);
    }

    @Test
    void emptyRunsGiveOnlyTheHeader() {
        assertEquals(ReportCsv.SERIES_HEADER + "\n", ReportCsv.series(List.of()));
    }
}
