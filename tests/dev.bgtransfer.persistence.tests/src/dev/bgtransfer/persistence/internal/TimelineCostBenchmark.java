package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.spi.TransferStore;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * What the timeline costs a large download through the real service and SQLite store: the entries
 * it records, the commits of the store (the entries ride with the checkpoints' commits: none more),
 * the time. Prints its figures; run it by name, {@code -Dtest=TimelineCostBenchmark}. The size is
 * {@code 1 GiB}, or {@code -Dbenchmark.timeline.mib=N} in the test JVM.
 */
class TimelineCostBenchmark extends ServiceTest {

    @Test
    void aLargeDownload() {
        long size = Long.getLong("benchmark.timeline.mib", 1024) * 1024 * 1024;
        TestFile file = server.addFile("/files/large.bin", size, 181);
        SqliteTransferStore store = store();
        fixture.service().setOptions(TransferFixture.OPTIONS.withMaxConnectionsPerHost(1));
        long commitsBefore = store.transactions();
        long started = System.nanoTime();

        Transfer done = fixture.awaitState(
                fixture.service().download(TransferRequest.of(server.uri(file.path()), folder)).id(),
                TransferState.COMPLETED);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long commits = store.transactions() - commitsBefore;
        assertEquals(file.sha256(), done.sha256().orElseThrow());
        List<TimelineEntry> timeline = fixture.service().timeline(done.id());
        Map<String, Long> kinds = new TreeMap<>(timeline.stream()
                .collect(Collectors.groupingBy(entry -> entry.kind().label(), Collectors.counting())));
        long checkpoints = timeline.stream().filter(entry -> entry.kind() == TimelineEntry.Kind.CHECKPOINT)
                .mapToLong(entry -> Long.parseLong(entry.facts().get("checkpoints"))).sum();
        long bytes = timeline.stream().mapToLong(entry -> entry.toJson().length()).sum();
        System.out.printf("timeline cost: %d MiB in %.2f s; %d entries written (%s), %d checkpoints behind %d "
                + "checkpoint entries; %d store commits for the transfer; %d bytes of JSON%n", size >> 20,
                took.toMillis() / 1000.0, timeline.getLast().sequence(), kinds, checkpoints, kinds.get("checkpoint"),
                commits, bytes);
    }

    private static SqliteTransferStore store() {
        BundleContext context = FrameworkUtil.getBundle(TimelineCostBenchmark.class).getBundleContext();
        ServiceReference<TransferStore> reference = context.getServiceReference(TransferStore.class);
        return ((SqliteTransferStoreComponent) context.getService(reference)).store();
    }
}
