package dev.bgtransfer.junit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;

/**
 * The real {@link TransferService} from the OSGi registry, a {@link TransferListener} service that
 * records every event, and waiting helpers. {@link #close()} resets the service for the next test.
 */
public final class TransferFixture implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The defaults, but quick retries, so that a failure shows in milliseconds rather than half a minute. */
    public static final TransferOptions OPTIONS = TransferOptions.DEFAULTS.withRetries(2, Duration.ofMillis(20));

    private final BundleContext context = FrameworkUtil.getBundle(TransferFixture.class).getBundleContext();
    private final ServiceTracker<TransferService, TransferService> tracker;
    private final ServiceRegistration<TransferListener> registration;
    private final List<TransferEvent> events = new CopyOnWriteArrayList<>();

    /** Finds the service, resets it and starts recording events. */
    public TransferFixture() {
        tracker = new ServiceTracker<>(context, TransferService.class, null);
        tracker.open();
        service().resetAll();
        service().setOptions(OPTIONS);
        registration = context.registerService(TransferListener.class, events::add, null);
    }

    /**
     * @return the service registered now (a new instance after its bundle was restarted), waiting
     *         for it when there is none
     */
    public TransferService service() {
        try {
            TransferService service = tracker.waitForService(TIMEOUT.toMillis());
            if (service == null) {
                throw new IllegalStateException("No TransferService was registered within " + TIMEOUT);
            }
            return service;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /**
     * Stops and starts the bundle of the service, as a shutdown and the next start of the
     * application would: the service is deactivated, then a new instance is activated.
     */
    public static void restartService() {
        Bundle core = FrameworkUtil.getBundle(TransferService.class);
        try {
            core.stop();
            core.start(Bundle.START_ACTIVATION_POLICY);
        } catch (BundleException failed) {
            throw new IllegalStateException("Could not restart " + core.getSymbolicName(), failed);
        }
    }

    public List<TransferEvent> events() {
        return List.copyOf(events);
    }

    public <E extends TransferEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits until the transfer satisfies {@code condition}, failing the test after {@link #TIMEOUT}. */
    public Transfer await(long id, String what, Predicate<Transfer> condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Transfer current = null;
        while (System.nanoTime() < deadline) {
            current = service().get(id).orElseThrow();
            if (condition.test(current)) {
                return current;
            }
            sleep(5);
        }
        return fail("Transfer " + id + " never became " + what + "; last seen: " + current);
    }

    public Transfer awaitState(long id, TransferState state) {
        return await(id, state.toString(), transfer -> transfer.state() == state);
    }

    public Transfer awaitBytes(long id, long atLeast) {
        return await(id, "running with at least " + atLeast + " bytes",
                transfer -> transfer.state() == TransferState.RUNNING && transfer.bytesReceived() >= atLeast);
    }

    /** Waits until an event of this type that matches was delivered. */
    public <E extends TransferEvent> E awaitEvent(Class<E> type, Predicate<E> condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (E event : events(type)) {
                if (condition.test(event)) {
                    return event;
                }
            }
            sleep(5);
        }
        return fail("No " + type.getSimpleName() + " event arrived; events: " + events);
    }

    /** Waits until {@code condition} holds, failing the test after {@link #TIMEOUT}. */
    public static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + what);
            }
            sleep(5);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Damages a file as a disk or another program might: {@code length} bytes at {@code position}
     * are overwritten with their complements, so they differ from what was there whatever it was.
     */
    public static void overwrite(Path file, long position, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.allocate(length);
            channel.read(bytes, position);
            for (int i = 0; i < length; i++) {
                bytes.put(i, (byte) ~bytes.get(i));
            }
            channel.write(bytes.flip(), position);
        }
    }

    /** @return the names in the folder, sorted */
    public static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    public static List<Path> partFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".part")).toList();
        }
    }

    @Override
    public void close() {
        registration.unregister();
        service().resetAll();
        service().setOptions(OPTIONS);
        tracker.close();
    }
}
