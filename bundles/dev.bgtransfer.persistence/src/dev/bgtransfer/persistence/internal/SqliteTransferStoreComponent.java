package dev.bgtransfer.persistence.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferStore;

/**
 * Registers a {@link SqliteTransferStore} as the {@link TransferStore} service. The database is
 * {@code transfers.db} in the folder named by the framework property {@value #STATE_FOLDER_PROPERTY};
 * without it, in this bundle's state location of the workspace when there is one, and in the
 * bundle's data area otherwise. Where the framework property
 * {@value KeptNativeLibrary#KEEP_PROPERTY} is {@code true}, SQLite's native library is kept in the
 * data area between starts ({@link KeptNativeLibrary}).
 */
@Component(service = TransferStore.class)
public final class SqliteTransferStoreComponent implements TransferStore {
    /** The framework property naming the folder of the database. */
    private static final String STATE_FOLDER_PROPERTY = "dev.bgtransfer.state";
    private static final String DATABASE_NAME = "transfers.db";
    /** The folder of this bundle's data area where {@link KeptNativeLibrary} keeps its copies. */
    private static final String NATIVE_LIBRARIES = "native";

    private SqliteTransferStore store;

    @Activate
    void activate(BundleContext context) throws IOException {
        if (Boolean.parseBoolean(context.getProperty(KeptNativeLibrary.KEEP_PROPERTY))) {
            File folder = context.getDataFile(NATIVE_LIBRARIES);
            if (folder != null) {
                new KeptNativeLibrary(folder.toPath()).load();
            }
        }
        store = SqliteTransferStore.open(locate(context));
    }

    @Deactivate
    void deactivate() {
        store.close();
    }

    @Override
    public long nextId() {
        return store.nextId();
    }

    @Override
    public void save(TransferRecord record) {
        store.save(record);
    }

    @Override
    public void saveAll(List<TransferRecord> records) {
        store.saveAll(records);
    }

    /** @return the open store, which serves one caller at a time */
    SqliteTransferStore store() {
        return store;
    }

    @Override
    public void delete(long id) {
        store.delete(id);
    }

    @Override
    public List<TransferRecord> loadAll() {
        return store.loadAll();
    }

    @Override
    public void clear() {
        store.clear();
    }

    @Override
    public Optional<TransferRecord> load(long id) {
        return store.load(id);
    }

    @Override
    public List<TransferRecord> loadUnfinished() {
        return store.loadUnfinished();
    }

    @Override
    public List<TransferRecord> loadPage(long fromId, int max) {
        return store.loadPage(fromId, max);
    }

    @Override
    public List<TransferRecord> loadSession(String session) {
        return store.loadSession(session);
    }

    @Override
    public List<TransferRecord> loadSessionPage(String session, long fromId, int max) {
        return store.loadSessionPage(session, fromId, max);
    }

    @Override
    public void saveSession(String identifier, SessionConfiguration configuration) {
        store.saveSession(identifier, configuration);
    }

    @Override
    public void deleteSession(String identifier) {
        store.deleteSession(identifier);
    }

    @Override
    public Map<String, SessionConfiguration> loadSessions() {
        return store.loadSessions();
    }

    @Override
    public void saveAll(List<TransferRecord> records, List<TimelineEntry> timeline) {
        store.saveAll(records, timeline);
    }

    @Override
    public void appendTimeline(List<TimelineEntry> entries) {
        store.appendTimeline(entries);
    }

    @Override
    public List<TimelineEntry> loadTimeline(long id) {
        return store.loadTimeline(id);
    }

    @Override
    public long lastTimelineSequence(long id) {
        return store.lastTimelineSequence(id);
    }

    @Override
    public long[] ids() {
        return store.ids();
    }

    @Override
    public void saveRateLimit(long id, long bytesPerSecond) {
        store.saveRateLimit(id, bytesPerSecond);
    }

    @Override
    public Map<Long, Long> loadRateLimits() {
        return store.loadRateLimits();
    }

    private static Path locate(BundleContext context) throws IOException {
        String stateFolder = context.getProperty(STATE_FOLDER_PROPERTY);
        if (stateFolder != null && !stateFolder.isBlank()) {
            return Path.of(stateFolder).resolve(DATABASE_NAME);
        }
        Location instance = Platform.getInstanceLocation();
        if (instance != null && instance.isSet()) {
            return Platform.getStateLocation(context.getBundle()).toPath().resolve(DATABASE_NAME);
        }
        File dataFile = context.getDataFile(DATABASE_NAME);
        if (dataFile == null) {
            throw new IOException("The framework gives bgtransfer no place for its transfer database; set the"
                    + " framework property " + STATE_FOLDER_PROPERTY + " to a folder");
        }
        return dataFile.toPath();
    }
}
