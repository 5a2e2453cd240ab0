package dev.bgtransfer.core.internal;

import java.net.PasswordAuthentication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.eclipse.core.runtime.ILog;

import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.bandwidth.Throttle;
import dev.bgtransfer.core.internal.download.DownloadJob;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.SignIn;
import dev.bgtransfer.core.internal.jobs.TransferJob;
import dev.bgtransfer.core.internal.jobs.TransferJob.Intent;
import dev.bgtransfer.core.internal.upload.UploadJob;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * The Jobs of the running transfers, the connection slots per host they hold, and the
 * credentials and request headers they sign in with (in memory only, never in the store). Guarded by
 * the engine's lock.
 */
final class RunningJobs {
    private static final long SHUTDOWN_WAIT_MILLIS = 10_000;

    private final Map<Long, TransferJob> jobs = new HashMap<>();
    private final HostSlots slots = new HostSlots();
    private final Map<Long, PasswordAuthentication> credentials = new HashMap<>();
    private final Map<Long, List<RequestHeader>> headers = new HashMap<>();
    /** Transfers removed while their Job was running, and whether their completed file goes too. */
    private final Map<Long, Boolean> removedWhileRunning = new HashMap<>();

    /** @return the running Job of transfer {@code id}, or {@code null} */
    TransferJob of(long id) {
        return jobs.get(id);
    }

    boolean isRunning(long id, TransferJob job) {
        return jobs.get(id) == job;
    }

    boolean isEmpty() {
        return jobs.isEmpty();
    }

    void authenticate(long id, PasswordAuthentication given) {
        credentials.put(id, given);
    }

    void setHeaders(long id, List<RequestHeader> given) {
        if (given.isEmpty()) {
            headers.remove(id);
        } else {
            headers.put(id, List.copyOf(given));
        }
    }

    void forget(long id) {
        credentials.remove(id);
        headers.remove(id);
    }

    /** Stops the Job of transfer {@code id}, which is being removed; its file goes too when {@code deleteFile}. */
    void removing(long id, boolean deleteFile) {
        removedWhileRunning.put(id, deleteFile);
        jobs.get(id).interrupt(Intent.STOP);
    }

    /** @return whether the file of transfer {@code id}, removed while it ran, is to be deleted */
    boolean removedWithFile(long id) {
        return Boolean.TRUE.equals(removedWhileRunning.remove(id));
    }

    /** @return the queued transfers that start now, oldest first: each took a free slot of its host */
    List<Long> takeStartable(WaitingTransfers queue, int maxPerHost, ToIntFunction<String> sessionLimit) {
        return queue.takeStartable(slots, maxPerHost, sessionLimit);
    }

    /** Schedules the Job of {@code record}, which holds its host's slot, and connects its reports. */
    TransferJob launch(TransferRecord record, HttpTransport transport, TransferOptions options, Throttle throttle,
            JobReports reports) {
        SignIn signIn = new SignIn(credentials.get(record.id()), headers.get(record.id()));
        TransferJob job = record.isUpload() ? UploadJob.of(record, transport, options, signIn, throttle, reports)
                : DownloadJob.of(record, transport, options, signIn, throttle, reports);
        reports.reportOn(job);
        jobs.put(record.id(), job);
        job.schedule();
        return job;
    }

    /** @return whether the Job lent its host's slot to others (it waits for its disk) */
    boolean lend(long id, TransferJob job) {
        return jobs.get(id) == job && slots.lend(id);
    }

    /** @return whether the Job of transfer {@code id} holds its slot again */
    boolean reclaim(long id, int maxPerHost, ToIntFunction<String> sessionLimit) {
        return slots.reclaim(id, maxPerHost, sessionLimit);
    }

    /**
     * @return whether the running {@code job} took a free slot of its host for one more connection; none
     *         while another transfer waits for that host, which gets the slot first
     */
    boolean borrow(long id, TransferJob job, WaitingTransfers queue, int maxPerHost, int sessionLimit) {
        String host = slots.hostOf(id);
        return jobs.get(id) == job && host != null && !queue.isWaitingFor(host)
                && slots.tryBorrow(id, maxPerHost, sessionLimit);
    }

    /** The Job of transfer {@code id} closed a connection it had borrowed a slot for. */
    void giveBack(long id, TransferJob job) {
        if (jobs.get(id) == job) {
            slots.giveBack(id);
        }
    }

    /** @return whether another transfer waits for the host of transfer {@code id} */
    boolean hostWanted(long id, WaitingTransfers queue) {
        String host = slots.hostOf(id);
        return host != null && queue.isWaitingFor(host);
    }

    /** @return whether {@code job} was still its transfer's: it is not any more, and its slot is free */
    boolean end(TransferJob job) {
        long id = job.transferId();
        if (jobs.get(id) != job) {
            return false;
        }
        jobs.remove(id);
        slots.jobEnded(id);
        return true;
    }

    /** @return the running Jobs, each interrupted */
    List<TransferJob> interruptAll(Intent why) {
        List<TransferJob> running = new ArrayList<>(jobs.values());
        running.forEach(job -> job.interrupt(why));
        return running;
    }

    /** Waits a while for each Job to end; call without the engine's lock, or the Jobs cannot report. */
    static void join(List<TransferJob> ending) {
        for (TransferJob job : ending) {
            try {
                if (!job.join(SHUTDOWN_WAIT_MILLIS, null)) {
                    ILog.of(RunningJobs.class).warn("Transfer " + job.transferId() + " did not stop in time");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
