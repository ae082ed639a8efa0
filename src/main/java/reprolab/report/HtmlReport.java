package reprolab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import reprolab.analysis.AblationReport;
import reprolab.analysis.ChaosResult;
import reprolab.analysis.Divergence;
import reprolab.analysis.ExperimentReport;
import reprolab.analysis.FactorResult;
import reprolab.analysis.GapPoint;
import reprolab.analysis.GapSeries;
import reprolab.analysis.IterationSpread;
import reprolab.analysis.LayerStrip;
import reprolab.analysis.PairComparison;
import reprolab.analysis.RunSummary;
import reprolab.analysis.Stats;
import reprolab.events.IterationEvent;
import reprolab.events.Provenance;
import reprolab.events.RunHistory;
import reprolab.experiment.Json;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The report as one self-contained HTML page: styles inline, charts as inline SVG, nothing loaded
 * from anywhere and no script. Deterministic: the same data gives the same bytes (no clock, fixed
 * number formats, the runs' order), so a report can be committed and diffed.
 */
public final class HtmlReport {

    /** Columns of the layers x iterations strip at most; longer runs merge neighbouring iterations. */
    static final int MAX_STRIP_COLUMNS = 300;
    /** Rows of the spread table: evenly spaced iterations, plus the first one whose loss differs. */
    static final int SPREAD_ROWS = 12;

    private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private final ReportData data;
    private final ExperimentReport report;
    private final StringBuilder out = new StringBuilder();
    private boolean thinned;

    private HtmlReport(ReportData data) {
        this.data = data;
        this.report = data.experiment();
    }

    /** The whole page. */
    public static String render(ReportData data) {
        return new HtmlReport(data).page();
    }

    private String page() {
        String title = "ReproLab report: " + data.spec().name();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(ReportStyle.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        out.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        out.append("<p class=\"sub\">Folder <code>").append(Html.escape(data.folderName())).append("</code>, ")
                .append(data.runs().size()).append(data.runs().size() == 1 ? " run" : " runs")
                .append(data.ablation() == null ? "" : " in " + data.ablation().factors().size() + " ablation groups")
                .append(".</p>\n");
        verdict();
        settings();
        curves();
        gap();
        pairs();
        strip();
        spread();
        ablation();
        environment();
        commands();
        if (thinned) {
            out.append("<p class=\"note\" id=\"thinned\">Some charts are drawn with at most ")
                    .append(SvgChart.MAX_DRAWN_POINTS).append(" evenly spaced points per line and the strip with at most ")
                    .append(MAX_STRIP_COLUMNS).append(" columns, to keep this file small; every figure, table and "
                            + "verdict on this page comes from all iterations.</p>\n");
        }
        out.append("<footer>Written by <code>reprolab report --html</code> from the folder's stored events; "
                + "the same folder gives the same file.</footer>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void verdict() {
        section("verdict", "Verdict");
        String kind = report.identical() ? "same" : report.firstDivergence() != null ? "differ" : "open";
        if (data.ablation() != null) {
            out.append("<p class=\"verdict ").append(kind).append("\">").append(Html.escape(data.ablation().verdict()))
                    .append("</p>\n<p>All runs together: ").append(Html.escape(report.verdict())).append("</p>\n");
        } else {
            out.append("<p class=\"verdict ").append(kind).append("\">").append(Html.escape(report.verdict()))
                    .append("</p>\n");
        }
        table(List.of("run", "status", "seeds (weight init, dropout, shuffle, split)", "val accuracy", "val loss",
                "ms/iteration", "final hash"), report.runs().stream().map(s -> List.of(s.id(), status(s), seeds(s),
                Html.fixed(s.valAccuracy(), 4), Html.fixed(s.valLoss(), 4), Html.fixed(s.msPerIteration(), 1),
                s.finalHash() == null ? "-" : s.finalHash())).toList());
    }

    private void settings() {
        section("settings", "Settings");
        if (data.settingDifferences().isEmpty()) {
            out.append("<p>No recorded setting differs between the runs.</p>\n");
        } else {
            out.append("<p>Settings that differ between the runs:</p>\n<ul>\n");
            data.settingDifferences().forEach(d -> out.append("<li>").append(Html.escape(d)).append("</li>\n"));
            out.append("</ul>\n");
        }
        out.append("<details open><summary>Full settings (<code>experiment.json</code>)</summary>\n<pre>")
                .append(Html.escape(specJson())).append("</pre>\n</details>\n");
    }

    private void curves() {
        section("curves", "Loss and accuracy");
        chart(overlay("Training loss per run (band: min to max over runs)", "loss", IterationEvent::loss,
                report.lossSpread()));
        chart(overlay("Batch accuracy per run (band: min to max over runs)", "accuracy", IterationEvent::accuracy,
                report.accuracySpread()));
    }

    private SvgChart overlay(String title, String yLabel, Function<IterationEvent, Double> value,
                             List<IterationSpread> spread) {
        SvgChart chart = new SvgChart(title, "iteration", yLabel, false);
        for (int r = 0; r < data.runs().size(); r++) {
            List<IterationEvent> events = data.runs().get(r).iterations();
            double[] x = new double[events.size()];
            double[] y = new double[events.size()];
            for (int i = 0; i < events.size(); i++) {
                x[i] = events.get(i).iteration();
                Double v = value.apply(events.get(i));
                y[i] = v == null ? Double.NaN : v;
            }
            chart.line(new SvgChart.Line(data.runs().get(r).runId(), PALETTE[r % PALETTE.length], x, y));
        }
        return chart.band(new SvgChart.Band("min to max over runs", column(spread, IterationSpread::iteration),
                column(spread, IterationSpread::min), column(spread, IterationSpread::max)));
    }

    private void gap() {
        section("gap", "How far apart the runs are");
        List<GapPoint> points = report.gap();
        double[] x = column(points, GapPoint::iteration);
        SvgChart chart = new SvgChart("Gap between runs (log scale)", "iteration", "difference", true)
                .line(new SvgChart.Line("max |loss difference|", PALETTE[1], x, column(points, GapPoint::maxAbsLossDelta)))
                .line(new SvgChart.Line("spread of the parameter norm", PALETTE[0], x,
                        column(points, GapPoint::paramNormSpread)));
        GapSeries distance = data.parameterGap();
        if (distance != null) {
            chart.line(new SvgChart.Line("parameter distance (snapshots)", PALETTE[2],
                    distance.iterations().stream().mapToDouble(Integer::doubleValue).toArray(), distance.model()));
        }
        if (!chart.hasData()) {
            out.append("<p class=\"empty-state\">Nothing to plot: the runs' losses and parameter norms are equal at "
                    + "every iteration, so there is no gap to draw on a log axis.</p>\n");
            return;
        }
        chart(chart);
        if (distance != null) {
            int first = distance.firstDiffering();
            out.append("<p>Parameter snapshots of ").append(distance.pairs()).append(distance.pairs() == 1 ? " pair" : " pairs")
                    .append(" at ").append(distance.iterations().size()).append(" iterations: ")
                    .append(first < 0 ? "equal at every snapshot" : "first apart at iteration "
                            + distance.iterations().get(first)).append(".</p>\n");
        }
    }

    private void pairs() {
        section("pairs", "Pairs of runs");
        List<String> ids = report.runs().stream().map(RunSummary::id).toList();
        if (ids.size() < 2) {
            out.append("<p>Fewer than two runs: no pair to compare.</p>\n");
            return;
        }
        Map<String, PairComparison> byPair = new LinkedHashMap<>();
        report.pairs().forEach(p -> byPair.put(p.runA() + "\u0000" + p.runB(), p));
        out.append("<table class=\"matrix\">\n<tr><th></th>");
        ids.forEach(id -> out.append("<th>").append(Html.escape(id)).append("</th>"));
        out.append("</tr>\n");
        for (int i = 0; i < ids.size(); i++) {
            out.append("<tr><th>").append(Html.escape(ids.get(i))).append("</th>");
            for (int j = 0; j < ids.size(); j++) {
                PairComparison p = i < j ? byPair.get(ids.get(i) + "\u0000" + ids.get(j))
                        : byPair.get(ids.get(j) + "\u0000" + ids.get(i));
                if (i == j || p == null) {
                    out.append("<td class=\"self\"></td>");
                } else if (p.identical()) {
                    out.append("<td class=\"same\">identical</td>");
                } else if (p.firstDivergence() != null) {
                    out.append("<td class=\"differ\">").append(Html.escape(where(p.firstDivergence()))).append("</td>");
                } else {
                    out.append("<td class=\"open\">equal so far</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n<p class=\"note\">Each cell: where the two runs first differ bitwise; "
                + "\"equal so far\": no difference in the iterations both reported, but one did not finish.</p>\n");
    }

    private void strip() {
        section("layers", "Layers x iterations");
        LayerStrip s = data.strip();
        if (s.length() == 0 || s.layers().isEmpty()) {
            out.append("<p class=\"empty-state\">Nothing to show: fewer than two runs reported layer fingerprints.</p>\n");
            return;
        }
        out.append(StripSvg.render(s, MAX_STRIP_COLUMNS));
        thinned |= s.length() > MAX_STRIP_COLUMNS;
        out.append("<ul class=\"layers\">\n");
        s.describe().forEach(line -> out.append("<li>").append(Html.escape(line)).append("</li>\n"));
        out.append("</ul>\n");
    }

    private void spread() {
        section("spread", "Spread across runs");
        table(List.of("final validation", "runs", "mean", "std", "min", "max"), List.of(
                statsRow("accuracy", report.valAccuracy()), statsRow("loss", report.valLoss())));
        List<IterationSpread> loss = report.lossSpread();
        if (loss.isEmpty()) {
            return;
        }
        Map<Integer, IterationSpread> accuracy = new TreeMap<>();
        report.accuracySpread().forEach(a -> accuracy.put(a.iteration(), a));
        List<List<String>> rows = new ArrayList<>();
        for (IterationSpread l : spreadRows(loss)) {
            IterationSpread a = accuracy.get(l.iteration());
            rows.add(List.of(String.valueOf(l.iteration()), String.valueOf(l.runs()), Html.number(l.min()),
                    Html.number(l.max()), Html.number(l.std()), a == null ? "-" : Html.number(a.min()),
                    a == null ? "-" : Html.number(a.max()), a == null ? "-" : Html.number(a.std())));
        }
        out.append("<p>Training loss and batch accuracy over the runs at ").append(rows.size()).append(" of ")
                .append(loss.size()).append(" iterations (evenly spaced, and the first whose loss differs by more than ")
                .append(Html.number(report.lossTolerance())).append("):</p>\n");
        table(List.of("iteration", "runs", "loss min", "loss max", "loss std", "acc min", "acc max", "acc std"), rows);
    }

    private List<IterationSpread> spreadRows(List<IterationSpread> all) {
        TreeMap<Integer, IterationSpread> picked = new TreeMap<>();
        for (int i = 0; i < SPREAD_ROWS && i < all.size(); i++) {
            IterationSpread s = all.get((int) Math.round(i * (all.size() - 1) / (double) Math.max(1, SPREAD_ROWS - 1)));
            picked.put(s.iteration(), s);
        }
        Integer first = report.firstLossDivergence();
        all.stream().filter(s -> first != null && s.iteration() == first).forEach(s -> picked.put(s.iteration(), s));
        return new ArrayList<>(picked.values());
    }

    private void ablation() {
        AblationReport a = data.ablation();
        if (a == null) {
            return;
        }
        section("ablation", "Ablation: what each factor does");
        List<List<String>> rows = new ArrayList<>();
        for (FactorResult f : a.factors()) {
            ChaosResult chaos = a.chaos() == null ? null : a.chaos().factor(f.factor());
            rows.add(List.of(f.factor(), f.description(), f.breaksReproducibility() ? "breaks it" : "keeps it",
                    f.firstDivergence() == null ? "-" : where(f.firstDivergence()), spreadOf(f.valAccuracy()),
                    Html.fixed(f.varianceShare() * 100, 1) + "%", timeToChaos(chaos)));
        }
        table(List.of("factor", "what varies", "bitwise reproducibility", "first divergence",
                "final val accuracy spread (max - min)", "variance share", "time to chaos"), rows);
        if (a.chaos() != null) {
            out.append("<p>").append(Html.escape(a.chaos().summary())).append("</p>\n");
        } else {
            out.append("<p class=\"note\">No time to chaos: the runs wrote no parameter snapshots "
                    + "(<code>runs.snapshotEvery</code>).</p>\n");
        }
    }

    private void environment() {
        section("environment", "Environment");
        Map<String, Function<Provenance, String>> rows = new LinkedHashMap<>();
        rows.put("engine (backend)", Provenance::backend);
        rows.put("native build", Provenance::nativeBuild);
        rows.put("vendor kernels", p -> p.helpersActive() ? "on" : "off");
        rows.put("device", Provenance::device);
        rows.put("operating system", Provenance::os);
        rows.put("Java", Provenance::java);
        rows.put("CPU flags", Provenance::cpuFlags);
        TreeMap<String, Boolean> versionKeys = new TreeMap<>();
        TreeMap<String, Boolean> environmentKeys = new TreeMap<>();
        for (Provenance p : provenances().values()) {
            if (p.versions() != null) {
                p.versions().keySet().forEach(k -> versionKeys.put(k, true));
            }
            if (p.environment() != null) {
                p.environment().keySet().forEach(k -> environmentKeys.put(k, true));
            }
        }
        versionKeys.keySet().forEach(k -> rows.put("version: " + k, p -> p.versions() == null ? null : p.versions().get(k)));
        environmentKeys.keySet().forEach(k -> rows.put(k, p -> p.environment() == null ? null : p.environment().get(k)));
        if (provenances().isEmpty()) {
            out.append("<p>No run recorded its environment yet.</p>\n");
            return;
        }
        List<List<String>> table = new ArrayList<>();
        rows.forEach((name, value) -> table.add(List.of(name, perRun(value))));
        out.append("<table class=\"settings\">\n");
        tableRows(List.of("", "value (per run where they differ)"), table);
    }

    private void commands() {
        section("reproduce", "Commands that reproduce it");
        String file = "experiment.json";
        out.append("<p>Save the experiment (the folder holds it as <code>").append(Html.escape(data.folderName()))
                .append("/experiment.json</code>) and run it again:</p>\n<pre class=\"command\">")
                .append(Html.escape("cat > " + file + " <<'EOF'\n" + specJson() + "\nEOF\n"));
        if (data.manifest() != null) {
            List<String> factors = data.manifest().groups().stream().map(g -> g.factor())
                    .filter(f -> !"baseline".equals(f)).toList();
            out.append(Html.escape("./reprolab ablate " + file + " --repeats " + data.manifest().repeats()
                    + (factors.isEmpty() ? "" : " --factors " + String.join(",", factors))));
        } else {
            out.append(Html.escape("./reprolab run " + file + " --repeats " + data.runs().size()));
        }
        out.append("</pre>\n");
        if (!data.runs().isEmpty()) {
            out.append("<p>Replay one run from its recorded provenance (its spec and the seeds it drew); "
                    + "exit 0 when the replay is bitwise identical:</p>\n<pre class=\"command\">");
            for (RunHistory run : data.runs()) {
                out.append(Html.escape("./reprolab replay " + data.folderName() + "/runs/" + run.runId() + ".jsonl"))
                        .append('\n');
            }
            out.append("</pre>\n");
        }
    }

    // ---- helpers ----

    private void section(String id, String heading) {
        out.append("<h2 id=\"").append(id).append("\">").append(Html.escape(heading)).append("</h2>\n");
    }

    private void chart(SvgChart chart) {
        out.append("<figure>").append(chart.render()).append("</figure>\n");
        thinned |= chart.thinned();
    }

    private void table(List<String> header, List<List<String>> rows) {
        out.append("<table>\n");
        tableRows(header, rows);
    }

    private void tableRows(List<String> header, List<List<String>> rows) {
        out.append("<tr>");
        header.forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(Html.escape(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private String specJson() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(data.spec());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Provenance> provenances() {
        Map<String, Provenance> out = new LinkedHashMap<>();
        for (RunHistory run : data.runs()) {
            if (run.started() != null && run.started().provenance() != null) {
                out.put(run.runId(), run.started().provenance());
            }
        }
        return out;
    }

    /** One value when every run agrees, else "run: value" for each run. */
    private String perRun(Function<Provenance, String> value) {
        Map<String, String> values = new LinkedHashMap<>();
        provenances().forEach((id, p) -> values.put(id, String.valueOf(value.apply(p))));
        if (values.values().stream().distinct().count() <= 1) {
            return values.values().stream().findFirst().orElse("-");
        }
        List<String> parts = new ArrayList<>();
        values.forEach((id, v) -> parts.add(id + ": " + v));
        return String.join("; ", parts);
    }

    private static String status(RunSummary s) {
        return s.reason() == null ? s.status().json() : s.status().json() + " (" + s.reason() + ")";
    }

    private static String seeds(RunSummary s) {
        if (s.seeds() == null) {
            return "-";
        }
        return s.seeds().weightInit() + ", " + s.seeds().dropout() + ", " + s.seeds().shuffle() + ", " + s.seeds().split();
    }

    private static String where(Divergence d) {
        return "iteration " + d.iteration() + ", " + (Divergence.MODEL.equals(d.layer()) ? "whole model" : "layer "
                + d.layer());
    }

    private static List<String> statsRow(String name, Stats s) {
        return s == null ? List.of(name, "0", "-", "-", "-", "-") : List.of(name, String.valueOf(s.n()),
                Html.fixed(s.mean(), 4), Html.fixed(s.std(), 4), Html.fixed(s.min(), 4), Html.fixed(s.max(), 4));
    }

    private static String spreadOf(Stats s) {
        return s == null ? "-" : Html.fixed(s.max() - s.min(), 4) + " (mean " + Html.fixed(s.mean(), 4) + ", n=" + s.n()
                + ")";
    }

    private static String timeToChaos(ChaosResult c) {
        if (c == null) {
            return "-";
        }
        if (ChaosResult.SEED.equals(c.role())) {
            return "reference (seed group)";
        }
        String end = c.endRatio() == null ? "" : "; at iteration " + c.endIteration() + " " + Html.number(c.endRatio())
                + " x the seed-level gap";
        return (c.reachedAt() == null ? "never reaches the seed-level gap" : "reaches the seed-level gap at iteration "
                + c.reachedAt()) + end;
    }

    private static <T> double[] column(List<T> rows, ToDoubleFunction<T> value) {
        return rows.stream().mapToDouble(value).toArray();
    }
}
