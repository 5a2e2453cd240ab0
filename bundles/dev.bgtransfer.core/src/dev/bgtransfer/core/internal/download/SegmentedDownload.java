package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.bandwidth.Throttle;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.Exchange;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.NetworkFailures;
import dev.bgtransfer.core.internal.http.ResponseRange;
import dev.bgtransfer.core.internal.http.TransferException;
import dev.bgtransfer.core.internal.jobs.ByteProgress;
import dev.bgtransfer.core.internal.timeline.Timeline;
import dev.bgtransfer.core.internal.timeline.TimelineSource;
import dev.bgtransfer.core.spi.TransferRecord.Slice;

/**
 * Fetches one entity over up to {@value #MAX_CONNECTIONS} connections into one partial file, each
 * connection writing its slice at its own offset. The transfer's own connection starts alone; more
 * follow gradually (1, 2, 4), each on a free slot of the host borrowed for it, while the rest is
 * worth splitting and the previous step made the whole faster (a server that limits each connection,
 * not a link that is full). A connection that ends its slice takes over the second half of the
 * largest rest of another (work stealing). A further connection that is refused (429, 503, a
 * network failure) is closed and its slice goes back to the others; none is opened again before the
 * server's Retry-After; none is added while the transfer's bandwidth limit holds its connections back,
 * which share it (see {@link Throttle}). An answer with another entity stops every connection with
 * {@link EntityChanged}. Checkpoints force the file, then record every slice with the bytes written
 * before the force; the SHA-256 trails the bytes written without a gap ({@link PrefixDigest}).
 */
final class SegmentedDownload {
    /** The least rest of an entity worth a second connection: two halves of 4 MiB (see {@link #MIN_SPLIT}). */
    static final long MIN_REMAINING = 8L * 1024 * 1024;
    /**
     * The least rest of a slice split for a new connection: each half is 4 MiB, a second at 4 MB/s,
     * many round trips of a slow link, so the new request and TCP's slow start cost a small part of it.
     */
    static final long MIN_SPLIT = 8L * 1024 * 1024;
    /**
     * The least rest a connection that finished takes half of: a request costs a round trip, and the
     * owner's connection is closed at its new end; halves of 512 KiB keep the last connection alone for
     * at most about an eighth of a second at 4 MB/s.
     */
    static final long MIN_STEAL = 1024L * 1024;
    static final int MAX_CONNECTIONS = 4;
    /** How long each step of connections runs before its speed decides the next step. */
    private static final long STEP_NANOS = 300_000_000L;
    /**
     * A further connection only when the rest would take longer than this at the speed so far: far
     * longer than a request's round trip and TCP's slow start on most links.
     */
    private static final long WORTH_NANOS = 1_000_000_000L;
    /** A step must have made the whole at least this much faster for the next one. */
    private static final double STEP_GAIN = 1.25;
    /**
     * A connection faster than this is not held back by a limit per connection worth working around:
     * four of them would be 64 MiB/s, where the disk, the copy and a SHA-256 read back after the end
     * (about 1 GiB/s a core here) count on two cores, and one connection serves as well (measured:
     * 1 GiB from nginx on loopback took 2.1-2.7 times as long in slices as over one connection).
     */
    static final double MAX_SLICED_SPEED = 16.0 * 1024 * 1024;
    private static final Duration REFUSED_WAIT = Duration.ofSeconds(5);
    private static final long TICK_MILLIS = 50;
    private static final long WANTED_LOOK_NANOS = 1_000_000_000L;
    private static final long CHECKPOINT_NANOS = 2_000_000_000L;
    private static final long CHECKPOINT_BYTES = 8L * 1024 * 1024;
    private static final int BUFFER_SIZE = 256 * 1024;

    /** What the attempt hears: bytes, durable slices, and the slots it may borrow. */
    interface Listener extends ByteProgress.Sink, ExtraSlots, TimelineSource {
        /**
         * The bytes of {@code slices} are forced to disk.
         *
         * @param oneWriter whether only the transfer's own connection wrote into the file, in order, from
         *                  where it was cut to: its length is then where the bytes written end
         */
        void durable(List<Slice> slices, boolean oneWriter);

        /** The URL {@code slow.slow()} was left for the rest of the run: its connections were much slower. */
        void leftSlow(Sources.Slow slow);
    }

    private final SlicedEntity entity;
    private final Sources sources;
    private final Path partFile;
    private final SliceTable table;
    private final HttpTransport transport;
    private final TransferOptions options;
    private final ConnectionAbort mainAbort;
    private final Throttle throttle;
    private final Listener listener;
    private final ChunkLedger ledger;
    private final List<Extra> extras = new ArrayList<>();
    /** Guards the list of extra connections; nothing that takes another lock is called while it is held. */
    private final Object lock = new Object();
    private final ConnectionChains chains;
    /** Guards the progress, which every connection reports to. */
    private final Object progressLock = new Object();
    private ByteProgress progress;
    private PartFile part;
    private volatile Exception fatal;
    private volatile boolean ended;
    private volatile long refusedUntil;
    /** A further connection was refused since the ramp's last step: it starts over from the connections left. */
    private volatile boolean refused;
    /** Whether only the transfer's own connection has written, in order, since the file was cut to its bytes. */
    private volatile boolean oneWriter;
    /** The slices as last recorded durable, and whether one writer had written them; the coordinator's. */
    private List<Slice> lastDurable;
    private boolean lastAlone;

    SegmentedDownload(SlicedEntity entity, Path partFile, List<Slice> slices, HttpTransport transport,
            TransferOptions options, ConnectionAbort mainAbort, ChunkLedger ledger, Throttle throttle,
            Listener listener) {
        this.throttle = throttle;
        this.entity = entity;
        this.sources = new Sources(entity.urls());
        this.ledger = ledger;
        this.chains = new ConnectionChains(ledger);
        this.partFile = partFile;
        this.table = new SliceTable(slices);
        this.transport = transport;
        this.options = options;
        this.mainAbort = mainAbort;
        this.listener = listener;
    }

    /**
     * @param resumability what the answer showed: ranges and a validator are what slices need too
     * @return whether an entity of {@code total} bytes may be fetched in slices from {@code offset}
     */
    static boolean offered(Resumability resumability, long offset, long total) {
        return resumability.value() == Resumability.Value.YES && total >= 0 && total - offset >= MIN_REMAINING;
    }

    /**
     * @param rest  the bytes left of the entity
     * @param speed the speed of the one connection so far, bytes per second
     * @return whether more connections would pay: a connection held to a rate below
     *         {@link #MAX_SLICED_SPEED}, and a rest that would take it more than a second
     */
    static boolean worthIt(long rest, double speed) {
        return rest >= MIN_REMAINING && speed > 0 && speed <= MAX_SLICED_SPEED && rest / speed * 1e9 >= WORTH_NANOS;
    }

    /**
     * Fetches every slice; the first is read from {@code first} when given (an answer from the
     * first waiting slice's position to the end of the entity, whose one connection wrote the file
     * in order up to there).
     *
     * @param digest holds the first {@code hashed} bytes of the file already
     * @param speed  of the connection of {@code first} so far, bytes per second; 0 when unknown
     * @return the SHA-256 of the whole entity
     */
    byte[] run(Exchange first, MessageDigest digest, long hashed, double speed, SubMonitor monitor)
            throws TransferException, EntityChanged {
        progress = new ByteProgress(monitor, listener);
        oneWriter = first != null;
        lastDurable = table.snapshot();
        lastAlone = oneWriter;
        Thread coordinator = null;
        try (PartFile opened = PartFile.openForSlices(partFile);
                PrefixDigest hashing = new PrefixDigest(partFile, table, digest, hashed, ledger)) {
            part = opened;
            Runnable stopExtras = this::abortExtras;
            mainAbort.whenAborted(stopExtras);
            coordinator = Thread.ofVirtual().name("bgtransfer segments").start(() -> coordinate(speed, monitor));
            try {
                if (first != null) {
                    SliceTable.Segment segment = table.takeWaiting();
                    sources.openAt(entity.target());
                    // closed once its slice is done: its connection is not held while this one fetches the next
                    try (first) {
                        copy(first, segment, table.endOf(segment), null, entity.target());
                    } catch (IOException networkFailure) {
                        throw failureOf(networkFailure, mainAbort, true, entity.target());
                    } finally {
                        sources.close(entity.target());
                        table.release(segment);
                    }
                }
                fetchAll(monitor);
            } finally {
                ended = true;
                abortExtras();
                Joins.join(coordinator);
                joinExtras();
                mainAbort.forget(stopExtras);
                // whatever ended the fetch, the bytes written so far are kept for a resume, with the chunk
                // hashes taken (those of the bytes not hashed yet are taken when they are)
                part.force();
                if (fatal != null || !table.isDone()) {
                    hashing.stopAndTakeHash();
                }
                listener.durable(table.snapshot(), oneWriter);
            }
            rethrowFatal();
            progress.reportEnd(entity.total(), entity.total());
            return hashing.finish(entity.total());
        }
    }

    /** The transfer's own connection: takes slices until all are written, waiting for the others at the end. */
    private void fetchAll(SubMonitor monitor) throws TransferException, EntityChanged {
        while (true) {
            checkRunning(monitor);
            SliceTable.Segment segment = table.takeOrSteal(MIN_STEAL);
            if (segment != null) {
                try {
                    fetch(segment, mainAbort, null);
                } finally {
                    table.release(segment);
                }
                continue;
            }
            if (table.isDone()) {
                return;
            }
            sleepTick();
        }
    }

    private void checkRunning(SubMonitor monitor) throws TransferException, EntityChanged {
        rethrowFatal();
        if (monitor.isCanceled() || mainAbort.isAborted()) {
            throw new OperationCanceledException();
        }
    }

    /**
     * Asks the URL {@link Sources} gives for the rest of {@code segment} with Range and If-Range, and
     * copies the answer. A mirror that fails in any way is left for the rest of the run, the segment
     * given back for another URL; a failure of the transfer's own URL is the transfer's, and so is one
     * of the last URL left.
     */
    private void fetch(SliceTable.Segment segment, ConnectionAbort abort, Extra extra)
            throws TransferException, EntityChanged {
        long position = table.positionOf(segment);
        long end = table.endOf(segment);
        if (position >= end) {
            return;
        }
        URI url = sources.open();
        Map<String, String> headers = new HashMap<>(entity.headers(url));
        headers.put("Range", "bytes=" + position + "-" + (end - 1));
        headers.put("If-Range", entity.validator(url));
        boolean connected = false;
        try (Exchange exchange = transport.get(url, headers, abort, options, listener.timeline())) {
            connected = true;
            if (url.equals(entity.target())) {
                check(exchange, position);
            } else {
                String refused = entity.mirrorRefusal(exchange, url, position);
                if (refused != null) {
                    if (!leave(url, refused)) {
                        check(exchange, position); // the last URL left: its answer is the transfer's
                    }
                    return;
                }
            }
            copy(exchange, segment, end, extra, url);
        } catch (TransferException failed) {
            mirrorFailed(url, failed);
        } catch (IOException networkFailure) {
            mirrorFailed(url, failureOf(networkFailure, abort, connected, url));
        } catch (HttpException protocolFailure) {
            mirrorFailed(url, NetworkFailures.protocol(protocolFailure, url));
        } finally {
            sources.close(url);
        }
    }

    /**
     * Leaves the mirror {@code url} after {@code failed} (it broke off, drip-fed, or could not be
     * reached); throws {@code failed} when it is the transfer's: at its own URL, on its disk, or at the
     * last URL left.
     */
    private void mirrorFailed(URI url, TransferException failed) throws TransferException {
        if (url.equals(entity.target()) || failed.failure().kind() == Kind.DISK
                || !leave(url, failed.failure().message())) {
            throw failed;
        }
    }

    /**
     * Leaves the mirror {@code url} for the rest of the run, saying why in the timeline.
     *
     * @return whether it is left (now or before): not when it is the last URL left
     */
    private boolean leave(URI url, String reason) {
        Sources.Leaving leaving = sources.leave(url);
        if (leaving == Sources.Leaving.LEFT) {
            listener.timeline().record(TimelineEntry.Kind.CONNECTIONS, "event", "mirror-left", "url",
                    Timeline.url(url), "reason", reason);
        }
        return leaving != Sources.Leaving.LAST;
    }

    /**
     * @return what a connection's network failure means: the failure of another connection that
     *         closed it, a cancel, or its own
     */
    private TransferException failureOf(IOException networkFailure, ConnectionAbort abort, boolean connected, URI url)
            throws TransferException, EntityChanged {
        rethrowFatal();
        if (abort.isAborted()) {
            throw new OperationCanceledException();
        }
        return NetworkFailures.network(networkFailure, url, connected, options);
    }

    /** The answer must be the asked range of the same entity; a 200 or a 416 says it changed. */
    private void check(Exchange exchange, long position) throws TransferException, EntityChanged {
        int status = exchange.status();
        if (status == 200 || status == 416) {
            throw new EntityChanged(exchange.statusText());
        }
        if (status != 206) {
            throw NetworkFailures.httpStatus(exchange);
        }
        ResponseRange.bodyStart(exchange, position);
        if (!entity.isSame(exchange, entity.target())) {
            throw new EntityChanged(exchange.header("ETag"));
        }
    }

    /**
     * Copies the body into the segment's bytes until the segment's end, which a steal may move
     * closer meanwhile; an extra connection also stops when another transfer waits for its host.
     *
     * @param askedEnd the end the request asked for: a body read to it may keep its connection
     */
    private void copy(Exchange exchange, SliceTable.Segment segment, long askedEnd, Extra extra, URI url)
            throws IOException, TransferException {
        InputStream body = exchange.body();
        byte[] buffer = new byte[BUFFER_SIZE];
        ByteBuffer chunk = ByteBuffer.wrap(buffer);
        SpeedFloor floor = new SpeedFloor(options, throttle);
        ConnectionAbort abort = extra != null ? extra.abort : mainAbort;
        long lastWantedLook = System.nanoTime();
        ConnectionChains.Chain chain = chains.open(table.positionOf(segment));
        try {
            while (true) {
                int granted = table.grant(segment, throttle.stepSize(buffer.length));
                if (granted == 0) {
                    break;
                }
                int read;
                try {
                    read = body.read(buffer, 0, granted);
                } catch (ConnectionClosedException closedEarly) {
                    read = -1;
                }
                long position = table.positionOf(segment);
                if (read == -1) {
                    throw NetworkFailures.truncated(exchange.url(), position, table.endOf(segment));
                }
                part.writeAt(chunk.clear().limit(read), position);
                chain.feed(buffer, read);
                table.wrote(segment, read);
                sources.brought(url, read);
                report();
                throttle.pay(read, abort);
                floor.check(read, exchange.url());
                if (sources.isLeft(url)) {
                    break; // much slower than another URL: the rest of the segment from a faster one
                }
                if (extra != null && System.nanoTime() - lastWantedLook >= WANTED_LOOK_NANOS) {
                    lastWantedLook = System.nanoTime();
                    if (listener.wanted()) {
                        extra.yielded = true;
                        break;
                    }
                }
            }
        } finally {
            chain.close();
        }
        if (table.positionOf(segment) == askedEnd) {
            exchange.bodyConsumed();
        }
    }

    private void report() {
        synchronized (progressLock) {
            progress.update(table.written(), entity.total());
        }
    }

    /** Checkpoints and adds connections, every tick until the fetch ends. */
    private void coordinate(double firstSpeed, SubMonitor monitor) {
        Ramp ramp = new Ramp(firstSpeed);
        long checkpointTime = System.nanoTime();
        long checkpointBytes = table.written();
        while (!ended) {
            sleepTick();
            long written = table.written();
            if (written - checkpointBytes >= CHECKPOINT_BYTES
                    || System.nanoTime() - checkpointTime >= CHECKPOINT_NANOS) {
                List<Slice> before = table.snapshot();
                boolean alone = oneWriter;
                chains.hashForCheckpoint();
                try {
                    part.force();
                    durable(before, alone);
                } catch (TransferException diskFailure) {
                    fail(diskFailure);
                    return;
                }
                checkpointTime = System.nanoTime();
                checkpointBytes = written;
            } else if (ledger.unstored()) {
                // chunk hashes taken since: stored with the slices as durable as they were, no force needed
                listener.durable(lastDurable, lastAlone);
            }
            if (!monitor.isCanceled()) {
                ramp.step(written);
                sources.judge(throttle.heldBackRecently()).ifPresent(this::leftSlow);
            }
        }
    }

    private void leftSlow(Sources.Slow slow) {
        listener.timeline().record(TimelineEntry.Kind.CONNECTIONS, "event", "mirror-left", "url",
                Timeline.url(slow.slow()), "reason", slow.reason());
        listener.leftSlow(slow);
    }

    /** Records {@code slices} durable (on the coordinator's thread), and keeps them for stores of chunk hashes. */
    private void durable(List<Slice> slices, boolean alone) {
        lastDurable = slices;
        lastAlone = alone;
        listener.durable(slices, alone);
    }

    /** Decides when connections are added: 1, then 2, then 4, each step only when the last one paid. */
    private final class Ramp {
        private long stepStart = System.nanoTime();
        private long stepBytes = table.written();
        private double lastSpeed;
        /** The speed the one connection had before the hand-over, for a first step at once; 0: measure first. */
        private double knownSpeed;

        Ramp(double firstSpeed) {
            knownSpeed = firstSpeed;
        }

        void step(long written) {
            long now = System.nanoTime();
            if (knownSpeed == 0 && now - stepStart < STEP_NANOS || now < refusedUntil) {
                return;
            }
            double speed = knownSpeed > 0 ? knownSpeed : (written - stepBytes) * 1e9 / (now - stepStart);
            knownSpeed = 0;
            int running = running();
            stepStart = now;
            stepBytes = written;
            if (refused) {
                refused = false;
                lastSpeed = 0;
            }
            long rest = entity.total() - written;
            boolean paid = lastSpeed == 0 || speed >= lastSpeed * STEP_GAIN;
            boolean worth = speed > 0 && rest / speed * 1e9 >= WORTH_NANOS && speed / running <= MAX_SLICED_SPEED
                    // a limit that holds the connections back would only be shared by more of them
                    && !throttle.heldBackRecently();
            if (running >= MAX_CONNECTIONS || !paid || !worth || rest < MIN_REMAINING) {
                return;
            }
            int target = Math.min(MAX_CONNECTIONS, running * 2);
            boolean added = false;
            for (int i = running; i < target && startExtra(); i++) {
                added = true;
            }
            if (added) {
                lastSpeed = speed;
            }
        }
    }

    /** @return the connections fetching now: the transfer's own and its extra ones */
    private int running() {
        synchronized (lock) {
            extras.removeIf(extra -> !extra.thread.isAlive());
            return 1 + extras.size();
        }
    }

    /**
     * Starts a further connection on a slot borrowed for it, for a slice nobody fetches or the second
     * half of the largest rest; the slot goes back when it ends.
     *
     * @return whether one started: a slot was free and there was a slice worth it
     */
    private boolean startExtra() {
        if (!listener.borrow()) {
            return false;
        }
        SliceTable.Segment first = table.takeOrSteal(MIN_SPLIT);
        if (first != null && oneWriter) {
            // stored as slices before a second writer begins: the file's length no longer says what was written
            oneWriter = false;
            try {
                List<Slice> before = table.snapshot();
                part.force();
                durable(before, false);
            } catch (TransferException diskFailure) {
                table.release(first);
                listener.giveBack();
                fail(diskFailure);
                return false;
            }
        }
        Extra extra = new Extra();
        synchronized (lock) {
            if (!ended && first != null) {
                extra.thread = Thread.ofVirtual().name("bgtransfer segment").unstarted(() -> extra.run(first));
                extras.add(extra);
            }
        }
        if (extra.thread == null) {
            if (first != null) {
                table.release(first);
            }
            listener.giveBack();
            return false;
        }
        String range = "bytes=" + table.positionOf(first) + "-" + (table.endOf(first) - 1);
        extra.thread.start();
        listener.timeline().record(TimelineEntry.Kind.CONNECTIONS, "event", "added", "connections",
                Integer.toString(running()), "range", range);
        return true;
    }

    /** One further connection: takes the second half of the largest rest, then steals until none is left. */
    private final class Extra {
        final ConnectionAbort abort = new ConnectionAbort();
        Thread thread;
        volatile boolean yielded;

        void run(SliceTable.Segment first) {
            SliceTable.Segment segment = first;
            try {
                while (segment != null && !ended && !yielded) {
                    try {
                        fetch(segment, abort, this);
                    } finally {
                        table.release(segment);
                    }
                    segment = listener.wanted() ? null : table.takeOrSteal(MIN_STEAL);
                }
                if (segment != null) {
                    table.release(segment);
                }
            } catch (EntityChanged changed) {
                fail(changed);
            } catch (TransferException failed) {
                if (failed.failure().kind() == Kind.DISK) {
                    fail(failed);
                } else if (!ended) {
                    // the server or the network refused a further connection: fewer go on
                    Duration wait = failed.retryAfter().orElse(REFUSED_WAIT);
                    listener.timeline().record(TimelineEntry.Kind.CONNECTIONS, "event", "refused", "reason",
                            failed.failure().message(), "next-in", Timeline.duration(wait));
                    refusedUntil = Math.max(refusedUntil, System.nanoTime() + wait.toNanos());
                    refused = true;
                }
            } catch (OperationCanceledException stopped) {
                // the transfer stops, or this connection gave way
            } catch (RuntimeException bug) {
                fail(bug);
            } finally {
                listener.giveBack();
            }
        }
    }

    /** Ends the fetch with {@code failure}: every connection stops, the transfer's own reports it. */
    private void fail(Exception failure) {
        if (fatal == null) {
            fatal = failure;
        }
        abortExtras();
        mainAbort.discardConnection();
    }

    private void rethrowFatal() throws TransferException, EntityChanged {
        Exception failure = fatal;
        switch (failure) {
            case null -> {
                // nothing went wrong elsewhere
            }
            case EntityChanged changed -> throw changed;
            case TransferException failed -> throw failed;
            case RuntimeException bug -> throw bug;
            default -> throw new IllegalStateException(failure);
        }
    }

    private void abortExtras() {
        List<Extra> running;
        synchronized (lock) {
            running = List.copyOf(extras);
        }
        running.forEach(extra -> extra.abort.abort());
    }

    private void joinExtras() {
        List<Extra> running;
        synchronized (lock) {
            running = List.copyOf(extras);
        }
        running.forEach(extra -> Joins.join(extra.thread));
    }

    private static void sleepTick() {
        try {
            Thread.sleep(TICK_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
    }

    /** @return the slices of an entity of {@code total} bytes of which the first {@code offset} are written */
    static List<Slice> fromOffset(long offset, long total) {
        List<Slice> slices = new ArrayList<>();
        if (offset > 0) {
            slices.add(new Slice(0, offset, offset));
        }
        slices.add(new Slice(offset, total, 0));
        return slices;
    }
}
