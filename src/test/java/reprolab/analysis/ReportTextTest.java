package reprolab.analysis;

import org.junit.jupiter.api.Test;
import reprolab.events.FailureCause;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reprolab.analysis.RunFixture.run;

class ReportTextTest {

    @Test
    void textStartsWithTheVerdictAndHasOneRowPerRun() {
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(run("run-0").val(0.9123, 0.25).build(),
                run("run-1").iterations(2).failed("bad data file", FailureCause.ERROR).build()), 1e-6);
        String text = ReportText.render(r);
        assertTrue(text.startsWith(r.verdict()), text);
        String[] lines = text.split("\\R");
        String header = lines[2];
        assertTrue(header.startsWith("run    status"), header);
        assertTrue(lines[3].startsWith("run-0  finished"), lines[3]);
        assertTrue(lines[3].contains("0.9123"), lines[3]);
        assertTrue(lines[4].startsWith("run-1  failed"), lines[4]);
        assertTrue(text.contains("first bitwise divergence:  none"), text);
        assertTrue(text.contains("loss differs by > 1e-6:    never"), text);
        assertTrue(text.contains("identical pairs:           0 of 1"), text);
    }

    @Test
    void textOfNoRunsStillRenders() {
        String text = ReportText.render(ExperimentAnalysis.analyse(List.of(), 0));
        assertTrue(text.contains("No runs to analyse yet."));
        assertTrue(text.contains("final val accuracy:        no finished run"), text);
        assertEquals(-1, text.indexOf("null"), text);
    }
}
