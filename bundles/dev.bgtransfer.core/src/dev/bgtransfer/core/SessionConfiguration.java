package dev.bgtransfer.core;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a session runs its transfers.
 *
 * @param kind                 where its transfers live, and for how long
 * @param options              its connections per host (never more than the service's own limit:
 *                             every session's connections to one host together stay within that),
 *                             timeouts, retries and minimum speed
 * @param announcesAllFinished whether {@link TransferEvent.AllFinished} is announced for its batches
 * @param downloadFolder       where {@link TransferSession#download(URI)} puts files, if anywhere
 */
public record SessionConfiguration(SessionKind kind, TransferOptions options, boolean announcesAllFinished,
        Optional<Path> downloadFolder) {

    public SessionConfiguration {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(downloadFolder, "downloadFolder");
    }

    /**
     * @return a configuration of {@code kind} with {@link TransferOptions#DEFAULTS}, announcing when
     *         all finished, without a download folder
     */
    public static SessionConfiguration of(SessionKind kind) {
        return new SessionConfiguration(kind, TransferOptions.DEFAULTS, true, Optional.empty());
    }

    /** @return a copy with other options */
    public SessionConfiguration withOptions(TransferOptions newOptions) {
        return new SessionConfiguration(kind, newOptions, announcesAllFinished, downloadFolder);
    }

    /** @return a copy that announces, or not, when all its transfers finished */
    public SessionConfiguration withAllFinishedAnnounced(boolean announced) {
        return new SessionConfiguration(kind, options, announced, downloadFolder);
    }

    /** @return a copy whose {@link TransferSession#download(URI)} puts files into {@code folder} */
    public SessionConfiguration withDownloadFolder(Path folder) {
        return new SessionConfiguration(kind, options, announcesAllFinished, Optional.of(folder));
    }
}
