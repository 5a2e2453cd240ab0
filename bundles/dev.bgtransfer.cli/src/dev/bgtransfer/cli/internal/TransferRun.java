package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.net.PasswordAuthentication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;

/**
 * Waits for transfers to end, printing one result line per completed transfer on stdout
 * ({@code path<TAB>bytes<TAB>sha256} for a download, {@code URL<TAB>bytes<TAB>sha256} for an
 * upload) and {@code URL: reason} per failure on stderr.
 */
final class TransferRun {
    private static final long TICK_MILLIS = 100;

    private final TransferService service;
    private final PrintStream out;
    private final PrintStream err;
    private final ProgressDisplay progress;
    private final CredentialsPrompt prompt;
    private final Set<Long> prompted = new HashSet<>();
    /** Transfers whose wait for disk space was announced, so that it is said once per wait. */
    private final Set<Long> waitingForSpace = new HashSet<>();
    private boolean pausedIsOver;

    TransferRun(TransferService service, PrintStream out, PrintStream err, ProgressDisplay progress,
            CredentialsPrompt prompt) {
        this.service = service;
        this.out = out;
        this.err = err;
        this.progress = progress;
        this.prompt = prompt;
    }

    /**
     * @return 0 when every transfer completed, 1 when any did not
     * @throws InterruptedException when the command was given up (its client went away): what it
     *                              waited for is paused, its bytes kept for a resume
     */
    int await(List<Long> ids) throws InterruptedException {
        Set<Long> pending = new LinkedHashSet<>(ids);
        try (TransferEnds ends = TransferEnds.listen()) {
            return awaitEach(ids, pending, ends);
        } catch (InterruptedException givenUp) {
            pending.forEach(service::pause);
            throw givenUp;
        }
    }

    /**
     * Waits for transfers this command did not start ({@code wait}): a paused one is over for it too
     * (nothing moves it until someone starts it), reported as paused, and a command given up leaves
     * them as they are.
     *
     * @return 0 when every transfer completed, 1 when any did not
     */
    int awaitOthers(List<Long> ids) throws InterruptedException {
        pausedIsOver = true;
        try (TransferEnds ends = TransferEnds.listen()) {
            return awaitEach(ids, new LinkedHashSet<>(ids), ends);
        }
    }

    /**
     * Looks at every transfer once a tick, to show progress and to catch what no event names (one
     * reported already is not read again); in between, at the transfers whose state changed, the
     * moment they change, as their events left them.
     */
    private int awaitEach(List<Long> ids, Set<Long> pending, TransferEnds ends) throws InterruptedException {
        Map<Long, Transfer> latest = new HashMap<>(); // each transfer waited for, as last seen
        boolean allCompleted = true;
        Map<Long, Optional<Transfer>> changed = Map.of();
        long nextTick = System.nanoTime();
        while (!pending.isEmpty()) {
            if (System.nanoTime() - nextTick >= 0) {
                List<Transfer> current = new ArrayList<>();
                for (long id : ids) {
                    Optional<Transfer> transfer = pending.contains(id) || !latest.containsKey(id) ? service.get(id)
                            : Optional.of(latest.get(id));
                    transfer.ifPresent(current::add);
                    transfer.ifPresent(this::announceWaitForSpace);
                    allCompleted &= reportIfOver(id, transfer, pending, latest);
                }
                progress.show(current);
                nextTick = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
            } else {
                for (Map.Entry<Long, Optional<Transfer>> change : changed.entrySet()) {
                    allCompleted &= reportIfOver(change.getKey(), change.getValue(), pending, latest);
                }
            }
            if (!pending.isEmpty()) {
                long untilTick = TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime());
                changed = ends.awaitChanges(Math.max(1, untilTick));
            }
        }
        progress.clear();
        return allCompleted ? 0 : 1;
    }

    /**
     * Reports transfer {@code id} once it is over, unless it is not waited for (another command's,
     * or reported already) or the person just signed in for it.
     *
     * @param transfer as it is now; empty when it is gone
     * @return false when it was reported as not completed
     */
    private boolean reportIfOver(long id, Optional<Transfer> transfer, Set<Long> pending, Map<Long, Transfer> latest) {
        if (!pending.contains(id)) {
            return true;
        }
        transfer.ifPresent(now -> latest.put(id, now));
        if (!isOver(transfer) || transfer.isPresent() && signedIn(transfer.get())) {
            return true;
        }
        pending.remove(id);
        return report(id, transfer, Optional.ofNullable(latest.get(id)));
    }

    /** Says once on stderr why a transfer stands still while its disk is full, and what would help. */
    private void announceWaitForSpace(Transfer transfer) {
        if (!transfer.isWaitingForSpace()) {
            waitingForSpace.remove(transfer.id());
        } else if (waitingForSpace.add(transfer.id())) {
            progress.clear();
            err.println(transfer.url() + ": " + transfer.failure().map(TransferFailure::message).orElse(""));
            err.flush();
        }
    }

    /** @return whether the person gave credentials for a transfer that needs them (once per transfer) */
    private boolean signedIn(Transfer ended) {
        boolean needs = ended.state() == TransferState.FAILED
                && ended.failure().map(failure -> failure.kind() == TransferFailure.Kind.CREDENTIALS).orElse(false);
        if (!needs || !prompted.add(ended.id())) {
            return false;
        }
        progress.clear();
        Optional<PasswordAuthentication> given = prompt.ask(ended.url().getHost(),
                ended.failure().map(TransferFailure::message).orElse(""));
        given.ifPresent(credentials -> service.authenticate(ended.id(), credentials));
        return given.isPresent();
    }

    private boolean isOver(Optional<Transfer> transfer) {
        return transfer.isEmpty() || switch (transfer.get().state()) {
            case COMPLETED, FAILED, CANCELLED -> true;
            case PAUSED -> pausedIsOver;
            case QUEUED, RUNNING -> false;
        };
    }

    /** @param lastSeen the transfer as last seen, which names it when it is gone */
    private boolean report(long id, Optional<Transfer> ended, Optional<Transfer> lastSeen) {
        progress.clear();
        if (ended.isPresent() && ended.get().state() == TransferState.COMPLETED && ended.get().file().isPresent()) {
            out.println(resultLine(ended.get()));
            out.flush();
            return true;
        }
        String url = lastSeen.map(transfer -> transfer.url().toString()).orElse("#" + id);
        String reason = ended.flatMap(Transfer::failure).map(TransferFailure::message)
                .orElse(ended.isPresent() && ended.get().state() == TransferState.PAUSED ? Messages.paused
                        : Messages.stopped);
        err.println(url + ": " + reason);
        err.flush();
        return false;
    }

    /** @return where the bytes went (a download's file, an upload's URL), their count and their SHA-256 */
    private static String resultLine(Transfer done) {
        Object where = done.kind() == TransferKind.UPLOAD ? done.url() : done.file().get().toAbsolutePath();
        return where + "\t" + done.bytesReceived() + "\t" + done.sha256().orElse("");
    }
}
