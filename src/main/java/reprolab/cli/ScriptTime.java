package reprolab.cli;

/**
 * {@code script --time LIMIT}: Slurm's forms ({@code M}, {@code M:S}, {@code H:M:S}, {@code D-H},
 * {@code D-H:M}, {@code D-H:M:S}; a bare number is minutes, as for sbatch) or seconds as {@code 90s}.
 */
final class ScriptTime {

    private ScriptTime() {
    }

    /** The limit in seconds, 0 when none is given. */
    static long seconds(String limit) {
        if (limit == null) {
            return 0;
        }
        String t = limit.trim();
        try {
            if (t.endsWith("s")) {
                return positive(Long.parseLong(t.substring(0, t.length() - 1)), limit);
            }
            long days = 0;
            int dash = t.indexOf('-');
            if (dash >= 0) {
                days = Long.parseLong(t.substring(0, dash));
                String[] hms = t.substring(dash + 1).split(":", -1);
                long[] f = {0, 0, 0};
                for (int i = 0; i < hms.length && i < 3; i++) {
                    f[i] = Long.parseLong(hms[i]);
                }
                return positive(days * 86400 + f[0] * 3600 + f[1] * 60 + f[2], limit);
            }
            String[] parts = t.split(":", -1);
            return switch (parts.length) {
                case 1 -> positive(Long.parseLong(parts[0]) * 60, limit);
                case 2 -> positive(Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1]), limit);
                case 3 -> positive(Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60
                        + Long.parseLong(parts[2]), limit);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--time is '" + limit + "'; write seconds as 90s, or Slurm's forms: "
                    + "minutes (30), M:S, H:M:S, D-H, D-H:M or D-H:M:S");
        }
    }

    /** The job's limit for sbatch: the same text, or whole minutes (rounded up) for the seconds form. */
    static String slurmLimit(String limit) {
        if (limit == null) {
            return null;
        }
        return limit.trim().endsWith("s") ? String.valueOf((seconds(limit) + 59) / 60 + 1) : limit.trim();
    }

    private static long positive(long seconds, String limit) {
        if (seconds <= 0) {
            throw new NumberFormatException(limit);
        }
        return seconds;
    }
}
