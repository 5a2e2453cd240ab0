package dev.bgtransfer.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;
import dev.bgtransfer.junit.TransferFixture;

/**
 * A reset (and an invalidation) of a session with a long history reads the session's stored
 * transfers a page at a time, from a store that answers nothing else, and leaves other sessions alone.
 */
class SessionResetTest {
    private static final String OTHER = "dev.bgtransfer.tests.other";
    private static final int HISTORY = 2 * TransferEngine.REMOVAL_PAGE + 200;

    private final PagesOnly store = new PagesOnly();
    private TransferEngine engine;
    @TempDir
    Path folder;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aResetReadsTheSessionAPageAtATimeAndForgetsOnlyIt() {
        fill();
        engine = new TransferEngine(store, TransferFixture.OPTIONS, null, url -> Optional.empty(), List::of);
        engine.restore(true);

        engine.reset(TransferSession.DEFAULT_IDENTIFIER);

        assertEquals(List.of(OTHER), sessionsLeft(), "only the other session's transfers stay");
        assertEquals(HISTORY / 4, store.memory.loadAll().size());
        assertTrue(store.pages.size() >= 3, "pages read: " + store.pages);
        assertTrue(store.pages.stream().allMatch(size -> size <= TransferEngine.REMOVAL_PAGE), "pages read: " + store.pages);
    }

    @Test
    void anInvalidationReadsTheSessionAPageAtATime() {
        fill();
        engine = new TransferEngine(store, TransferFixture.OPTIONS, null, url -> Optional.empty(), List::of);
        engine.restore(true);

        engine.invalidate(OTHER);

        assertEquals(List.of(TransferSession.DEFAULT_IDENTIFIER), sessionsLeft());
        assertTrue(store.pages.stream().allMatch(size -> size <= TransferEngine.REMOVAL_PAGE), "pages read: " + store.pages);
    }

    /** Stores completed transfers, three of the default session for each of the other. */
    private void fill() {
        Instant now = Instant.now();
        for (long id = 1; id <= HISTORY; id++) {
            String session = id % 4 == 0 ? OTHER : TransferSession.DEFAULT_IDENTIFIER;
            store.memory.save(TransferRecord.create(id, session, URI.create("http://127.0.0.1:9/file-" + id), "file-" + id,
                    folder, null, now).withState(TransferState.COMPLETED, null, now));
        }
    }

    private List<String> sessionsLeft() {
        return store.memory.loadAll().stream().map(TransferRecord::session).distinct().sorted()
                .collect(Collectors.toList());
    }

    /** A store that answers pages, single records and the unfinished ones, never every record at once. */
    private static final class PagesOnly implements TransferStore {
        final InMemoryTransferStore memory = new InMemoryTransferStore();
        final List<Integer> pages = new ArrayList<>();

        @Override
        public long nextId() {
            return memory.nextId();
        }

        @Override
        public void save(TransferRecord record) {
            memory.save(record);
        }

        @Override
        public void delete(long id) {
            memory.delete(id);
        }

        @Override
        public List<TransferRecord> loadAll() {
            throw new UnsupportedOperationException("every record at once");
        }

        @Override
        public List<TransferRecord> loadSession(String session) {
            throw new UnsupportedOperationException("every record of session " + session + " at once");
        }

        @Override
        public List<TransferRecord> loadSessionPage(String session, long fromId, int max) {
            List<TransferRecord> page = memory.loadSessionPage(session, fromId, max);
            pages.add(page.size());
            return page;
        }

        @Override
        public Optional<TransferRecord> load(long id) {
            return memory.load(id);
        }

        @Override
        public List<TransferRecord> loadUnfinished() {
            return memory.loadUnfinished();
        }

        @Override
        public List<TransferRecord> loadPage(long fromId, int max) {
            return memory.loadPage(fromId, max);
        }

        @Override
        public long[] ids() {
            return memory.ids();
        }

        @Override
        public void clear() {
            memory.clear();
        }
    }
}
