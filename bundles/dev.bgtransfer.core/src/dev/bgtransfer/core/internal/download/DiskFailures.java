package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.internal.http.TransferException;

/** Turns what went wrong on disk into a {@link TransferException} with a sentence a person can act on. */
final class DiskFailures {

    private DiskFailures() {
    }

    static TransferException disk(IOException error, Path file) {
        String message;
        String detail = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        TransferFailure full = new TransferFailure(Kind.DISK, NLS.bind(Messages.diskFull, file));
        if (detail.contains("no space") || detail.contains("disk full")) {
            return TransferException.noSpace(full, error);
        }
        if (detail.contains("quota")) {
            // the usable space of the disk does not show a quota: there is nothing to wait for
            return new TransferException(full, false, error);
        }
        if (error instanceof AccessDeniedException || detail.contains("permission denied")) {
            message = NLS.bind(Messages.diskDenied, file);
        } else {
            message = NLS.bind(Messages.disk, file, TransferException.describe(error));
        }
        return new TransferException(new TransferFailure(Kind.DISK, message), false, error);
    }
}
