package dev.bgtransfer.core.internal;

import dev.bgtransfer.core.spi.TransferRecord;

/** How a download Job ended; {@code record()} holds what is on disk. */
sealed interface Outcome {
    TransferRecord record();

    record Completed(TransferRecord record) implements Outcome {
    }

    record Failed(TransferRecord record, TransferException error) implements Outcome {
    }

    /** Cancelled: by the engine (see {@link DownloadJob.Intent}) or in the Progress view. */
    record Interrupted(TransferRecord record) implements Outcome {
    }
}
