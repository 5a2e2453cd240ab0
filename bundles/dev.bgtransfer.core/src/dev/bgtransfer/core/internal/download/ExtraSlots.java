package dev.bgtransfer.core.internal.download;

/**
 * The connection slots of its host that a segmented download borrows for connections beyond its own:
 * only free ones, never one a waiting transfer of the same host could have, and each given back.
 */
public interface ExtraSlots {
    /** @return whether a free slot of the host is now held for one more connection */
    boolean borrow();

    /** A connection borrowed for is closed: its slot is free again. */
    void giveBack();

    /** @return whether another transfer waits for the host: borrowed slots should go back soon */
    boolean wanted();
}
