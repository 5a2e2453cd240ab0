package dev.bgtransfer.persistence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.bgtransfer.core.spi.TransferRecord.ChunkHash;

/**
 * The chunk hashes of a partial file as one column's text: {@code start-end:hash} per chunk, separated
 * by commas, in order; no text when none were recorded. About 47 characters a chunk: the engine keeps
 * at most about a thousand of them, however large the file (see the core's {@code ChunkLedger}).
 */
final class ChunkText {

    private ChunkText() {
    }

    /** @return the text of {@code chunks}, or {@code null} for none */
    static String format(List<ChunkHash> chunks) {
        if (chunks == null) {
            return null;
        }
        return chunks.stream().map(chunk -> chunk.start() + "-" + chunk.end() + ":" + chunk.sha256()).collect(Collectors.joining(","));
    }

    /**
     * @param text what {@link #format} wrote, or {@code null}
     * @return the chunk hashes, or {@code null} when none were recorded
     * @throws IllegalArgumentException when the text is not what {@link #format} writes
     */
    static List<ChunkHash> parse(String text) {
        if (text == null) {
            return null;
        }
        List<ChunkHash> chunks = new ArrayList<>();
        if (text.isEmpty()) {
            return chunks;
        }
        for (String part : text.split(",")) {
            int dash = part.indexOf('-');
            int colon = part.indexOf(':');
            if (dash < 0 || colon < dash) {
                throw new IllegalArgumentException("Not a chunk hash: " + part);
            }
            chunks.add(new ChunkHash(Long.parseLong(part.substring(0, dash)),
                    Long.parseLong(part.substring(dash + 1, colon)), part.substring(colon + 1)));
        }
        return chunks;
    }
}
