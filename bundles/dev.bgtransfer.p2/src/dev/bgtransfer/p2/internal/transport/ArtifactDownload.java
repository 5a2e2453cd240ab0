package dev.bgtransfer.p2.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferService;

/**
 * Waits for one artifact's transfer, reporting its bytes to p2's monitor, and hands p2 the completed
 * file. p2's cancel pauses the transfer, so that the next install resumes from its bytes. The
 * transfer's state is read every {@link #POLL_MILLIS} ms, as p2's own transport watches its
 * download; the service's events would wake the wait no sooner than p2 redraws its progress.
 */
final class ArtifactDownload {

    private static final long POLL_MILLIS = 100;
    private static final int DOWNLOAD_WORK = 900;
    private static final int COPY_WORK = 100;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final TransferService service;
    private final long id;
    private final String title;

    ArtifactDownload(TransferService service, long id, String title) {
        this.service = service;
        this.id = id;
        this.title = title;
    }

    /**
     * @return the status for p2 once the transfer is over; empty when it failed (the platform's
     *         transport should try; nothing was written to {@code target})
     */
    Optional<IStatus> finish(OutputStream target, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, title, DOWNLOAD_WORK + COPY_WORK);
        int reported = 0;
        while (true) {
            if (progress.isCanceled()) {
                service.pause(id);
                return Optional.of(Status.CANCEL_STATUS);
            }
            Optional<Transfer> now = service.get(id);
            if (now.isEmpty()) {
                return Optional.of(cancelled(Messages.removedInDownloads));
            }
            Transfer transfer = now.get();
            switch (transfer.state()) {
                case COMPLETED -> {
                    progress.worked(DOWNLOAD_WORK - reported);
                    return Optional.of(copy(transfer, target, progress.newChild(COPY_WORK)));
                }
                case CANCELLED -> {
                    // a person stopped it: p2 is told, and the row goes, as the next install starts anew
                    service.remove(id, true);
                    return Optional.of(cancelled(Messages.stoppedInDownloads));
                }
                case FAILED -> {
                    service.remove(id, true);
                    return Optional.empty();
                }
                case PAUSED -> {
                    if (transfer.failure().map(TransferFailure::kind).orElse(null) == TransferFailure.Kind.CREDENTIALS) {
                        // p2's transport asks the person for them in its own dialog
                        service.remove(id, true);
                        return Optional.empty();
                    }
                    // paused by a person in the Downloads view: p2 waits until it is started again
                }
                default -> {
                    // queued, running, or waiting to retry
                }
            }
            double fraction = transfer.fractionDone();
            int done = fraction < 0 ? reported : (int) (fraction * DOWNLOAD_WORK);
            if (done > reported) {
                progress.worked(done - reported);
                reported = done;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                service.pause(id);
                return Optional.of(Status.CANCEL_STATUS);
            }
        }
    }

    private IStatus cancelled(String message) {
        return new Status(IStatus.CANCEL, ArtifactDownloads.SESSION, NLS.bind(message, title));
    }

    /** Copies the completed file into p2's stream, then forgets the transfer and its file: p2 keeps its own copy. */
    private IStatus copy(Transfer transfer, OutputStream target, SubMonitor monitor) {
        Optional<Path> file = transfer.file();
        if (file.isEmpty()) {
            return Status.error(NLS.bind(Messages.completedWithoutFile, title));
        }
        try {
            long size = Files.size(file.get());
            SubMonitor progress = SubMonitor.convert(monitor, (int) Math.min(Integer.MAX_VALUE, Math.max(1, size / BUFFER_SIZE)));
            try (InputStream in = Files.newInputStream(file.get())) {
                byte[] buffer = new byte[BUFFER_SIZE];
                for (int read; (read = in.read(buffer)) >= 0;) {
                    target.write(buffer, 0, read);
                    progress.split(1);
                }
            }
        } catch (IOException failure) {
            // the completed transfer stays: the next attempt copies it again
            return Status.error(NLS.bind(Messages.copyFailed, title, failure.getMessage()), failure);
        } catch (OperationCanceledException cancelled) {
            return Status.CANCEL_STATUS;
        }
        service.remove(id, true);
        return Status.OK_STATUS;
    }
}
