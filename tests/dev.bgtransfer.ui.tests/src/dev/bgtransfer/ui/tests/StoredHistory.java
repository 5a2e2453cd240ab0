package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;

/** A long history of completed transfers, written straight into the real SQLite store. */
final class StoredHistory {

    private StoredHistory() {
    }

    /** @return the SQLite store the service of this runtime writes */
    static TransferStore sqliteStore() {
        BundleContext context = FrameworkUtil.getBundle(StoredHistory.class).getBundleContext();
        ServiceReference<TransferStore> reference = context.getServiceReference(TransferStore.class);
        assertNotNull(reference, "no TransferStore service in the test runtime");
        assertEquals("dev.bgtransfer.persistence", reference.getBundle().getSymbolicName());
        return context.getService(reference);
    }

    /** @return the title of the {@code n}th stored transfer (from 1), "stored-00001.bin" */
    static String title(int n) {
        return String.format(Locale.ROOT, "stored-%05d.bin", n);
    }

    /** Stores {@code count} completed transfers, as a long history leaves them (their files are not created). */
    static void fill(TransferStore store, int count) {
        Path downloads = Path.of(System.getProperty("java.io.tmpdir"), "bgtransfer-history-downloads");
        String digest = HexFormat.of().formatHex(new byte[32]);
        Instant then = Instant.now();
        for (int i = 1; i <= count; i++) {
            String name = title(i);
            TransferRecord record = TransferRecord.create(store.nextId(), TransferSession.DEFAULT_IDENTIFIER,
                    URI.create("https://downloads.example.org/history/" + name), "", downloads, null, then);
            store.save(record.completed(downloads.resolve(name), 1_000_000L + i, digest, then));
        }
    }
}
