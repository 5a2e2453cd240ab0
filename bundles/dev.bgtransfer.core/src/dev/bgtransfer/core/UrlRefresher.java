package dev.bgtransfer.core;

import java.net.URI;
import java.util.Optional;

/**
 * Gives a download a fresh URL when its link expired: a whiteboard service that a plug-in registers
 * (for a store that hands out signed links, say), which the {@link TransferService} of its framework
 * asks. It is asked on the transfer's Job thread, and may take its time (a call to the server that
 * signs links, for one); the transfer waits for its answer.
 * <p>
 * When it is asked: the transfer's URL (not a redirect's target) was answered with 401 that no
 * credentials given could answer, 403 or 410; or the URL is a signed link whose expiry (Amazon S3's
 * {@code X-Amz-Date} and {@code X-Amz-Expires}, Google Cloud Storage's {@code X-Goog-Date} and
 * {@code X-Goog-Expires}, or an {@code Expires} of seconds since 1970 as CloudFront and others sign)
 * has passed, before a request goes out with it. Every refresher registered is asked in turn until
 * one answers; one that throws is logged and passed over.
 * <p>
 * What follows: the transfer keeps its bytes and continues from them at the new URL, which is
 * stored as its URL, only if that URL serves the same entity: the resume asks with {@code If-Range}
 * and the validator stored with the bytes, and the length must be the same; otherwise it starts from
 * zero, never splicing two files. A transfer is refreshed at most three times in a row without a byte
 * received between, so a refresher that keeps answering with dead links cannot hold it in a loop: then
 * the transfer fails with the server's answer. A daemon's transfers are refreshed by refreshers
 * registered in the daemon's framework: a service reached over the daemon's socket does not ask the
 * client's.
 */
@FunctionalInterface
public interface UrlRefresher {

    /** Why a refresher is asked. */
    enum Reason {
        /** The server answered 401, and no credentials given could answer it. */
        UNAUTHORIZED,
        /** The server answered 403. */
        FORBIDDEN,
        /** The server answered 410. */
        GONE,
        /** The URL is a signed link whose expiry has passed; nothing was asked of the server. */
        EXPIRED
    }

    /**
     * @param transfer the download, its {@link Transfer#url()} the URL that stopped working
     * @param reason   why it is asked
     * @return a new {@code http} or {@code https} URL of the same file, or empty when this refresher
     *         knows nothing better (a transfer not of its plug-in, for one)
     */
    Optional<URI> refresh(Transfer transfer, Reason reason);
}
