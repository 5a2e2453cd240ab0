package dev.bgtransfer.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHttpServer;
import dev.bgtransfer.junit.TransferFixture;

/**
 * The process ends at the very save that names a new file in the store: the files on disk must
 * then be ones the store already names, and the next process must finish under the name asked for,
 * leaving nothing behind. (Creating the file first and storing its name after left an empty file
 * that no record named, and the next process then chose "a (1).bin".)
 */
class CrashWindowTest {

    enum Moment {
        NAMING_THE_PARTIAL_FILE(record -> record.partFile() != null),
        NAMING_THE_FINAL_FILE(record -> record.file() != null && record.state() != TransferState.COMPLETED);

        final Predicate<TransferRecord> save;

        Moment(Predicate<TransferRecord> save) {
            this.save = save;
        }
    }

    private TestHttpServer server;
    private TransferEngine engine;
    @TempDir
    Path folder;

    @BeforeEach
    void setUp() throws Exception {
        server = TestHttpServer.start();
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Moment.class)
    void aProcessEndingAtTheSaveThatNamesAFileLeavesOnlyNamedFilesAndFinishesUnderItsName(Moment moment)
            throws Exception {
        TestFile file = server.addFile("/a.bin", 300_000, 17);
        InMemoryTransferStore persisted = new InMemoryTransferStore();
        DyingStore dying = new DyingStore(persisted, moment.save);
        engine = new TransferEngine(dying, TransferFixture.OPTIONS, null, url -> Optional.empty(), List::of);
        engine.add(TransferSession.DEFAULT_IDENTIFIER, TransferRequest.of(server.uri(file.path()), folder), true);
        TransferFixture.awaitTrue("the process ends",
                () -> engine.reads().transfers().getFirst().state() == TransferState.FAILED);
        engine.close();

        TransferRecord stored = persisted.loadAll().getFirst();
        List<String> named = Stream.of(stored.partFile(), stored.file()).filter(Objects::nonNull)
                .map(path -> path.getFileName().toString()).sorted().toList();
        assertTrue(named.containsAll(TransferFixture.list(folder)),
                "files no stored record names: " + TransferFixture.list(folder) + ", named: " + named);

        completesUnderItsNameInTheNextProcess(persisted, file);
    }

    private void completesUnderItsNameInTheNextProcess(TransferStore persisted, TestFile file) throws Exception {
        engine = new TransferEngine(persisted, TransferFixture.OPTIONS, null, url -> Optional.empty(), List::of);
        engine.restore(true);
        TransferFixture.awaitTrue("the next process completes",
                () -> engine.reads().transfers().getFirst().state() == TransferState.COMPLETED);
        assertEquals(List.of("a.bin"), TransferFixture.list(folder));
        assertEquals(file.sha256(), TransferFixture.sha256(folder.resolve("a.bin")));
    }

    /**
     * The final name is a second link to the complete partial file, and the partial name is dropped
     * after it: a process ending in between leaves both names on one file. The next process drops the
     * partial name and completes without fetching anything.
     */
    @Test
    void aProcessEndingBetweenLinkingTheFinalNameAndDroppingThePartialOneCompletesWithoutFetching()
            throws Exception {
        TestFile file = server.addFile("/a.bin", 300_000, 23);
        Path part = Files.write(folder.resolve("a.bin.part"), file.bytes());
        Path finalFile = Files.createLink(folder.resolve("a.bin"), part);
        Instant now = Instant.now();
        InMemoryTransferStore persisted = new InMemoryTransferStore();
        persisted.save(TransferRecord.create(persisted.nextId(), TransferSession.DEFAULT_IDENTIFIER, server.uri(file.path()), "", folder, null, now)
                .withValidators("\"v1\"", null, now).withPartFile("a.bin", part, now)
                .withProgress(file.bytes().length, file.bytes().length, now).withFinalFile(finalFile, now)
                .withState(TransferState.RUNNING, null, now));

        completesUnderItsNameInTheNextProcess(persisted, file);

        assertEquals(file.sha256(), persisted.loadAll().getFirst().sha256());
        assertEquals(List.of(), server.requests(file.path()), "nothing fetched again");
    }

    /** A store whose process ends at the first save that {@code dies} picks: it and all later writes are lost. */
    private static final class DyingStore implements TransferStore {
        private final TransferStore persisted;
        private final Predicate<TransferRecord> dies;
        private volatile boolean dead;

        DyingStore(TransferStore persisted, Predicate<TransferRecord> dies) {
            this.persisted = persisted;
            this.dies = dies;
        }

        @Override
        public long nextId() {
            return persisted.nextId();
        }

        @Override
        public void save(TransferRecord record) {
            if (dead) {
                return;
            }
            if (dies.test(record)) {
                dead = true;
                // the Job ends here, as if the process ended: nothing after this save reaches the disk or the store
                throw new IllegalStateException("The process ended");
            }
            persisted.save(record);
        }

        @Override
        public void delete(long id) {
            if (!dead) {
                persisted.delete(id);
            }
        }

        @Override
        public List<TransferRecord> loadAll() {
            return persisted.loadAll();
        }

        @Override
        public void clear() {
            if (!dead) {
                persisted.clear();
            }
        }
    }
}
