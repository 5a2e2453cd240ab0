package dev.bgtransfer.core.internal.upload;

/** Hears how far an upload is: the bytes of the file sent so far, counted from its start. */
@FunctionalInterface
public interface UploadProgress {
    UploadProgress NONE = (sent, total) -> {
        // nobody listens
    };

    /**
     * Called on the uploading thread before a body's first byte goes out and as its bytes go out,
     * and when a resumed upload learns the server's offset (which may be less than what was sent
     * before).
     *
     * @param sent  the bytes of the file the server has or is being sent, from the file's start
     * @param total the file's size
     */
    void sent(long sent, long total);
}
