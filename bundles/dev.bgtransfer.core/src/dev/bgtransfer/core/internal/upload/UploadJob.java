package dev.bgtransfer.core.internal.upload;

import java.net.URI;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Objects;

import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.bandwidth.Throttle;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.RetryPolicy;
import dev.bgtransfer.core.internal.http.SignIn;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.internal.jobs.ByteProgress;
import dev.bgtransfer.core.internal.jobs.TransferJob;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferRecord.Upload;

/**
 * The Job of one running upload: records the file at its first start, sends it with
 * {@link ResumableUpload}, and again after transient failures within the budget, from the
 * server's offset when the server offered resumption. What it must not lose (the file as recorded,
 * the upload resource the server named) is handed to {@link Listener#keep} to be stored before the
 * upload goes on; a stop asks the server to forget the upload.
 */
public final class UploadJob extends TransferJob {

    /** Hears what an upload reports. */
    public interface Listener extends TransferJob.RetryListener, ByteProgress.Sink {
        /** Stores {@code record}: the file was recorded, or the server named or forgot an upload resource. */
        void keep(TransferRecord record);
    }

    private final HttpTransport transport;
    private final TransferOptions options;
    private final SignIn signIn;
    private final Listener listener;
    private final RetryPolicy retries;
    private volatile TransferRecord record;
    private volatile ResumableUpload upload;

    /** The bandwidth limits its connection is held to. */
    private final Throttle throttle;

    private UploadJob(TransferRecord record, HttpTransport transport, TransferOptions options,
            SignIn signIn, Throttle throttle, Listener listener) {
        super(NLS.bind(Messages.jobName, record.toTransfer().title()), record.id(), new ConnectionAbort());
        this.throttle = throttle;
        this.record = record;
        this.transport = transport;
        this.options = options;
        this.signIn = signIn;
        this.listener = listener;
        this.retries = new RetryPolicy(options);
    }

    /**
     * @param signIn   credentials for the origin of the upload's URL and headers a person gave
     * @param throttle the bandwidth limits its connection is held to
     * @return a Job, not yet scheduled, that uploads {@code record} under {@code options}
     */
    public static UploadJob of(TransferRecord record, HttpTransport transport, TransferOptions options,
            SignIn signIn, Throttle throttle, Listener listener) {
        Objects.requireNonNull(record.upload(), "not an upload");
        return new UploadJob(record, transport, options, signIn, throttle, listener);
    }

    @Override
    protected TransferRecord current() {
        return record;
    }

    @Override
    protected TransferRecord transfer(SubMonitor monitor) throws TransferException {
        monitor.subTask(NLS.bind(Messages.checkingFile, record.file().getFileName()));
        SourceFile source = source();
        Upload started = record.upload();
        ByteProgress progress = new ByteProgress(monitor, listener);
        ResumableUpload sending = new ResumableUpload(transport, started.method(), record.url(), started.resumable(),
                source, started.resource(), signIn, options, abort, (sent, total) -> {
                    keepResource(sent);
                    progress.update(sent, total);
                }, listener.timeline()).throttledBy(throttle);
        upload = sending;
        int retry = 0;
        while (true) {
            try {
                UploadResult result = sending.attempt();
                progress.reportEnd(result.bytes(), result.bytes());
                record = record.uploaded(result.bytes(), result.sha256(), Instant.now());
                if (started.resumable() && record.resumability() != Resumability.UPLOAD_RESOURCE) {
                    // the whole file went in one request that named no upload resource: the server does not take them
                    record = record.withResumability(Resumability.UPLOAD_NOT_TAKEN_UP, record.updated());
                }
                return record;
            } catch (TransferException failed) {
                keepResource(sending.serverOffset());
                awaitRetry(retries, failed, ++retry, listener, monitor);
            }
        }
    }

    /** @return the file as recorded by an earlier start, checked; or as it is now, recorded and kept */
    private SourceFile source() throws TransferException {
        Upload upload = record.upload();
        if (upload.isRecorded()) {
            SourceFile recorded = new SourceFile(record.file(), upload.sourceSize(),
                    FileTime.from(upload.sourceModified()), upload.sourceSha256());
            recorded.verify(abort::isAborted);
            return recorded;
        }
        SourceFile now = SourceFile.record(record.file(), abort::isAborted);
        record = record.withUpload(upload.recorded(now.size(), now.modified().toInstant(), now.sha256()), 0,
                Instant.now());
        listener.keep(record);
        return now;
    }

    /** Keeps an upload resource the server named or forgot, before another byte goes out. */
    private void keepResource(long sent) {
        ResumableUpload sending = upload;
        if (sending == null) {
            return;
        }
        URI named = sending.resource();
        if (!Objects.equals(named, record.upload().resource())) {
            record = record.withUpload(record.upload().withResource(named), sent, Instant.now());
            if (named != null) {
                record = record.withResumability(Resumability.UPLOAD_RESOURCE, record.updated());
            }
            listener.keep(record);
        } else {
            record = record.withProgress(sent, record.total(), record.updated());
        }
    }

    /** A stopped upload is forgotten at the server too; a paused one keeps its upload resource there. */
    @Override
    protected void interrupted() {
        ResumableUpload sending = upload;
        Intent why = intent();
        if (sending != null && (why == Intent.STOP || why == Intent.RESTART)) {
            sending.cancelQuietly();
        }
    }
}
