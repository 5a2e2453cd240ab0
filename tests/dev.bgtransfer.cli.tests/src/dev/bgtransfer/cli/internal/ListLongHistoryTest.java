package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * {@code list} over a long history: every transfer once, in id order, read a page at a time and
 * printed as each page comes, so the command holds a page, not the history. The service here is
 * one that has nothing but pages: a call that reads everything at once fails the test.
 */
class ListLongHistoryTest {
    private static final int STORED = 100_000;
    private static final Path DOWNLOADS = Path.of("/tmp/history");
    private static final String DIGEST = HexFormat.of().formatHex(new byte[32]);

    private final List<Integer> pageSizes = new ArrayList<>();
    private final List<Long> linesBeforeEachPage = new ArrayList<>();
    private final LineCounter out = new LineCounter();

    @Test
    void printsEveryIdInOrderAPageAtATimeAsThePagesCome() {
        // ids with gaps, as removals leave them: 1, 3, 5, ...
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = ListCommand.run(pagedOnly(), Path.of("/state"), false, printed);

        assertEquals(0, status);
        assertEquals(STORED, out.lines());
        assertEquals(LongStream.range(0, STORED).map(i -> 2 * i + 1).boxed().toList(), out.ids());
        assertTrue(pageSizes.stream().allMatch(size -> size <= 1_000), "pages asked for: " + pageSizes);
        assertTrue(pageSizes.size() >= STORED / 1_000, "pages asked for: " + pageSizes.size());
        for (int page = 1; page < linesBeforeEachPage.size(); page++) {
            assertTrue(linesBeforeEachPage.get(page) > 0, "page " + page + " was read before anything was printed");
        }
    }

    /** A service of {@link #STORED} completed transfers with odd ids; it answers {@code transfers(fromId, max)} only. */
    private TransferService pagedOnly() {
        return (TransferService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { TransferService.class }, (proxy, method, arguments) -> {
                    if (method.getName().equals("transfers") && arguments != null && arguments.length == 2) {
                        return page((Long) arguments[0], (Integer) arguments[1]);
                    }
                    throw new AssertionError("list called " + method.getName() + ", which reads more than a page");
                });
    }

    private List<Transfer> page(long fromId, int max) {
        pageSizes.add(max);
        linesBeforeEachPage.add(out.lines());
        long first = Math.max(1, fromId % 2 == 0 ? fromId + 1 : fromId);
        long last = 2L * STORED - 1;
        List<Transfer> page = new ArrayList<>();
        for (long id = first; id <= last && page.size() < max; id += 2) {
            Instant then = Instant.ofEpochSecond(1_700_000_000L);
            page.add(TransferRecord.create(id, TransferSession.DEFAULT_IDENTIFIER,
                    URI.create("https://downloads.example.org/" + id + ".bin"), "", DOWNLOADS, null, then)
                    .completed(DOWNLOADS.resolve(id + ".bin"), id, DIGEST, then).toTransfer());
        }
        return page;
    }

    /** Keeps the first field (the id) of each line and counts the lines; drops the rest. */
    private static final class LineCounter extends OutputStream {
        private final List<Long> ids = new ArrayList<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                ids.add(Long.parseLong(text.substring(0, text.indexOf('\t'))));
                line.reset();
                lines++;
            } else {
                line.write(b);
            }
        }

        synchronized long lines() {
            return lines;
        }

        List<Long> ids() {
            return ids;
        }
    }
}
