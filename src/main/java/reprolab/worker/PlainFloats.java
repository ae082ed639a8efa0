package reprolab.worker;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Arrays the Java kernels ({@link ChunkedAdamUpdater}, {@link ChunkedRelu}) may read and write as one
 * contiguous run of floats, element i of one lining up with element i of the others. Anything else
 * goes to DL4J's native op.
 */
final class PlainFloats {

    /** Elements per copy between native memory and the heap: 16 KiB, so a kernel's buffers stay in L1/L2. */
    static final int CHUNK = 4096;

    private PlainFloats() {
    }

    /** True when all are non-empty float arrays of one length, each one contiguous run, all in the same order. */
    static boolean plain(INDArray first, INDArray... others) {
        long length = first.length();
        if (length <= 0 || !plain(first, length, first.ordering())) {
            return false;
        }
        for (INDArray a : others) {
            if (!plain(a, length, first.ordering())) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(INDArray a, long length, char ordering) {
        return a.dataType() == DataType.FLOAT && !a.isEmpty() && a.length() == length
                && a.elementWiseStride() == 1 && a.ordering() == ordering;
    }

    /** The array's first element as a float pointer (the view's offset included). */
    static FloatPointer floats(INDArray array) {
        return new FloatPointer(array.data().addressPointer()).position(0);
    }

    /** The same memory read as raw 32-bit patterns. */
    static IntPointer bits(INDArray array) {
        return new IntPointer(array.data().addressPointer()).position(0);
    }
}
