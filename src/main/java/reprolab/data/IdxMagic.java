package reprolab.data;

/** Explains a wrong IDX magic number in words: which kind of file it is instead, or that it is none. */
final class IdxMagic {

    private IdxMagic() {
    }

    /** Throws a specific message unless {@code magic} is the one {@code kind} requires. */
    static void check(int magic, IdxFile.Kind kind, String name) throws DataException {
        if (magic == kind.magic()) {
            return;
        }
        String found = "magic number " + hex(magic);
        String expected = "expected " + hex(kind.magic()) + " (" + kind.description + ")";
        if ((magic >>> 16) == 0x1f8b) {
            throw new DataException(name + ": " + found + " means the data inside the gzip file is gzip"
                    + " again (compressed twice); decompress it once and use the result, " + expected + ".");
        }
        int type = (magic >>> 8) & 0xff;
        int dimensions = magic & 0xff;
        if ((magic >>> 16) != 0 || typeName(type) == null) {
            throw new DataException(name + ": " + found + " is not an IDX file, " + expected
                    + "; is it the right file, or a web page saved in place of the download?");
        }
        if (type != 0x08) {
            throw new DataException(name + ": " + found + " holds " + typeName(type) + " values (type 0x"
                    + String.format("%02X", type) + "); only unsigned-byte IDX files (type 0x08) are supported, "
                    + expected + ".");
        }
        for (IdxFile.Kind other : IdxFile.Kind.values()) {
            if (other != kind && dimensions == other.dimensions) {
                throw new DataException(name + ": " + found + " is an " + other.description + " file, "
                        + expected + "; are the images and labels files swapped?");
            }
        }
        throw new DataException(name + ": " + found + " is an IDX file with " + dimensions
                + " dimensions, " + expected + ".");
    }

    static String hex(int value) {
        return String.format("0x%08X", value);
    }

    private static String typeName(int type) {
        switch (type) {
            case 0x08: return "unsigned byte";
            case 0x09: return "signed byte";
            case 0x0B: return "16-bit integer";
            case 0x0C: return "32-bit integer";
            case 0x0D: return "32-bit float";
            case 0x0E: return "64-bit float";
            default: return null;
        }
    }
}
