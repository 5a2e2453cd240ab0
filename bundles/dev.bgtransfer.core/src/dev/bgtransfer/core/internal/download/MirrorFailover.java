package dev.bgtransfer.core.internal.download;

import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * Which mirror a download goes on at after a failure, within one Job: each URL once until bytes
 * come again or the Job waited to retry. Neither a full or refused disk nor bytes that did not match
 * the SHA-256 is a URL's fault: they move nothing.
 */
final class MirrorFailover {
    /** The URLs that failed since bytes last came or the Job last waited to retry. */
    private final Set<URI> failedUrls = new HashSet<>();
    /** A transient failure among them, which a wait may cure where the last failure (a 404, say) would end it. */
    private TransferException transientFailure;
    private long bytesAtFailure = -1;

    /** @return the mirror to go on at after {@code record}'s URL failed with {@code failed}; empty: none left */
    Optional<URI> next(TransferRecord record, TransferException failed) {
        if (record.mirrors().isEmpty() || !isTheUrlsFault(failed)) {
            return Optional.empty();
        }
        if (record.bytes() > bytesAtFailure) {
            failedUrls.clear(); // bytes came since: the URLs that failed before may serve again
            transientFailure = null;
        }
        bytesAtFailure = record.bytes();
        failedUrls.add(record.url());
        if (failed.isTransient()) {
            transientFailure = failed;
        }
        return record.mirrors().stream().filter(mirror -> !failedUrls.contains(mirror)).findFirst();
    }

    /**
     * Starts a new round: every URL may be tried again after the wait.
     *
     * @return the failure the Job's wait to retry goes by once every URL failed: {@code failed}, or one
     *         of the others' failures that a wait may cure when {@code failed} would end the transfer
     */
    TransferException retryReason(TransferException failed) {
        TransferException reason = failed.isTransient() || transientFailure == null || !isTheUrlsFault(failed) ? failed
                : transientFailure;
        failedUrls.clear();
        transientFailure = null;
        return reason;
    }

    private static boolean isTheUrlsFault(TransferException failed) {
        Kind kind = failed.failure().kind();
        return kind != Kind.DISK && kind != Kind.CHECKSUM;
    }
}
