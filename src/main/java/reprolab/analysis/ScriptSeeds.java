package reprolab.analysis;

import reprolab.events.Provenance;
import reprolab.experiment.ScriptSpec;
import reprolab.experiment.SeedSetting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The phrases for a script experiment's two seeds (torch/random/numpy and PYTHONHASHSEED) that differ between runs. */
final class ScriptSeeds {

    private ScriptSeeds() {
    }

    static List<String> phrases(List<Provenance> known) {
        List<String> out = new ArrayList<>();
        phrase(known, "the script's seed (torch, random, numpy)", p -> p.seeds().script(), ScriptSpec::seed, out);
        phrase(known, "PYTHONHASHSEED (the order of sets and of str hashing)", p -> p.seeds().hashSeed(),
                ScriptSpec::hashSeed, out);
        return out;
    }

    private static void phrase(List<Provenance> known, String words, Function<Provenance, Long> value,
                               Function<ScriptSpec, SeedSetting> setting, List<String> out) {
        ProvenanceDiff.SeedValues seeds = ProvenanceDiff.SeedValues.of(known,
                p -> p.seeds() == null ? null : value.apply(p), p -> {
                    ScriptSpec script = p.spec() == null ? null : p.spec().script();
                    return script != null && setting.apply(script) != null && !setting.apply(script).enabled();
                });
        if (seeds.values().size() < 2) {
            return;
        }
        String shown = ProvenanceDiff.join(seeds.values());
        out.add(seeds.drawn() ? words + " is not fixed, so each run drew its own (" + shown + ")"
                : words + " differs between runs (" + shown + ")");
    }
}
