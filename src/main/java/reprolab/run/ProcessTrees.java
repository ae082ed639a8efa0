package reprolab.run;

/** Kills a worker with everything it started. */
final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * Forcibly (SIGKILL, TerminateProcess) destroys the descendants first, so none is left behind
     * holding the pipes open, then the process itself. Returns at once; the kill takes effect
     * within milliseconds.
     */
    static void destroy(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
