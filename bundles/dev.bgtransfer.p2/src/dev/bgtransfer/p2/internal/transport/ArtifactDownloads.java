package dev.bgtransfer.p2.internal.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;

/**
 * Hands p2's artifacts to the transfer service, in a session of their own, {@link #SESSION}.
 * <p>
 * The session is {@link SessionKind#DEFAULT}: stored, so an artifact interrupted by a crash or a
 * restart resumes from its bytes when p2 asks for it again (or when the service starts and
 * continues the session's unfinished transfers), but run in this process: p2 reads an artifact only
 * while an install runs, so downloading on after the IDE exited, in the per-user daemon, would spend
 * bandwidth on something p2 may never ask for again. Its files live in this bundle's state location
 * (the workspace's metadata) until p2 has the bytes; then the transfer is removed with its file, as
 * p2 keeps its own copy.
 */
final class ArtifactDownloads {

    /** The session of p2's artifacts, as the Downloads view shows it. */
    static final String SESSION = "dev.bgtransfer.p2"; //$NON-NLS-1$

    /** One lookup-or-add at a time, so that one URL asked for twice at once is one transfer. */
    private static final Object FIND_OR_ADD = new Object();

    private final BundleContext context;

    ArtifactDownloads(BundleContext context) {
        this.context = context;
    }

    /** @return whether the service could download {@code source}: http(s) only */
    static boolean isServable(URI source) {
        String scheme = source.getScheme();
        return scheme != null && switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http", "https" -> true; //$NON-NLS-1$ //$NON-NLS-2$
            default -> false;
        };
    }

    /**
     * Downloads {@code source} through the service and writes its bytes to {@code target}.
     *
     * @return what to tell p2; empty when the service cannot serve it (no service, no state location,
     *         a URL it refuses, a failure) and nothing was written to {@code target}: the platform's
     *         transport should then try
     */
    Optional<IStatus> download(URI source, OutputStream target, String title, Optional<String> sha256,
            IProgressMonitor monitor) {
        ServiceReference<TransferService> reference = context.getServiceReference(TransferService.class);
        TransferService service = reference == null ? null : context.getService(reference);
        if (service == null) {
            return Optional.empty();
        }
        try {
            Optional<Path> folder = folder();
            if (folder.isEmpty()) {
                return Optional.empty();
            }
            TransferSession session = service.session(SESSION, SessionConfiguration.of(SessionKind.DEFAULT)
                    .withDownloadFolder(folder.get()).withAllFinishedAnnounced(false));
            Transfer transfer;
            synchronized (FIND_OR_ADD) {
                transfer = resumable(service, session, source, sha256).orElseGet(
                        () -> session.download(new TransferRequest(source, title, folder.get(), sha256)));
            }
            return new ArtifactDownload(service, transfer.id(), title).finish(target, monitor);
        } catch (IllegalArgumentException | IllegalStateException cannotServe) {
            // a URL the service refuses (credentials in it, too long), a session it cannot give
            return Optional.empty();
        } catch (RuntimeException failure) {
            // nothing was written to target yet (ArtifactDownload copies only a completed file)
            ILog.of(getClass()).warn(NLS.bind(Messages.serviceFailed, source), failure);
            return Optional.empty();
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * The session's transfer of {@code source} left by an earlier attempt (a crash, a restart, a
     * cancelled install), started again where it stopped; a completed one whose file is gone or whose
     * SHA-256 is not the one published is forgotten instead.
     */
    private static Optional<Transfer> resumable(TransferService service, TransferSession session, URI source,
            Optional<String> sha256) {
        Optional<Transfer> earlier = session.transfers().stream()
                .filter(transfer -> transfer.kind() == TransferKind.DOWNLOAD && transfer.url().equals(source))
                .filter(transfer -> transfer.state() != TransferState.CANCELLED)
                .max(Comparator.comparingLong(Transfer::id));
        if (earlier.isEmpty()) {
            return earlier;
        }
        Transfer transfer = earlier.get();
        switch (transfer.state()) {
            case COMPLETED -> {
                boolean usable = transfer.file().filter(Files::isRegularFile).isPresent() && sha256
                        .map(expected -> transfer.sha256().filter(expected::equalsIgnoreCase).isPresent())
                        .orElse(true);
                if (!usable) {
                    service.remove(transfer.id(), true);
                    return Optional.empty();
                }
            }
            case PAUSED, FAILED -> service.start(transfer.id());
            default -> {
                // queued or running: the service continues it already
            }
        }
        return earlier;
    }

    private Optional<Path> folder() {
        try {
            Path folder = Platform.getStateLocation(context.getBundle()).toPath().resolve("artifacts"); //$NON-NLS-1$
            Files.createDirectories(folder);
            return Optional.of(folder);
        } catch (IllegalStateException | IOException noStateLocation) {
            // no instance location (-data @none), or one that cannot be written
            return Optional.empty();
        }
    }
}
