package dev.bgtransfer.persistence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.bgtransfer.core.spi.TransferRecord.Slice;

/**
 * The slices of a segmented download as one column's text: {@code start-end-durable} per slice,
 * separated by commas, in order; no text for a download over one connection.
 */
final class SliceText {

    private SliceText() {
    }

    /** @return the text of {@code slices}, or {@code null} for none */
    static String format(List<Slice> slices) {
        if (slices == null) {
            return null;
        }
        return slices.stream().map(slice -> slice.start() + "-" + slice.end() + "-" + slice.durable())
                .collect(Collectors.joining(","));
    }

    /**
     * @param text what {@link #format} wrote, or {@code null}
     * @return the slices, or {@code null} when there are none
     * @throws IllegalArgumentException when the text is not what {@link #format} writes
     */
    static List<Slice> parse(String text) {
        if (text == null) {
            return null;
        }
        List<Slice> slices = new ArrayList<>();
        if (text.isEmpty()) {
            return slices;
        }
        for (String part : text.split(",")) {
            String[] numbers = part.split("-");
            if (numbers.length != 3) {
                throw new IllegalArgumentException("Not a slice: " + part);
            }
            slices.add(new Slice(Long.parseLong(numbers[0]), Long.parseLong(numbers[1]), Long.parseLong(numbers[2])));
        }
        return slices;
    }
}
