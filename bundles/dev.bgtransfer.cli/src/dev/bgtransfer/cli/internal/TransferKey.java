package dev.bgtransfer.cli.internal;

import java.net.URI;
import java.nio.file.Path;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.UploadRequest;

/**
 * What a transfer moves, as a command names it: a download of a URL into a folder, or an upload of
 * a file to a URL. A command that names what an unfinished transfer moves continues that transfer.
 *
 * @param place the folder of a download, the file of an upload
 */
record TransferKey(TransferKind kind, URI url, Path place) {

    static TransferKey of(TransferRequest download) {
        return new TransferKey(TransferKind.DOWNLOAD, download.url(), download.destinationFolder());
    }

    static TransferKey of(UploadRequest upload) {
        return new TransferKey(TransferKind.UPLOAD, upload.url(), upload.file());
    }

    static TransferKey of(Transfer transfer) {
        boolean upload = transfer.kind() == TransferKind.UPLOAD;
        return new TransferKey(transfer.kind(), transfer.url(),
                upload ? transfer.file().orElseThrow() : transfer.destinationFolder());
    }
}
