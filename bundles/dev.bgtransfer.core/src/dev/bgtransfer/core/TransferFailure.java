package dev.bgtransfer.core;

import java.util.Objects;

/**
 * Why a transfer failed, in words a person can act on.
 *
 * @param kind    the class of the failure, for programs
 * @param message a complete sentence for people, never a stack trace
 */
public record TransferFailure(Kind kind, String message) {

    /** The classes of failure. */
    public enum Kind {
        /** The server answered with an error status (4xx, 5xx). */
        HTTP_STATUS,
        /** The network failed: connection refused or reset, unknown host, a stall. */
        NETWORK,
        /** The secure connection could not be established or trusted. */
        TLS,
        /** Too many redirects or a redirect loop. */
        REDIRECT,
        /** The server's answer broke the protocol (bad lengths or ranges). */
        PROTOCOL,
        /** The bytes did not match the expected SHA-256. */
        CHECKSUM,
        /** The local disk refused: no space, no permission, bad folder. */
        DISK,
        /**
         * The server wants a user name and password, or refused the ones given: supply them with
         * {@link TransferService#authenticate(long, java.net.PasswordAuthentication)}.
         */
        CREDENTIALS,
        /** A data task's response was larger than its {@link DataRequest#maxResponseBytes()}. */
        TOO_LARGE,
        /**
         * A download in a session that takes only resumable transfers
         * ({@link TransferOptions#onlyResumable()}) whose server does not show it resumable; the message
         * says why ({@link Resumability#reason()}).
         */
        NOT_RESUMABLE
    }

    public TransferFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
