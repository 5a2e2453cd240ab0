package dev.bgtransfer.core;

/** Where a session's transfers live, and for how long (NSURLSession's three configurations). */
public enum SessionKind {
    /**
     * Stored, and meant to outlive the application: the transfers continue in the per-user background
     * service once there is one; until then they run in this process, as {@link #DEFAULT} ones do.
     */
    BACKGROUND,
    /** Stored and run in this process: after a restart or a crash the transfers come back and continue. */
    DEFAULT,
    /**
     * In memory only: no row in the store, no saved credentials, nothing left once the session is
     * invalidated or the service stops (its partial files are deleted then; a process that crashes
     * leaves the partial files it was writing, as any process does).
     */
    EPHEMERAL
}
