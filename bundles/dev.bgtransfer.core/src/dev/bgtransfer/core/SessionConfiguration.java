package dev.bgtransfer.core;

import java.util.Objects;

/**
 * How a session runs its transfers.
 *
 * @param kind                 where its transfers live, and for how long
 * @param options              its connections per host (never more than the service's own limit:
 *                             every session's connections to one host together stay within that),
 *                             timeouts, retries and minimum speed
 * @param announcesAllFinished whether {@link TransferEvent.AllFinished} is announced for its batches
 */
public record SessionConfiguration(SessionKind kind, TransferOptions options, boolean announcesAllFinished) {

    public SessionConfiguration {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
    }

    /** @return a stored session with {@link TransferOptions#DEFAULTS}, announcing when all finished */
    public static SessionConfiguration of(SessionKind kind) {
        return new SessionConfiguration(kind, TransferOptions.DEFAULTS, true);
    }

    /** @return a copy with other options */
    public SessionConfiguration withOptions(TransferOptions newOptions) {
        return new SessionConfiguration(kind, newOptions, announcesAllFinished);
    }

    /** @return a copy that announces, or not, when all its transfers finished */
    public SessionConfiguration withAllFinishedAnnounced(boolean announced) {
        return new SessionConfiguration(kind, options, announced);
    }
}
