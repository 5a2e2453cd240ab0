package dev.bgtransfer.core.internal.jobs;

import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.spi.TransferRecord;

/** How a transfer Job ended; {@code record()} holds what is on disk. */
public sealed interface Outcome {
    TransferRecord record();

    record Completed(TransferRecord record) implements Outcome {
    }

    record Failed(TransferRecord record, TransferException error) implements Outcome {
    }

    /** Cancelled: by the engine (see {@link TransferJob.Intent}) or in the Progress view. */
    record Interrupted(TransferRecord record) implements Outcome {
    }
}
