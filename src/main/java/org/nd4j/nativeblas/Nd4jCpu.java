package org.nd4j.nativeblas;

/**
 * Compatibility shim for DL4J 1.0.0-M2.1. {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} by reflection, but in
 * M2.1 the class moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the
 * method became {@code isUseONEDNN()}. The lookup failed silently, so DL4J's oneDNN layer helpers
 * were never used. This class answers the old lookup with the real native value; it computes nothing.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The old name of libnd4j's environment, as DL4J's reflection expects it. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** The one instance, like the native singleton it stands for. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /**
         * Whether libnd4j was built with oneDNN and has it switched on. {@code isUseONEDNN()} alone says
         * true even in builds without oneDNN, so the build information must also name it.
         */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN()
                    && oneDnnCompiledIn();
        }

        /** Whether the loaded libnd4j contains oneDNN ({@code HAVE_ONEDNN} in its build information). */
        public static boolean oneDnnCompiledIn() {
            return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
        }
    }
}
