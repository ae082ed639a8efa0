package reprolab.analysis;

import reprolab.events.Provenance;
import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.PerturbationSpec;
import reprolab.experiment.SeedKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Names the recorded settings that differ between runs: every comparison starts from the difference
 * of provenance (seeds, threads, kernels, build, backend, data type, perturbation, machine).
 */
public final class ProvenanceDiff {

    /** The environment entry in which the worker names its machine (a cluster's node). */
    static final String HOSTNAME = "hostname";

    private final List<Provenance> known = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    public ProvenanceDiff(List<RunHistory> runs) {
        for (RunHistory run : runs) {
            if (run.started() == null || run.started().provenance() == null) {
                missing.add(run.runId());
            } else {
                known.add(run.started().provenance());
            }
        }
    }

    /** Ids of runs that never reported their provenance. */
    public List<String> missing() {
        return missing;
    }

    /** One phrase per differing setting, e.g. "the weight init seed is off, so each run drew its own". */
    public List<String> differences() {
        List<String> out = new ArrayList<>();
        for (SeedKind kind : SeedKind.values()) {
            seedPhrase(kind).ifPresent(out::add);
        }
        ScriptSeeds.phrases(known).forEach(out::add);
        differs(p -> spec(p, s -> s.execution().threads()), v -> "the native thread count differs (" + v + ")", out);
        environmentPhrase(out);
        differs(p -> p.helpersActive() ? "on" : "off",
                v -> "vendor kernels (oneDNN on CPU, cuDNN on GPU) are on in some runs and off in others", out);
        differs(Provenance::nativeBuild, v -> "the native build of libnd4j differs (" + v + ")", out);
        differs(p -> p.backend() + " " + spec(p, s -> s.execution().backend().json()),
                v -> "the ND4J backend differs (" + v + ")", out);
        differs(p -> spec(p, s -> s.execution().dataType().json()), v -> "the data type differs (" + v + ")", out);
        perturbationPhrase(out);
        differs(p -> spec(p, ExperimentSpec::model), v -> "the model settings differ", out);
        differs(p -> spec(p, ExperimentSpec::data), v -> "the data settings differ", out);
        differs(p -> p.versions() == null ? null : new TreeMap<>(p.versions()), v -> "the library versions differ", out);
        differs(p -> p.device() + " / " + p.os() + " / " + p.java(), v -> "the machine differs (" + v + ")", out);
        differs(p -> env(p).get(HOSTNAME), v -> "the runs ran on different machines or cluster nodes (" + v + ")", out);
        return out;
    }

    /**
     * Only where the runs ran: the CPU/OS/Java, the native build and the host (a cluster's node), e.g. for
     * repeats spread over the nodes of a cluster, whose agreement is worth saying when it holds.
     */
    List<String> machineDifferences() {
        List<String> out = new ArrayList<>();
        differs(Provenance::nativeBuild, v -> "the native build of libnd4j differs (" + v + ")", out);
        differs(p -> p.device() + " / " + p.os() + " / " + p.java(), v -> "the machine differs (" + v + ")", out);
        differs(p -> env(p).get(HOSTNAME), v -> "the runs ran on different machines or cluster nodes (" + v + ")", out);
        return out;
    }

    /** The settings all runs share, for explaining a difference no setting explains. */
    String sharedExecution() {
        if (known.isEmpty() || known.get(0).spec() == null) {
            return null;
        }
        Provenance p = known.get(0);
        return String.format(Locale.ROOT, "%d native thread%s, vendor kernels %s, %s build",
                p.spec().execution().threads(), p.spec().execution().threads() == 1 ? "" : "s",
                p.helpersActive() ? "on" : "off", p.nativeBuild());
    }

    private Optional<String> seedPhrase(SeedKind kind) {
        SeedValues seeds = SeedValues.of(known, p -> p.seeds() == null ? null : p.seeds().get(kind),
                p -> p.spec() != null && p.spec().seeds() != null && !p.spec().seeds().get(kind).enabled());
        if (seeds.values().size() < 2) {
            return Optional.empty();
        }
        if (seeds.drawn()) {
            return Optional.of("the " + kind.words() + " is off in the spec, so each run drew its own");
        }
        return Optional.of("the " + kind.words() + " differs between runs (" + join(seeds.values()) + ")");
    }

    /** The distinct values of one seed over the runs, and whether a run's spec left it to be drawn. */
    record SeedValues(Set<Long> values, boolean drawn) {

        static SeedValues of(List<Provenance> known, Function<Provenance, Long> value, Predicate<Provenance> drawn) {
            Set<Long> values = new TreeSet<>();
            boolean anyDrawn = false;
            for (Provenance p : known) {
                Long v = value.apply(p);
                if (v != null) {
                    values.add(v);
                }
                anyDrawn |= drawn.test(p);
            }
            return new SeedValues(values, anyDrawn);
        }
    }

    private void environmentPhrase(List<String> out) {
        Set<String> keys = new TreeSet<>();
        for (Provenance p : known) {
            keys.addAll(env(p).keySet());
        }
        keys.remove(HOSTNAME); // told on its own: a node is not a setting
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            Set<String> values = new LinkedHashSet<>();
            known.forEach(p -> values.add(String.valueOf(env(p).get(key))));
            if (values.size() > 1) {
                parts.add(key + " = " + String.join(" / ", values));
            }
        }
        if (!parts.isEmpty()) {
            out.add("the environment differs (" + String.join(", ", parts) + ")");
        }
    }

    private void perturbationPhrase(List<String> out) {
        Set<PerturbationSpec> specs = new LinkedHashSet<>();
        known.forEach(p -> specs.add(spec(p, ExperimentSpec::perturbation)));
        if (specs.size() < 2) {
            return;
        }
        PerturbationSpec on = specs.stream().filter(s -> s != null && s.enabled()).findFirst().orElse(null);
        boolean someOff = specs.stream().anyMatch(s -> s == null || !s.enabled());
        if (on == null) {
            out.add("the perturbation settings differ");
        } else {
            out.add(String.format(Locale.ROOT, "a perturbation of %s on %s%% of layer %s after iteration %d %s",
                    Numbers.text(on.epsilon()), formatPercent(on.fraction()), on.layer(), on.iteration(),
                    someOff ? "is on in some runs only" : "differs between runs (its settings or seed)"));
        }
    }

    private void differs(Function<Provenance, Object> key, Function<String, String> phrase, List<String> out) {
        Set<String> values = new LinkedHashSet<>();
        known.forEach(p -> values.add(String.valueOf(key.apply(p))));
        if (values.size() > 1) {
            out.add(phrase.apply(String.join(" / ", values)));
        }
    }

    private static <T> T spec(Provenance p, Function<ExperimentSpec, T> field) {
        return p.spec() == null ? null : field.apply(p.spec());
    }

    private static Map<String, String> env(Provenance p) {
        return p.environment() == null ? Map.of() : p.environment();
    }

    static String join(Set<Long> values) {
        // Ten drawn seeds make an unreadable line; a few show the point.
        String shown = values.stream().limit(3).map(String::valueOf).collect(Collectors.joining(", "));
        return values.size() > 3 ? shown + ", ..." : shown;
    }

    private static String formatPercent(double fraction) {
        return Objects.toString(Math.round(fraction * 10000) / 100.0).replaceAll("\\.0$", "");
    }
}
