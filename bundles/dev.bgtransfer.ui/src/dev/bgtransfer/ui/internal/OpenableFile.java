package dev.bgtransfer.ui.internal;

import java.nio.file.Path;
import java.util.Optional;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferState;

/**
 * The file a row's Open opens: a download's once it is complete (before, it has no name yet), an
 * upload's source at any time (it is the person's own file, there from the start).
 */
public final class OpenableFile {

    private OpenableFile() {
    }

    /** @return the file of {@code transfer} a person can open now, if any */
    public static Optional<Path> of(Transfer transfer) {
        boolean there = transfer.kind() == TransferKind.UPLOAD || transfer.state() == TransferState.COMPLETED;
        return there ? transfer.file() : Optional.empty();
    }
}
