package reprolab.lesson;

import reprolab.experiment.ExperimentSpec;

import java.util.List;
import java.util.Optional;

/**
 * A classroom preset: settings to start from, a short explanation, and which controls a student may
 * touch. Read and written by {@link LessonJson}; the shipped ones come from {@link LessonLibrary}.
 *
 * @param schemaVersion file format version, {@link LessonJson#SCHEMA_VERSION}
 * @param id            stable name, from the file name (safe as a file name itself)
 * @param title         shown in the lesson menu
 * @param text          a few sentences shown beside the controls, plain text
 * @param settings      the full experiment: the file's partial settings laid over the defaults
 * @param mode          repeats (default) or ablation
 * @param factors       for an ablation, the factors that vary (names from {@link LessonFields#FACTORS})
 * @param hidden        experiment field paths whose controls are not shown (a section hides all inside)
 * @param locked        experiment field paths whose controls are shown but cannot be changed
 * @param requires      null, or {@code "gpu"} when the lesson needs the CUDA backend
 */
public record Lesson(int schemaVersion, String id, String title, String text, ExperimentSpec settings,
                     LessonMode mode, List<String> factors, List<String> hidden, List<String> locked,
                     String requires) {

    public Lesson {
        mode = mode == null ? LessonMode.REPEATS : mode;
        factors = factors == null ? List.of() : List.copyOf(factors);
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        locked = locked == null ? List.of() : List.copyOf(locked);
    }

    /** Whether the control of {@code path} (e.g. {@code seeds.dropout.value}) is hidden, itself or by a section. */
    public boolean isHidden(String path) {
        return covers(hidden, path);
    }

    /** Whether the student may not change {@code path}: it, or a section around it, is locked or hidden. */
    public boolean isLocked(String path) {
        return covers(locked, path) || covers(hidden, path);
    }

    /** Whether the lesson needs a GPU backend. */
    public boolean requiresGpu() {
        return LessonFields.REQUIRES_GPU.equals(requires);
    }

    /**
     * Why the lesson cannot run here, for a disabled menu entry; empty when it can.
     *
     * @param gpuBackendPresent whether a CUDA backend and device were found
     */
    public Optional<String> unavailableReason(boolean gpuBackendPresent) {
        if (requiresGpu() && !gpuBackendPresent) {
            return Optional.of("Needs an NVIDIA GPU with ReproLab's CUDA backend; none was found on this computer.");
        }
        return Optional.empty();
    }

    private static boolean covers(List<String> paths, String path) {
        for (String p : paths) {
            if (path.equals(p) || path.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }
}
