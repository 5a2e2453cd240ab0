package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.hc.core5.http.HttpException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.UrlRefresher;
import dev.bgtransfer.core.internal.ResumabilityMessages;
import dev.bgtransfer.core.internal.bandwidth.Throttle;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.Exchange;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.NetworkFailures;
import dev.bgtransfer.core.internal.http.OriginAuthentication;
import dev.bgtransfer.core.internal.http.RangeSupport;
import dev.bgtransfer.core.internal.http.Redirects;
import dev.bgtransfer.core.internal.http.ResponseRange;
import dev.bgtransfer.core.internal.http.SignIn;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.internal.jobs.ByteProgress;
import dev.bgtransfer.core.internal.timeline.Timeline;
import dev.bgtransfer.core.internal.timeline.TimelineSource;
import dev.bgtransfer.core.spi.TransferRecord;
import dev.bgtransfer.core.spi.TransferRecord.Slice;

/**
 * One run of one transfer: the request (ranged when there are bytes to resume), sign-in at the
 * origin and redirects, the answer's range checked, the body copied into the partial file
 * ({@link BodyCopy}), and the atomic move to the final name. {@link #record()} always holds the
 * resume data as far as the bytes are on disk.
 */
final class DownloadAttempt {
    /** Restarts from zero after a refused resume (200 or 416), beyond the redirects. */
    private static final int MAX_RESTARTS = 2;
    /** Fresh URLs one attempt takes from the refreshers before it fails with the server's answer. */
    private static final int MAX_REFRESHES = 3;

    /** What the engine hears while the attempt runs. */
    public interface Listener extends ByteProgress.Sink, ExtraSlots, TimelineSource {
        /**
         * The response was accepted: name, partial file, validators and length are known.
         *
         * @param stored whether {@link #checkpoint} already stored all of it (a new partial file)
         */
        void accepted(TransferRecord record, boolean stored);

        /** The bytes up to {@code record.bytes()} are forced to disk. */
        void checkpoint(TransferRecord record);

        /**
         * The transfer's URL stopped working: asks the {@link UrlRefresher}s for a fresh one.
         *
         * @return {@code record} with the fresh URL, stored and announced; empty when none has one
         */
        default Optional<TransferRecord> refreshed(TransferRecord record, UrlRefresher.Reason reason) {
            return Optional.empty();
        }

        /** The transfer goes on from another of its URLs (a mirror): {@code record} is to be stored and shown. */
        void moved(TransferRecord record);
    }

    private final HttpTransport transport;
    private final TransferOptions options;
    private final ConnectionAbort abort;
    /** The transfer's bandwidth limits, which all its connections share. */
    private final Throttle throttle;
    private final Listener listener;
    private final OriginAuthentication authentication;
    private final Timeline timeline;
    private volatile TransferRecord record;
    private int refreshes;
    private final MirrorFailover failover = new MirrorFailover();
    /** The partial file's bytes as a resume found them, their SHA-256 and chunk hashes; {@code null} before. */
    private ChunkCheck.Result resumed;
    /** The chunk hashes of the copy that runs; {@code null} before one runs. */
    private volatile ChunkLedger ledger;
    private final RecordedFiles files = new RecordedFiles(new RecordedFiles.Records() {
        @Override
        public TransferRecord current() {
            return record;
        }

        @Override
        public void keep(TransferRecord kept) {
            record = kept;
        }

        @Override
        public void store(TransferRecord named) {
            record = named;
            listener.checkpoint(named);
        }
    });

    /** @param signIn credentials for the origin of the transfer's URL and headers a person gave */
    DownloadAttempt(TransferRecord record, HttpTransport transport, TransferOptions options,
            SignIn signIn, ConnectionAbort abort, Throttle throttle, Listener listener) {
        this.throttle = throttle;
        this.record = record;
        this.transport = transport;
        this.options = options;
        this.timeline = listener.timeline();
        this.authentication = new OriginAuthentication(record.url(), signIn, timeline);
        this.abort = abort;
        this.listener = listener;
    }

    /** @return the resume data: partial file, validators and the bytes durable in it */
    TransferRecord record() {
        return record;
    }

    /**
     * @return the completed record
     * @throws TransferException          when the attempt failed; {@link #record()} keeps what may be resumed
     * @throws OperationCanceledException when the monitor was cancelled
     */
    TransferRecord run(SubMonitor monitor) throws TransferException {
        ensureFolder();
        if (files.namedBeforeACrash()) {
            return record.completed(record.file(), record.total(), HexFormat.of()
                    .formatHex(PartFile.sha256Of(record.file(), record.total())), Instant.now());
        }
        if (record.slices() != null) {
            if (SliceResume.onDisk(record)) {
                try {
                    return resumeSlices(monitor);
                } catch (EntityChanged changed) {
                    // another entity than the slices hold: start afresh, as a single connection would
                    restartFromZero(NLS.bind(Messages.restartEntityChanged, changed.getMessage()));
                }
            } else {
                restartFromZero(Messages.restartSlicesNotOnDisk);
            }
        }
        refreshIfExpired();
        long offset = resumeOffset();
        // bytes that came through redirects are resumed where they came from, like a browser does
        boolean atResumeUrl = offset > 0 && record.resumeUrl() != null;
        URI target = atResumeUrl ? record.resumeUrl() : record.url();
        Redirects redirects = new Redirects(record.url(), options.maxRedirects(), target, timeline);
        int restarts = 0;
        boolean slicesAllowed = true;
        // a session that takes only resumable transfers asks its first request for a range, to know at once
        boolean fromZeroRanged = options.onlyResumable();
        while (true) {
            checkCanceled(monitor);
            boolean connected = false;
            boolean rangeAsked = offset > 0 || fromZeroRanged;
            try (Exchange exchange = transport.get(target, requestHeaders(target, offset, fromZeroRanged), abort,
                    options, timeline)) {
                connected = true;
                int status = exchange.status();
                if (status == 401 && authentication.answered(exchange, target)) {
                    continue;
                }
                if (target.equals(record.url()) && refresh(status)) {
                    // the link expired: the same bytes from the URL a refresher gave, checked by If-Range
                    target = record.url();
                    redirects.startOver(target);
                    continue;
                }
                if (status == 401) {
                    throw authentication.refused(exchange, target);
                }
                if (atResumeUrl && status >= 400 && status != 416) {
                    // the place may have been temporary (a signed link): go back to the URL as requested
                    atResumeUrl = false;
                    target = record.url();
                    redirects.startOver(target);
                    continue;
                }
                if (Redirects.isRedirect(status)) {
                    target = redirects.follow(exchange);
                    continue;
                }
                if (status == 416 && offset == 0 && fromZeroRanged) {
                    fromZeroRanged = false; // an empty entity has no byte 0 to serve: ask for it plainly
                    continue;
                }
                if (status == 416 && offset > 0 && restarts < MAX_RESTARTS) {
                    if (ResponseRange.endsAt(exchange, offset)) {
                        return complete(offset, null);
                    }
                    offset = restartFromZero(NLS.bind(Messages.restartRangeNotSatisfiable, offset));
                    restarts++;
                    continue;
                }
                long start = ResponseRange.bodyStart(exchange, offset, rangeAsked);
                if (status == 206 && offset > 0 && otherEntity(exchange) && restarts < MAX_RESTARTS) {
                    // a part of another entity than If-Range named: never spliced, and the server is not to be trusted
                    record = record.withResumability(Resumability.IF_RANGE_IGNORED, Instant.now());
                    offset = restartFromZero(NLS.bind(Messages.restartIfRangeIgnored, offset));
                    restarts++;
                    continue;
                }
                learn(RangeSupport.of(exchange, rangeAsked && status == 200 && (offset == 0 || !otherEntity(exchange))));
                if (options.onlyResumable() && record.resumability().value() != Resumability.Value.YES) {
                    throw TransferException.permanent(Kind.NOT_RESUMABLE, NLS.bind(ResumabilityMessages.notResumable,
                            record.url(), record.resumability().reason()));
                }
                if (start == 0 && offset > 0) {
                    restartFromZero(NLS.bind(Messages.restartWholeBody, exchange.statusText(), offset));
                    restarts++;
                }
                offset = start;
                long total = ResponseRange.entityLength(exchange);
                if (offset > 0 && total >= 0 && record.total() >= 0 && total != record.total()
                        && restarts < MAX_RESTARTS) {
                    // another length is another entity (a new URL's, say), whatever the validators say
                    offset = restartFromZero(NLS.bind(Messages.restartOtherLength, total, record.total()));
                    restarts++;
                    continue;
                }
                accept(exchange, offset, total);
                // the bytes kept were read and hashed when their chunks were checked: not read again
                boolean checked = resumed != null && resumed.length() == offset && offset > 0;
                MessageDigest digest = checked ? resumed.digest() : PartFile.newSha256();
                ledger = new ChunkLedger(ChunkLedger.chunkSize(total), checked ? resumed.kept() : List.of(),
                        offset);
                resumed = null;
                BodyCopy body = new BodyCopy(options, listener, new BodyCopy.Durability() {
                    @Override
                    public void durable(long bytes, long total, boolean whole) {
                        DownloadAttempt.this.durable(bytes, total, whole);
                    }

                    @Override
                    public void chunksHashed() {
                        storeChunks();
                    }
                }, throttle, abort);
                double[] speed = new double[1];
                if (slicesAllowed && SegmentedDownload.offered(record.resumability(), offset, total)) {
                    body.handingOver((at, measured) -> {
                        speed[0] = measured;
                        return SegmentedDownload.worthIt(total - at, measured);
                    });
                }
                long received = body.copy(exchange, record.partFile(), offset, total, digest, checked ? offset : 0,
                        ledger, monitor);
                if (!body.handedOver()) {
                    return complete(received, digest);
                }
                timeline.record(TimelineEntry.Kind.CONNECTIONS, "event", "sliced", "connections", "1",
                        "speed", Long.toString((long) speed[0]), "at", Long.toString(received));
                try {
                    return segmented(exchange, exchange.url(), SegmentedDownload.fromOffset(received, total), digest,
                            received, speed[0], monitor);
                } catch (EntityChanged changed) {
                    // never spliced: from zero again, over one connection once it changed too often
                    slicesAllowed = ++restarts <= MAX_RESTARTS;
                    offset = restartFromZero(NLS.bind(Messages.restartEntityChanged, changed.getMessage()));
                    continue;
                }
            } catch (IOException networkFailure) {
                checkCanceled(monitor);
                throw NetworkFailures.network(networkFailure, target, connected, options);
            } catch (HttpException protocolFailure) {
                throw NetworkFailures.protocol(protocolFailure, target);
            }
        }
    }

    /** Resumes every slice from its checkpoint, at a fresh URL when the link expired or is refused. */
    private TransferRecord resumeSlices(SubMonitor monitor) throws TransferException, EntityChanged {
        refreshIfExpired();
        while (true) {
            // the slices' chunks checked, and the gap-free start hashed, again after a refresh: the digest went on
            SliceResume.Checked checked = SliceResume.check(record);
            record = checked.record();
            ledger = new ChunkLedger(ChunkLedger.chunkSize(record.total()), record.chunks(), checked.check().length());
            try {
                return segmented(null, record.resumeUrl() != null ? record.resumeUrl() : record.url(), record.slices(),
                        checked.check().digest(), checked.check().length(), 0, monitor);
            } catch (TransferException failed) {
                if (record.resumeUrl() != null || !refresh(failed.status())) {
                    throw failed;
                }
            }
        }
    }

    /**
     * Goes on at the next of the transfer's mirrors after {@code failed}, unless every URL failed
     * since bytes last came (then the Job waits to retry, and every URL may be tried again after).
     *
     * @return whether the transfer's URL is now a mirror that did not fail yet
     */
    boolean switchToMirror(TransferException failed) {
        Optional<URI> next = failover.next(record, failed);
        next.ifPresent(mirror -> moveTo(mirror, NLS.bind(Messages.mirrorAfterFailure, failed.failure().message())));
        return next.isPresent();
    }

    /** @return the failure the Job's wait to retry goes by once every URL failed (see {@link MirrorFailover}) */
    TransferException retryReason(TransferException failed) {
        return failover.retryReason(failed);
    }

    /**
     * Makes {@code mirror} the transfer's URL, with its bytes. Mirrors share a file's modification time
     * more often than its entity tag (servers of different makes form tags differently), so the bytes
     * are named to the mirror by Last-Modified where there is one; the mirror's own tag is learnt from
     * its answer.
     */
    private void moveTo(URI mirror, String reason) {
        URI before = record.url();
        TransferRecord moved = record.switchedTo(mirror, Instant.now());
        if (moved.lastModified() != null && moved.etag() != null) {
            moved = moved.withValidators(null, moved.lastModified(), Instant.now());
        }
        record = moved;
        timeline.record(TimelineEntry.Kind.URL, "from", Timeline.url(before), "to", Timeline.url(mirror), "reason",
                reason);
        listener.moved(record);
    }

    /** Asks for a fresh URL before a request when the transfer's URL is a signed link that expired. */
    private void refreshIfExpired() {
        if (refreshes < MAX_REFRESHES && SignedUrls.expired(record.url(), Instant.now())) {
            refreshWith(UrlRefresher.Reason.EXPIRED);
        }
    }

    /** @return whether a refresher gave a fresh URL after the transfer's URL was answered {@code status} */
    private boolean refresh(int status) {
        UrlRefresher.Reason reason = switch (status) {
            case 401 -> UrlRefresher.Reason.UNAUTHORIZED;
            case 403 -> UrlRefresher.Reason.FORBIDDEN;
            case 410 -> UrlRefresher.Reason.GONE;
            default -> null;
        };
        return reason != null && refreshes < MAX_REFRESHES && refreshWith(reason);
    }

    private boolean refreshWith(UrlRefresher.Reason reason) {
        refreshes++;
        URI before = record.url();
        Optional<TransferRecord> fresh = listener.refreshed(record, reason);
        fresh.ifPresent(moved -> {
            record = moved;
            timeline.record(TimelineEntry.Kind.URL, "from", Timeline.url(before), "to", Timeline.url(moved.url()),
                    "reason", reason.name().toLowerCase(Locale.ROOT));
        });
        return fresh.isPresent();
    }

    private void checkCanceled(SubMonitor monitor) {
        if (monitor.isCanceled() || abort.isAborted()) {
            throw new OperationCanceledException();
        }
    }

    private void ensureFolder() throws TransferException {
        try {
            // createDirectories on an existing folder throws and catches an exception: a look is cheaper
            if (!Files.isDirectory(record.folder())) {
                Files.createDirectories(record.folder());
            }
        } catch (IOException cannotCreate) {
            throw DiskFailures.disk(cannotCreate, record.folder());
        }
    }

    /**
     * The partial file is the truth: shorter than recorded resumes from its length; longer is cut
     * back to the recorded (durable) length, unless chunk hashes prove more; a damaged chunk cuts it
     * back to the chunk's start (see {@link ChunkCheck}); missing, or without a validator, starts from zero.
     */
    private long resumeOffset() throws TransferException {
        Path part = record.partFile();
        if (part == null || !Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
            if (record.bytes() > 0) {
                timeline.record(TimelineEntry.Kind.RESTART, "reason", NLS.bind(Messages.restartPartFileGone, part));
            }
            record = record.withoutResumeData(Instant.now());
            return 0;
        }
        try {
            long onDisk = Files.size(part);
            long offset = 0;
            // bytes the record does not count as durable may still be proven by their chunk hashes
            // (a weak ETag alone is no validator If-Range may name: RFC 9110 13.1.5)
            if (record.hasIfRangeValidator() && onDisk > 0 && (record.bytes() > 0 || record.chunks() != null)) {
                resumed = ChunkCheck.verify(part, Math.min(onDisk, record.bytes()), onDisk, record.chunks());
                offset = resumed.length();
            }
            record = record.withProgress(offset, offset == 0 ? Transfer.UNKNOWN_SIZE : record.total(), Instant.now())
                    .withChunks(offset == 0 ? null : resumed.kept());
            return offset;
        } catch (IOException unreadable) {
            throw DiskFailures.disk(unreadable, part);
        }
    }

    /**
     * Range and If-Range when resuming, {@code Range: bytes=0-} from zero when {@code fromZeroRanged};
     * Authorization only for the origin the credentials were given for.
     */
    private Map<String, String> requestHeaders(URI target, long offset, boolean fromZeroRanged) {
        Map<String, String> headers = new HashMap<>();
        if (offset > 0) {
            headers.put("Range", "bytes=" + offset + "-");
            headers.put("If-Range", sentValidator());
        } else if (fromZeroRanged) {
            headers.put("Range", "bytes=0-");
        }
        authentication.authorize(target, headers);
        return headers;
    }

    /** @return the validator a resume names in If-Range: the strong ETag, else Last-Modified */
    private String sentValidator() {
        return RangeSupport.strongEtag(record.etag()) != null ? record.etag() : record.lastModified();
    }

    /**
     * @return whether an answer to a resume names another entity than its If-Range did (an answer that
     *         names none is taken for the same: a 206 must repeat the validators, RFC 9110 15.3.7)
     */
    private boolean otherEntity(Exchange answer) {
        String sent = sentValidator();
        String named = RangeSupport.strongEtag(record.etag()) != null ? answer.header("ETag")
                : answer.header("Last-Modified");
        return sent != null && named != null && !sent.equals(named);
    }

    /**
     * Takes what an answer shows of resumability. What a server was seen to do outweighs what the
     * headers of a later answer leave open: one found to ignore If-Range stays so (its headers cannot
     * tell), and one that answered a range with the whole file stays without ranges when a plain
     * request's answer says nothing of them.
     */
    private void learn(Resumability found) {
        Resumability known = record.resumability();
        boolean seen = known == Resumability.IF_RANGE_IGNORED
                || known == Resumability.NO_RANGES && found == Resumability.RANGES_NOT_ANNOUNCED;
        if (!seen) {
            record = record.withResumability(found, Instant.now());
        }
    }

    /** Gives up the bytes so far, saying why in the timeline. */
    private long restartFromZero(String reason) {
        timeline.record(TimelineEntry.Kind.RESTART, "reason", reason, "bytes", Long.toString(record.bytes()));
        record = record.withSlices(null, Instant.now()).withProgress(0, Transfer.UNKNOWN_SIZE, Instant.now())
                .withValidators(null, null, Instant.now()).withChunks(null);
        resumed = null;
        return 0;
    }

    /**
     * Fetches the entity in {@code slices} over several connections from {@code target}, the first
     * waiting slice from {@code first} when given, and completes it.
     *
     * @param digest holds the first {@code hashed} bytes already
     * @param speed  of the connection of {@code first} so far, bytes per second; 0 when unknown
     */
    private TransferRecord segmented(Exchange first, URI target, List<Slice> slices, MessageDigest digest,
            long hashed, double speed, SubMonitor monitor) throws TransferException, EntityChanged {
        List<URI> mirrors = record.mirrors().stream().filter(mirror -> !mirror.equals(target)).toList();
        SlicedEntity entity = SlicedEntity.of(target, mirrors, record.total(), RangeSupport.strongEtag(record.etag()),
                record.lastModified(), url -> {
                    Map<String, String> headers = new HashMap<>();
                    authentication.authorize(url, headers);
                    return headers;
                });
        record = record.withSlices(slices, Instant.now());
        byte[] sha256 = new SegmentedDownload(entity, record.partFile(), slices, transport, options, abort, ledger,
                throttle,
                new SegmentedDownload.Listener() {
                    @Override
                    public void progress(long bytes, long total) {
                        listener.progress(bytes, total);
                    }

                    @Override
                    public void durable(List<Slice> durable, boolean oneWriter) {
                        synchronized (DownloadAttempt.this) {
                            record = withDurable(durable, oneWriter).withChunks(ledger.snapshot());
                            listener.checkpoint(record);
                        }
                    }

                    @Override
                    public boolean borrow() {
                        return listener.borrow();
                    }

                    @Override
                    public void leftSlow(Sources.Slow slow) {
                        synchronized (DownloadAttempt.this) {
                            if (slow.slow().equals(target) && record.mirrors().contains(slow.faster())) {
                                moveTo(slow.faster(), slow.reason());
                            }
                        }
                    }

                    @Override
                    public void giveBack() {
                        listener.giveBack();
                    }

                    @Override
                    public boolean wanted() {
                        return listener.wanted();
                    }

                    @Override
                    public Timeline timeline() {
                        return timeline;
                    }
                }).run(first, digest, hashed, speed, monitor);
        return completeWith(record.total(), sha256);
    }

    /**
     * @param oneWriter whether one connection wrote the file in order: its length is where its bytes end
     * @return the record with {@code slices} durable; the bytes of one connection without a gap from the
     *         start are recorded as such (no slices): a resume asks for them from their end, as it always
     *         did, and after a kill the file's length may say more were written (see {@link CrashedWrites})
     */
    private TransferRecord withDurable(List<Slice> slices, boolean oneWriter) {
        long sum = 0;
        long prefix = 0;
        for (Slice slice : slices) {
            sum += slice.durable();
            if (slice.start() == prefix) {
                prefix += slice.durable();
            }
        }
        Instant now = Instant.now();
        return oneWriter && sum == prefix ? record.withSlices(null, now).withProgress(sum, record.total(), now)
                : record.withSlices(slices, now);
    }

    /** Decides the name, creates the partial file when there is none, and records the validators. */
    private void accept(Exchange exchange, long offset, long total) throws TransferException {
        Instant now = Instant.now();
        String name = record.fileName() != null ? record.fileName()
                : FileNames.choose(exchange.header("Content-Disposition"), exchange.url());
        record = record.withValidators(exchange.header("ETag"), exchange.header("Last-Modified"), now)
                .withProgress(offset, total, now)
                .withResumeUrl(exchange.url().equals(record.url()) ? null : exchange.url(), now);
        boolean newPart = record.partFile() == null;
        if (newPart) {
            try {
                files.create(name, FileNames.PART_SUFFIX, part -> record.withPartFile(name, part, now));
            } catch (IOException cannotCreate) {
                throw DiskFailures.disk(cannotCreate, record.folder().resolve(name));
            }
        } else {
            record = record.withPartFile(name, record.partFile(), now);
        }
        listener.accepted(record, newPart);
    }

    /**
     * Records bytes that are on disk for good, with the chunk hashes that prove them (and any taken
     * since); a whole body is stored with its final name instead.
     */
    private void durable(long bytes, long total, boolean whole) {
        ledger.awaitHashed(bytes); // outside the lock: the hashing thread may be storing hashes under it
        synchronized (this) {
            record = record.withProgress(bytes, total, Instant.now()).withChunks(ledger.snapshot());
            if (!whole) {
                listener.checkpoint(record);
            }
        }
    }

    /** Stores the chunk hashes taken since the last store, with the bytes durable as they were. */
    private synchronized void storeChunks() {
        record = record.withChunks(ledger.snapshot());
        listener.checkpoint(record);
    }

    /** Verifies the bytes and moves them to their final name, never over an existing file. */
    private TransferRecord complete(long length, MessageDigest digest) throws TransferException {
        return completeWith(length, digest != null ? digest.digest() : PartFile.sha256Of(record.partFile(), length));
    }

    /** Verifies that {@code digest} is the expected SHA-256 and moves the bytes to their final name. */
    private TransferRecord completeWith(long length, byte[] digest) throws TransferException {
        Path part = record.partFile();
        String sha256 = HexFormat.of().formatHex(digest);
        String expected = record.expectedSha256();
        if (expected != null && !expected.equals(sha256)) {
            QuietFiles.delete(part);
            record = record.withoutResumeData(Instant.now());
            throw TransferException.permanent(Kind.CHECKSUM, NLS.bind(Messages.checksumMismatch, sha256, expected));
        }
        Path target = null;
        try {
            // stored before the file gets the name, so that a crash right after finds it instead of fetching it again
            Function<Path, TransferRecord> naming = file -> record.withProgress(length, length, Instant.now())
                    .withFinalFile(file, Instant.now());
            if (files.reservedBeforeACrash()) {
                target = record.file();
                record = naming.apply(target);
                listener.checkpoint(record);
                RecordedFiles.moveOver(part, target);
            } else {
                target = files.nameFinal(part, naming);
            }
        } catch (IOException cannotMove) {
            if (target != null) {
                QuietFiles.delete(target);
            }
            record = record.withFinalFile(null, Instant.now());
            listener.checkpoint(record); // every byte is durable and stays so for the next attempt
            throw DiskFailures.disk(cannotMove, target != null ? target : part);
        }
        record = record.completed(target, length, sha256, Instant.now());
        return record;
    }
}
