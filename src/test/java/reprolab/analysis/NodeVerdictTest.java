package reprolab.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reprolab.analysis.RunFixture.run;

/** Repeats spread over a cluster's nodes: the verdict names the nodes, whether the bits agree or not. */
class NodeVerdictTest {

    @Test
    void identicalRunsOnTwoNodesSayTheyAgreeAcrossNodes() {
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(
                run("a").environment(Map.of("hostname", "node1")).build(),
                run("b").environment(Map.of("hostname", "node2")).build()), 0);
        assertTrue(r.identical());
        assertEquals("All 2 runs are bitwise identical. They agree although the runs ran on different machines "
                + "or cluster nodes (node1 / node2).", r.verdict());
    }

    @Test
    void differingRunsOnTwoNodesNameTheNodesAsADifference() {
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(
                run("a").environment(Map.of("hostname", "node1")).build(),
                run("b").environment(Map.of("hostname", "node2")).divergeAt(1, 0, "x").build()), 0);
        assertTrue(r.verdict().contains("the runs ran on different machines or cluster nodes (node1 / node2)"),
                r.verdict());
        assertTrue(!r.verdict().contains("the environment differs"), "a node is not an environment setting: "
                + r.verdict());
    }

    @Test
    void runsOnOneNodeSayNothingAboutNodes() {
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(
                run("a").environment(Map.of("hostname", "node1")).build(),
                run("b").environment(Map.of("hostname", "node1")).build()), 0);
        assertEquals("All 2 runs are bitwise identical.", r.verdict());
    }
}
