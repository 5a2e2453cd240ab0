package dev.bgtransfer.core.internal.download;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.bgtransfer.core.spi.TransferRecord.Slice;

/**
 * The slices of one segmented download and which connection fetches each. A connection takes a
 * slice nobody fetches, or steals the second half of the largest rest of another's; the owner's end
 * is moved under this table's lock, never below what its writer was granted, so no byte is written
 * by two connections. Thread-safe.
 */
final class SliceTable {

    /** One slice as it is being fetched. */
    static final class Segment {
        final long start;
        private long end;
        /** Bytes from the start written to the file (written, not yet necessarily durable). */
        private long written;
        /** Where the writer may write up to: the end of what it was last granted. */
        private long granted;
        private boolean fetched;

        private Segment(long start, long end, long written) {
            this.start = start;
            this.end = end;
            this.written = written;
            this.granted = start + written;
        }
    }

    private final List<Segment> segments = new ArrayList<>();

    /** @param slices the slices recorded for the entity, in order, with the bytes of each on disk */
    SliceTable(List<Slice> slices) {
        for (Slice slice : slices) {
            segments.add(new Segment(slice.start(), slice.end(), slice.durable()));
        }
    }

    /** @return a segment nobody fetches with bytes left, now fetched by the caller; or {@code null} */
    synchronized Segment takeWaiting() {
        for (Segment segment : segments) {
            if (!segment.fetched && segment.start + segment.written < segment.end) {
                segment.fetched = true;
                return segment;
            }
        }
        return null;
    }

    /**
     * @param minimum the least rest of a slice worth splitting: each half is at least half of it
     * @return the second half of the largest rest that another connection fetches, now fetched by the
     *         caller (the owner's end moved to its start); or {@code null} when no rest is that large
     */
    synchronized Segment steal(long minimum) {
        Segment largest = null;
        for (Segment segment : segments) {
            if (segment.fetched && (largest == null || rest(segment) > rest(largest))) {
                largest = segment;
            }
        }
        if (largest == null || rest(largest) < minimum) {
            return null;
        }
        long middle = largest.granted + rest(largest) / 2;
        Segment stolen = new Segment(middle, largest.end, 0);
        stolen.fetched = true;
        largest.end = middle;
        segments.add(stolen);
        segments.sort(Comparator.comparingLong(segment -> segment.start));
        return stolen;
    }

    /** @return the bytes of a fetched segment that nobody was granted yet */
    private static long rest(Segment segment) {
        return segment.end - segment.granted;
    }

    /**
     * @param minimum the least rest of a slice worth splitting
     * @return a segment nobody fetches, or else the second half of the largest rest if it is at least
     *         {@code minimum}; now fetched by the caller; or {@code null}
     */
    synchronized Segment takeOrSteal(long minimum) {
        Segment waiting = takeWaiting();
        return waiting != null ? waiting : steal(minimum);
    }

    /** @return the largest rest of a segment being fetched, 0 when none */
    synchronized long largestRest() {
        return segments.stream().filter(segment -> segment.fetched).mapToLong(SliceTable::rest).max().orElse(0);
    }

    /**
     * Grants the writer of {@code segment} up to {@code wanted} bytes at its position.
     *
     * @return how many it may write there: fewer when its end is near or was moved, 0 at its end
     */
    synchronized int grant(Segment segment, int wanted) {
        long position = segment.start + segment.written;
        int allowed = (int) Math.max(0, Math.min(wanted, segment.end - position));
        segment.granted = position + allowed;
        return allowed;
    }

    /** The writer of {@code segment} wrote {@code count} granted bytes. */
    synchronized void wrote(Segment segment, int count) {
        segment.written += count;
        notifyAll();
    }

    /** @return the next byte the writer of {@code segment} writes */
    synchronized long positionOf(Segment segment) {
        return segment.start + segment.written;
    }

    /** @return the end of {@code segment}, which a steal may have moved */
    synchronized long endOf(Segment segment) {
        return segment.end;
    }

    /** Nobody fetches {@code segment} any more: it is done, or its rest waits for another connection. */
    synchronized void release(Segment segment) {
        segment.fetched = false;
        segment.granted = segment.start + segment.written;
    }

    /** @return each slice with what of it is written, in order */
    synchronized List<Slice> snapshot() {
        return segments.stream().map(segment -> new Slice(segment.start, segment.end, segment.written)).toList();
    }

    /** @return the bytes written over all slices */
    synchronized long written() {
        return segments.stream().mapToLong(segment -> segment.written).sum();
    }

    /** @return whether every byte of every slice is written */
    synchronized boolean isDone() {
        return segments.stream().allMatch(segment -> segment.start + segment.written == segment.end);
    }

    /** @return the end of the bytes written without a gap from the first slice's start */
    synchronized long contiguousEnd() {
        long end = segments.isEmpty() ? 0 : segments.getFirst().start;
        for (Segment segment : segments) {
            if (segment.start > end) {
                break;
            }
            end = Math.max(end, segment.start + segment.written);
        }
        return end;
    }

    /** Waits up to {@code millis} for a write, or returns at once when one came since {@code contiguous}. */
    synchronized void awaitWrite(long contiguous, long millis) throws InterruptedException {
        if (contiguousEnd() == contiguous) {
            wait(millis);
        }
    }
}
