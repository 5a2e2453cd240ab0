package dev.bgtransfer.remote.internal.wire;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;

/**
 * Every id of a service, as the wire carries it: runs of consecutive ids, each its first id and its
 * length, one after the other in one array. A store's ids only grow and are mostly consecutive (a
 * removal leaves a gap), so a million stored transfers cross as a few numbers, not a million.
 */
public final class IdRuns {
    private static final String FIELD = "ids";

    private IdRuns() {
    }

    /** @return {@code ids} as runs: first, length, first, length… */
    public static List<Object> toJson(long[] ids) {
        List<Object> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= ids.length; i++) {
            if (i == ids.length || ids[i] != ids[i - 1] + 1) {
                runs.add(ids[start]);
                runs.add((long) (i - start));
                start = i;
            }
        }
        return runs;
    }

    /**
     * @throws WireException when {@code runs} is not pairs of numbers with positive lengths, or holds
     *                       more ids than an array can
     */
    public static long[] fromJson(List<?> runs) {
        List<Long> numbers = JsonObject.listOf(runs, Long.class, Long::longValue, FIELD);
        if (numbers.size() % 2 != 0) {
            throw malformed(numbers);
        }
        long count = 0;
        for (int i = 1; i < numbers.size(); i += 2) {
            long length = numbers.get(i);
            if (length <= 0 || length > Integer.MAX_VALUE - 8 - count || numbers.get(i - 1) > Long.MAX_VALUE - length + 1) {
                throw malformed(numbers);
            }
            count += length;
        }
        long[] ids = new long[(int) count];
        int next = 0;
        for (int i = 0; i < numbers.size(); i += 2) {
            long first = numbers.get(i);
            for (long offset = 0; offset < numbers.get(i + 1); offset++) {
                ids[next++] = first + offset;
            }
        }
        return ids;
    }

    private static WireException malformed(List<Long> numbers) {
        String shown = numbers.size() > 8 ? numbers.subList(0, 8) + "…" : numbers.toString();
        return new WireException(NLS.bind(Messages.fieldMalformed, FIELD, shown));
    }
}
