package dev.bgtransfer.remote.internal.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;
import dev.bgtransfer.remote.internal.composite.CompositeTransferServiceAccess;
import dev.bgtransfer.remote.tests.HeardEvents;

/**
 * Real daemons ({@code serve} of the command line) started from this test framework's own bundles,
 * as an IDE install starts them: the bundle set runs, and a composite whose daemon was killed with
 * {@code kill -9} mid-transfer starts a new one, whose transfer completes with the right bytes and
 * whose events the composite's listeners hear again.
 */
class DaemonStarterTest extends ServiceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private BundleContext context;
    private Path state;

    @BeforeEach
    void freshStateFolder() throws IOException {
        context = FrameworkUtil.getBundle(DaemonStarter.class).getBundleContext();
        state = Files.createTempDirectory("bgt-state"); // short: the socket's path must stay under 108 bytes
    }

    @AfterEach
    void killDaemonsAndDeleteTheStateFolder() throws IOException {
        daemons().forEach(daemon -> {
            daemon.destroyForcibly();
            daemon.onExit().join();
        });
        try (Stream<Path> files = Files.walk(state)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void theBundlesServeNeedsComeFromThisFrameworkAndRunADaemon() throws Exception {
        String ini = DaemonConfiguration.of(context, state).content();

        for (String needed : List.of("dev.bgtransfer.cli", "dev.bgtransfer.core", "dev.bgtransfer.persistence",
                "dev.bgtransfer.remote", "org.apache.felix.scr", "org.eclipse.core.runtime")) {
            assertTrue(ini.contains(needed), needed + " in\n" + ini);
        }
        assertTrue(ini.contains("@2\\:start"), "the DS runtime started early: " + ini);
        assertTrue(ini.contains("eclipse.application=dev.bgtransfer.cli.app"), ini);
        assertFalse(ini.contains("org.eclipse.swt"), "nothing of a workbench: " + ini);
        assertFalse(ini.contains("dev.bgtransfer.daemon.socket"), ini);

        new DaemonStarter(context).start(state);

        assertTrue(Files.exists(DefaultState.apiSocket(state)), "the daemon serves its API");
        List<ProcessHandle> running = daemons().toList();
        assertEquals(1, running.size(), "one daemon: " + running);
        String commandLine = running.getFirst().info().commandLine().orElse("");
        assertTrue(commandLine.contains("-Xms16m") && commandLine.contains("--idle-exit"), commandLine);
        long pid = running.getFirst().pid();
        assertEquals(pid, sessionOf(pid), "detached: a session of its own (setsid)");
        try (RemoteTransfers client = RemoteTransfers.connect(DefaultState.apiSocket(state), state.toString(),
                fixture.service())) {
            assertEquals(List.of(), client.transfers(), "a fresh state folder's daemon");
        }
    }

    @Test
    void aCompositeWhoseDaemonWasKilledStartsANewOneAndTheTransferCompletes() throws Exception {
        TestFile file = server.addFile("/files/killed.bin", 3_000_000, 811).throttle(400_000);
        Path socket = DefaultState.apiSocket(state);
        DaemonStarter starter = new DaemonStarter(context);
        TransferService composite = CompositeTransferServiceAccess.composite(fixture.service(), socket,
                () -> RemoteTransfers.connect(socket, state.toString(), fixture.service()), () -> starter.start(state));
        HeardEvents heard = new HeardEvents();
        CompositeTransferServiceAccess.addListener(composite, heard, Map.of());
        try {
            Transfer added = composite.session("test.daemon.killed", SessionConfiguration.of(SessionKind.BACKGROUND)
                    .withOptions(TransferFixture.OPTIONS)).download(TransferRequest.of(server.uri(file.path()), folder));
            long first = daemons().findFirst().orElseThrow().pid();
            await(composite, added.id(), transfer -> transfer.bytesReceived() > 300_000);

            ProcessHandle.of(first).orElseThrow().destroyForcibly(); // kill -9
            ProcessHandle.of(first).ifPresent(gone -> gone.onExit().join());

            Transfer completed = await(composite, added.id(), transfer -> transfer.state() == TransferState.COMPLETED);
            long second = daemons().findFirst().orElseThrow().pid();
            assertNotEquals(first, second, "a new daemon");
            assertEquals(file.sha256(), sha256(completed.file().orElseThrow()), "the file's bytes");
            heard.awaitCompleted(added.id()); // the listener subscribed again on the new daemon
        } finally {
            ((AutoCloseable) composite).close();
        }
    }

    @Test
    void aListingStartsNoDaemonForAFreshStateFolderButABackgroundSessionDoes() throws Exception {
        Path socket = DefaultState.apiSocket(state);
        DaemonStarter starter = new DaemonStarter(context);
        TransferService composite = CompositeTransferServiceAccess.composite(fixture.service(), socket,
                () -> RemoteTransfers.connect(socket, state.toString(), fixture.service()), () -> starter.start(state));
        try {
            assertEquals(fixture.service().transfers(), composite.transfers(), "this process's transfers");
            assertEquals(0, daemons().count(), "no daemon for a listing in a fresh state folder");

            composite.session("test.daemon.fresh", SessionConfiguration.of(SessionKind.BACKGROUND)).transfers();
            assertEquals(1, daemons().count(), "a background session's daemon");
        } finally {
            ((AutoCloseable) composite).close();
        }
    }

    @Test
    void whenNoDaemonCanStartBackgroundSessionsRunHereAndTheSentenceSaysWhy() throws Exception {
        Path blocked = Files.createFile(state.resolve("not-a-folder"));
        Path unusable = blocked.resolve("state"); // a folder under a file: nothing can start there
        Path socket = DefaultState.apiSocket(unusable);
        DaemonStarter starter = new DaemonStarter(context);

        IllegalStateException why = assertThrows(IllegalStateException.class, () -> starter.start(unusable));
        assertTrue(why.getMessage().startsWith("No daemon could start for " + unusable), why.getMessage());

        TestFile file = server.addFile("/files/here.bin", 100_000, 812);
        TransferService composite = CompositeTransferServiceAccess.composite(fixture.service(), socket,
                () -> RemoteTransfers.connect(socket, unusable.toString(), fixture.service()), () -> starter.start(unusable));
        try {
            Transfer here = composite.session("test.daemon.none", SessionConfiguration.of(SessionKind.BACKGROUND)
                    .withOptions(TransferFixture.OPTIONS)).download(TransferRequest.of(server.uri(file.path()), folder));
            assertTrue(here.id() < 1L << 62, "an id of this process: " + here.id());
            assertEquals(TransferState.COMPLETED, fixture.awaitState(here.id(), TransferState.COMPLETED).state());
        } finally {
            ((AutoCloseable) composite).close();
        }
    }

    @Test
    void aDaemonRecordsItsClassCacheAsItEndsAndTheNextOneStartsFromIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= AotCache.FIRST_JDK, "the AOT cache needs JDK 25");
        Path cache = DaemonConfiguration.of(context, state).write().resolve("daemon.aot");

        new DaemonStarter(context).start(state);
        ProcessHandle first = daemons().findFirst().orElseThrow();
        assertTrue(first.info().commandLine().orElse("").contains("-XX:AOTCacheOutput=" + cache),
                "the first daemon records: " + first.info().commandLine());
        first.destroy(); // a TERM, as at a shutdown of the machine: the JVM ends normally
        first.onExit().get(60, TimeUnit.SECONDS);
        TransferFixture.awaitTrue("the cache is written as the first daemon ended", () -> Files.isRegularFile(cache));

        new DaemonStarter(context).start(state);
        ProcessHandle second = daemons().filter(ProcessHandle::isAlive).findFirst().orElseThrow();
        assertTrue(second.info().commandLine().orElse("").contains("-XX:AOTCache=" + cache),
                "the next daemon starts from it: " + second.info().commandLine());
        try (RemoteTransfers client = RemoteTransfers.connect(DefaultState.apiSocket(state), state.toString(),
                fixture.service())) {
            assertEquals(List.of(), client.transfers(), "and serves");
        }
        String log = Files.readString(state.resolve("daemon.log"));
        assertFalse(log.contains("[error][aot]"), "its JVM took the cache without complaint:\n" + log);
    }

    @Test
    void aJdkBeforeTwentyFiveGetsNoCacheOptionsAndOnlyOneDaemonRecords() throws Exception {
        Path configuration = DaemonConfiguration.of(context, state).write();

        assertEquals(List.of(), AotCache.options(configuration, 21));
        assertEquals(List.of("-XX:AOTCacheOutput=" + configuration.resolve("daemon.aot")),
                AotCache.options(configuration, 25));
        assertEquals(List.of(), AotCache.options(configuration, 25), "one records; the others meanwhile go without");
    }

    /** @return the transfer {@code id} once it matches, asking the composite every 100 ms */
    private static Transfer await(TransferService composite, long id, Predicate<Transfer> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Optional<Transfer> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            try {
                last = composite.get(id);
            } catch (IllegalStateException away) {
                last = Optional.empty();
            }
            if (last.filter(wanted).isPresent()) {
                return last.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("transfer " + id + " never got there; last: " + last);
    }

    private Stream<ProcessHandle> daemons() {
        String marker = "--state " + state;
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().filter(line -> line.contains(marker)).isPresent());
    }

    /** @return the session id of process {@code pid}, from /proc (the field after the state, parent and group) */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
