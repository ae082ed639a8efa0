package reprolab.gui;

import reprolab.analysis.AblationReport;
import reprolab.analysis.Divergence;
import reprolab.analysis.FactorResult;
import reprolab.analysis.Stats;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.ablation.AblationService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Completes every ablation at once with a report of the baseline plus one row per requested factor. */
final class FakeAblationService implements AblationService {

    private static final Stats SAME = new Stats(3, 0.9, 0, 0.9, 0.9);

    @Override
    public Handle start(ExperimentSpec baseline, int repeats, List<String> factors) {
        List<FactorResult> rows = new ArrayList<>();
        rows.add(new FactorResult("baseline", "everything seeded", false, null, SAME, SAME, 0));
        for (String f : factors) {
            rows.add(new FactorResult(f, f + " varies", true, new Divergence(1, "dense_0"),
                    new Stats(repeats, 0.9, 0.01, 0.88, 0.92), SAME, 1.0 / factors.size()));
        }
        AblationReport report = new AblationReport(rows, "Every seed you vary breaks reproducibility.");
        return new Handle() {
            public Path folder() {
                return Path.of("/tmp/fake-ablation");
            }

            public int runCount() {
                return repeats * (factors.size() + 1);
            }

            public CompletableFuture<AblationReport> completion() {
                return CompletableFuture.completedFuture(report);
            }

            public void cancelAll() {
            }
        };
    }

    @Override
    public List<String> factors() {
        return List.of("weightInit", "dropout", "shuffle", "split", "threads");
    }
}
