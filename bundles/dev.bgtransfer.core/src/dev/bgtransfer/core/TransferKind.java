package dev.bgtransfer.core;

/** Which way a {@link Transfer}'s bytes go. */
public enum TransferKind {
    /** From a URL into a file: {@link TransferSession#download(TransferRequest)}. */
    DOWNLOAD,
    /** From a file to a URL: {@link TransferSession#upload(UploadRequest)}. */
    UPLOAD
}
