package reprolab.gui.script;

import org.junit.jupiter.api.Test;
import reprolab.experiment.Engine;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ScriptSpec;
import reprolab.experiment.SpecException;
import reprolab.gui.DialogService;
import reprolab.gui.FileCommandsViewModel;
import reprolab.gui.controls.ControlsViewModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Script mode's view model: File > Open training script… switches to it; Run builds the CLI's spec. */
class ScriptViewModelTest {

    private static final Path SAMPLE = Path.of("sample-data/scripts/digit_names.py");

    /** Answers every open dialog with one file and records what was asked for. */
    private static final class OneFile implements DialogService {
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<Path> open(String title, String extension) {
            asked.add(extension);
            return Optional.of(SAMPLE);
        }

        @Override
        public Optional<Path> save(String title, String extension) {
            return Optional.empty();
        }
    }

    @Test
    void openTrainingScriptSwitchesToScriptModeAndAsksForAPythonFile() {
        ScriptViewModel script = new ScriptViewModel();
        OneFile dialogs = new OneFile();
        List<String> lines = new ArrayList<>();
        FileCommandsViewModel files = new FileCommandsViewModel(dialogs, new ControlsViewModel(false, p -> true),
                List::of, runs -> "", lines::add, Runnable::run, Runnable::run);
        assertFalse(script.activeProperty().get());

        files.openScript(script);

        assertEquals(List.of("py"), dialogs.asked);
        assertTrue(script.activeProperty().get());
        assertEquals(SAMPLE.toAbsolutePath().normalize().toString(), script.pathProperty().get());
        assertTrue(lines.get(0).startsWith("Script mode: digit_names.py"), lines.toString());
        // this machine's torch sees no GPU: the toggles are refused with the reason, not offered
        assertFalse(script.gpuAvailableProperty().get());
        assertTrue(script.gpuRefusalProperty().get().contains("torch.cuda.is_available() is False"),
                script.gpuRefusalProperty().get());
        script.backToModel();
        assertFalse(script.activeProperty().get());
    }

    @Test
    void theSpecHasTheScriptSectionWithArgumentsSplitAsAShellAndTheToggles() throws Exception {
        ScriptViewModel script = new ScriptViewModel();
        script.open(SAMPLE);
        script.argsProperty().set("--epochs 1 --limit 200 --name \"two words\"");
        script.repeatsProperty().set("2");
        script.seedOnProperty().set(true);
        script.seedProperty().set("7");
        script.hashSeedOnProperty().set(true);
        script.hashSeedProperty().set("42");
        script.threadsProperty().set("2");
        script.timeLimitProperty().set("90");
        assertTrue(script.readyProperty().get(), script.problemProperty().get());

        ExperimentSpec spec = script.spec();

        ScriptSpec s = spec.script();
        assertEquals(SAMPLE.toAbsolutePath().normalize().toString(), s.path());
        assertEquals(List.of("--epochs", "1", "--limit", "200", "--name", "two words"), s.args());
        assertEquals(64, s.sha256().length());
        assertEquals(90, s.timeLimitSeconds());
        assertTrue(s.seed().enabled());
        assertEquals(7, s.seed().value());
        assertTrue(s.hashSeed().enabled());
        assertEquals(42, s.hashSeed().value());
        assertEquals(2, spec.runs().repeats());
        assertEquals(2, spec.execution().threads());
        assertEquals(Engine.PYTORCH, spec.execution().engine());

        script.seedOnProperty().set(false);
        script.hashSeedOnProperty().set(false);
        ScriptSpec unseeded = script.spec().script();
        assertFalse(unseeded.seed().enabled(), "off: each run draws its own seed");
        assertFalse(unseeded.hashSeed().enabled());
    }

    @Test
    void aStoredScriptExperimentFillsTheFieldsBackAndAModelOneLeavesScriptMode() throws Exception {
        ScriptViewModel made = new ScriptViewModel();
        made.open(SAMPLE);
        made.argsProperty().set("--epochs 1 --name \"two words\" --quote \"it's\"");
        made.hashSeedOnProperty().set(true);
        made.hashSeedProperty().set("9");
        made.timeLimitProperty().set("30");
        ExperimentSpec stored = made.spec();

        ScriptViewModel shown = new ScriptViewModel();
        shown.show(stored);
        assertTrue(shown.activeProperty().get());
        assertEquals(stored.script(), shown.spec().script(), "the same script, arguments and seeds again");
        assertEquals("30", shown.timeLimitProperty().get());
        shown.show(ExperimentSpec.defaults());
        assertFalse(shown.activeProperty().get(), "a model experiment shows the model settings");
    }

    @Test
    void badFieldsAreNamedAndKeepRunOff() {
        ScriptViewModel script = new ScriptViewModel();
        script.open(SAMPLE);
        assertTrue(script.readyProperty().get(), script.problemProperty().get());
        script.argsProperty().set("--name \"unclosed");
        assertFalse(script.readyProperty().get());
        assertTrue(script.problemProperty().get().startsWith("Arguments: unclosed \""), script.problemProperty().get());
        script.argsProperty().set("");
        script.repeatsProperty().set("0");
        assertEquals("Repeats is 0; allowed: 1 to " + Integer.MAX_VALUE, script.problemProperty().get());
        script.repeatsProperty().set("2");
        script.hashSeedOnProperty().set(true);
        script.hashSeedProperty().set("-1");
        assertTrue(script.problemProperty().get().startsWith("Hash seed is -1"), script.problemProperty().get());
        script.hashSeedOnProperty().set(false); // an unused value is no problem
        assertTrue(script.readyProperty().get(), script.problemProperty().get());
    }

    @Test
    void aGpuToggleWithoutAGpuIsRefusedWithTheReason() {
        ScriptViewModel script = new ScriptViewModel();
        script.open(SAMPLE);
        script.deterministicProperty().set(true);
        script.gpuChecked(Optional.of("they act on a GPU only"));
        assertFalse(script.deterministicProperty().get(), "a toggle that cannot act is cleared");
        script.cudnnBenchmarkProperty().set(true); // a binding bypassing the disabled box
        assertFalse(script.readyProperty().get());
        assertEquals("GPU toggles are off: they act on a GPU only", script.problemProperty().get());
    }

    @Test
    void aFileThatIsNotPythonIsRefusedByTheSameChecksAsTheCommand() throws Exception {
        Path data = Files.createTempFile("not-python", ".py");
        Files.write(data, new byte[]{(byte) 0xff, (byte) 0xfe, 0});
        ScriptViewModel script = new ScriptViewModel();
        script.open(data);
        SpecException e = assertThrows(SpecException.class, script::spec);
        assertTrue(e.getMessage().contains("is not a Python script"), e.getMessage());
        Files.delete(data);
    }
}
