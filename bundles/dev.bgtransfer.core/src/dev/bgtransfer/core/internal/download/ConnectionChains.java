package dev.bgtransfer.core.internal.download;

import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chains of chunk hashes of the connections of a download in slices that copy now: each
 * connection's own chain, from where it begins, by which a resume proves the bytes of a slice that
 * the SHA-256's read from the entity's start has not reached. A checkpoint asks every chain for its
 * hash where its bytes are ({@link #hashForCheckpoint()}), so that the bytes it records are proven up
 * to there.
 */
final class ConnectionChains {
    /** How long a checkpoint waits for the connections' chain hashes: a read or two at a few MB/s. */
    private static final long WAIT_NANOS = 250_000_000L;

    private final ChunkLedger ledger;
    private final Set<Chain> chains = ConcurrentHashMap.newKeySet();
    /** Bumped by a checkpoint that asks every chain for its hash. */
    private volatile int hashRequests;

    ConnectionChains(ChunkLedger ledger) {
        this.ledger = ledger;
    }

    /** @return the chain of a connection that begins to copy at {@code start}; {@link Chain#close} it when it ends */
    Chain open(long start) {
        Chain chain = new Chain(start);
        chains.add(chain);
        return chain;
    }

    /**
     * Asks every connection for the hash of its chain where its bytes are now, after the slices of a
     * checkpoint were taken, and waits a moment for them: each answers after its next read, and one
     * that does not answer in time (a stalled connection) leaves its last bytes to be trusted as before.
     */
    void hashForCheckpoint() {
        int asked = ++hashRequests;
        long until = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < until && chains.stream().anyMatch(chain -> chain.taken != asked)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * One connection's chain: hashes at each chunk boundary, and where a checkpoint asks. Fed by its
     * connection's thread only.
     */
    final class Chain {
        private final long start;
        private final MessageDigest digest = PartFile.newSha256();
        private long hashed;
        private int answered = hashRequests;
        private volatile int taken = answered;

        private Chain(long start) {
            this.start = start;
            this.hashed = start;
        }

        void feed(byte[] bytes, int length) {
            hashed = ledger.feed(start, hashed, digest, bytes, length);
            int asked = hashRequests;
            if (asked != answered) {
                answered = asked;
                take();
                taken = asked;
            }
        }

        /** Ends the chain with the hash of every byte fed. */
        void close() {
            chains.remove(this);
            take();
        }

        private void take() {
            ledger.take(start, hashed, digest);
        }
    }
}
