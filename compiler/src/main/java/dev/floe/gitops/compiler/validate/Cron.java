package dev.floe.gitops.compiler.validate;

import java.util.Optional;

/** Checks a five-field cron expression (minute hour day-of-month month day-of-week) with range checks. */
public final class Cron {
    private static final String[] NAMES = {"minute", "hour", "day-of-month", "month", "day-of-week"};
    private static final int[] MIN = {0, 0, 1, 1, 0};
    private static final int[] MAX = {59, 23, 31, 12, 7};

    private Cron() {
    }

    /** Empty when valid, else what is wrong. */
    public static Optional<String> check(String cron) {
        String[] fields = cron.trim().split("\\s+");
        if (fields.length != 5 || cron.isBlank()) {
            return Optional.of("has " + (cron.isBlank() ? 0 : fields.length)
                    + " fields; cron needs exactly 5 (minute hour day-of-month month day-of-week)");
        }
        for (int i = 0; i < 5; i++) {
            Optional<String> bad = field(fields[i], i);
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> field(String f, int i) {
        for (String part : f.split(",", -1)) {
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                String step = part.substring(slash + 1);
                if (!step.matches("[0-9]{1,4}") || Integer.parseInt(step) == 0) {
                    return Optional.of(NAMES[i] + " field '" + f + "' has an invalid step '" + step + "'");
                }
                range = part.substring(0, slash);
            }
            if (range.equals("*")) {
                continue;
            }
            String[] ends = range.split("-", -1);
            if (ends.length > 2) {
                return Optional.of(NAMES[i] + " field '" + f + "' is not a number, range or list");
            }
            int lo = 0;
            for (int e = 0; e < ends.length; e++) {
                if (!ends[e].matches("[0-9]{1,4}")) {
                    return Optional.of(NAMES[i] + " field '" + f + "' is not a number, range or list");
                }
                int v = Integer.parseInt(ends[e]);
                if (v < MIN[i] || v > MAX[i]) {
                    return Optional.of(NAMES[i] + " value " + v + " is out of range " + MIN[i] + "-" + MAX[i]);
                }
                if (e == 0) {
                    lo = v;
                } else if (v < lo) {
                    return Optional.of(NAMES[i] + " range '" + range + "' runs backwards");
                }
            }
        }
        return Optional.empty();
    }
}
