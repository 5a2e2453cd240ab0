package dev.bgtransfer.core.internal.download;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.bandwidth.Throttle;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.RetryPolicy;
import dev.bgtransfer.core.internal.http.SignIn;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.internal.jobs.TransferJob;
import dev.bgtransfer.core.internal.timeline.Timeline;
import dev.bgtransfer.core.spi.TransferRecord;

/** The Job of one running download: its attempt, again after transient failures and full disks. */
public final class DownloadJob extends TransferJob {

    /** Hears that the Job waits to retry or for its disk. */
    public interface RetryListener extends TransferJob.RetryListener {
        /** The Job waits for its disk, not its host: its connection slot may serve others meanwhile. */
        void lendSlot();

        /** @return whether the Job holds its connection slot again; false while its host has none free */
        boolean reclaimSlot();
    }

    /** Hears everything a Job and its attempts report. */
    public interface Listener extends DownloadAttempt.Listener, RetryListener {
    }

    private final DownloadAttempt attempt;
    private final RetryPolicy retries;
    /** How long a transfer may wait for room on a full disk; empty: until there is room. */
    private final Optional<Duration> maxSpaceWait;
    private final RetryListener retrying;

    /**
     * @param signIn   what a person gave to be let in (credentials for the origin of the transfer's URL, headers)
     * @param throttle the bandwidth limits its connections are held to
     * @return a Job, not yet scheduled, that downloads {@code record} under {@code options}
     */
    public static DownloadJob of(TransferRecord record, HttpTransport transport, TransferOptions options,
            SignIn signIn, Throttle throttle, Listener listener) {
        ConnectionAbort abort = new ConnectionAbort();
        DownloadAttempt attempt = new DownloadAttempt(record, transport, options, signIn, abort, throttle, listener);
        return new DownloadJob(NLS.bind(Messages.jobName, record.toTransfer().title()), record.id(), attempt, abort,
                new RetryPolicy(options), options.maxSpaceWait(), listener);
    }

    DownloadJob(String name, long transferId, DownloadAttempt attempt, ConnectionAbort abort, RetryPolicy retries,
            Optional<Duration> maxSpaceWait, RetryListener retrying) {
        super(name, transferId, abort);
        this.attempt = attempt;
        this.retries = retries;
        this.maxSpaceWait = maxSpaceWait;
        this.retrying = retrying;
    }

    @Override
    protected TransferRecord current() {
        return attempt.record();
    }

    /**
     * Runs the attempt, and again from the bytes on disk after each transient failure within the
     * budget, and after each full disk once there is room again. A transfer with mirrors goes on at
     * the next one at once after a failure; it waits to retry once every URL failed.
     */
    @Override
    protected TransferRecord transfer(SubMonitor progress) throws TransferException {
        int retry = 0;
        int fruitlessSpaceWaits = 0;
        long bytesAtSpaceWait = -1;
        while (true) {
            try {
                return attempt.run(progress);
            } catch (TransferException failed) {
                if (failed.isNoSpace()) {
                    long bytes = attempt.record().bytes();
                    fruitlessSpaceWaits = bytes > bytesAtSpaceWait ? 0 : fruitlessSpaceWaits + 1;
                    bytesAtSpaceWait = bytes;
                    awaitSpace(failed, SpaceWait.settle(fruitlessSpaceWaits), progress);
                    continue;
                }
                if (attempt.switchToMirror(failed)) {
                    continue; // the next mirror at once: its server did not fail
                }
                awaitRetry(retries, attempt.retryReason(failed), ++retry, retrying, progress);
            }
        }
    }

    /**
     * Waits, the partial file kept, until the disk has room for the rest; fails with {@code noSpace}
     * once the bound of the options has passed. Pause and stop end the wait like any cancel.
     */
    private void awaitSpace(TransferException noSpace, Duration settle, SubMonitor progress) throws TransferException {
        SpaceWait space = new SpaceWait(attempt.record(), maxSpaceWait, settle, noSpace);
        retrying.lendSlot();
        Instant began = Instant.now();
        Timeline timeline = retrying.timeline();
        timeline.record(TimelineEntry.Kind.SPACE_WAIT, "reason", noSpace.failure().message(), "bytes",
                Long.toString(attempt.record().bytes()));
        Optional<TransferFailure> missing;
        while ((missing = space.missingRoom()).isPresent() || !retrying.reclaimSlot()) {
            if (missing.isPresent() && space.isOver()) {
                timeline.record(TimelineEntry.Kind.SPACE_WAIT, "reason", missing.get().message(), "waited",
                        Timeline.duration(Duration.between(began, Instant.now())));
                throw noSpace;
            }
            Duration next = space.untilNextLook();
            missing.ifPresent(reason -> {
                retrying.waiting(attempt.record(), reason, Instant.now().plus(next));
                progress.subTask(reason.message());
            });
            sleep(next, progress);
        }
        timeline.record(TimelineEntry.Kind.SPACE_WAIT, "reason", Messages.spaceAgain, "waited",
                Timeline.duration(Duration.between(began, Instant.now())));
    }
}
