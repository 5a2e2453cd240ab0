package dev.bgtransfer.cli.internal;

import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.UploadRequest;

/**
 * {@code put}: uploads the file to the URL, continuing a stored unfinished upload of the same file
 * to the same URL (from the offset its server reports, when it offered resumption) instead of
 * starting again.
 */
final class PutCommand {
    private final TransferService service;

    PutCommand(TransferService service) {
        this.service = service;
    }

    /**
     * @return the id to wait for
     * @throws IllegalArgumentException with a sentence when the file cannot be uploaded (it went since
     *                                  the command was read); nothing was started
     */
    long start(Command.Put put) {
        TransferSession session = CommandLineSession.open(service, put.options());
        UploadRequest request = put.request();
        return new UnfinishedTransfers(service).start(TransferKey.of(request), put.user(), put.headers(),
                put.options().limitRate(),
                () -> session.add(request),
                () -> session.upload(request));
    }
}
