package dev.bgtransfer.core.internal.download;

/** Waits for the helper threads of a download, which end in moments, whatever interrupts the caller. */
final class Joins {

    private Joins() {
    }

    /** Returns once {@code thread} (if any) has ended; an interrupt meanwhile is kept for the caller's next wait. */
    static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException later) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
