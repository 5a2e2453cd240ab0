package dev.bgtransfer.core.internal.download;

/**
 * A connection of a segmented download was answered with another entity than the one its slices
 * hold (another validator or length, or the whole body): the bytes must not be spliced.
 */
final class EntityChanged extends Exception {
    private static final long serialVersionUID = 1L;

    EntityChanged(String what) {
        super(what, null, false, false);
    }
}
