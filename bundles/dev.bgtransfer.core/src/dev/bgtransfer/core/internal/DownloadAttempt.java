package dev.bgtransfer.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.spi.TransferRecord;

/**
 * One run of one transfer: the request (ranged when there are bytes to resume), redirects, the
 * body streamed through a fixed buffer into the partial file, and the atomic move to the final
 * name. {@link #record()} always holds the resume data as far as the bytes are on disk.
 */
final class DownloadAttempt {
    private static final int BUFFER_SIZE = 512 * 1024;
    private static final int MIN_BUFFER_SIZE = 8 * 1024;
    private static final long CHECKPOINT_NANOS = 2_000_000_000L;
    private static final long CHECKPOINT_BYTES = 8L * 1024 * 1024;
    /** Restarts from zero after a refused resume (200 or 416), beyond the redirects. */
    private static final int MAX_RESTARTS = 2;

    /** What the engine hears while the attempt runs. */
    interface Listener extends ByteProgress.Sink {
        /**
         * The response was accepted: name, partial file, validators and length are known.
         *
         * @param stored whether {@link #checkpoint} already stored all of it (a new partial file)
         */
        void accepted(TransferRecord record, boolean stored);

        /** The bytes up to {@code record.bytes()} are forced to disk. */
        void checkpoint(TransferRecord record);
    }

    private final HttpTransport transport;
    private final TransferOptions options;
    private final ConnectionAbort abort;
    private final Listener listener;
    private final HttpAuthentication authentication;
    /** The server's challenge once it asked; credentials are never sent before. */
    private HttpAuthentication.Challenge challenge;
    private boolean answeredStaleNonce;
    private volatile TransferRecord record;
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

    /** @param credentials for the origin of the transfer's URL, or {@code null} */
    DownloadAttempt(TransferRecord record, HttpTransport transport, TransferOptions options,
            PasswordAuthentication credentials, ConnectionAbort abort, Listener listener) {
        this.record = record;
        this.transport = transport;
        this.options = options;
        this.authentication = credentials == null ? null : new HttpAuthentication(credentials);
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
        long offset = resumeOffset();
        // bytes that came through redirects are resumed where they came from, like a browser does
        boolean atResumeUrl = offset > 0 && record.resumeUrl() != null;
        URI target = atResumeUrl ? record.resumeUrl() : record.url();
        Set<URI> visited = new HashSet<>(Set.of(target));
        int redirects = 0;
        int restarts = 0;
        while (true) {
            checkCanceled(monitor);
            boolean connected = false;
            try (Exchange exchange = transport.get(target, requestHeaders(target, offset), abort)) {
                connected = true;
                int status = exchange.status();
                if (status == 401) {
                    if (answerChallenge(exchange, target)) {
                        continue;
                    }
                    throw credentialsFailure(exchange, target);
                }
                if (atResumeUrl && status >= 400 && status != 416) {
                    // the place may have been temporary (a signed link): go back to the URL as requested
                    atResumeUrl = false;
                    target = record.url();
                    visited = new HashSet<>(Set.of(target));
                    continue;
                }
                if (isRedirect(status)) {
                    target = redirectTarget(exchange, visited, ++redirects);
                    continue;
                }
                if (status == 416 && offset > 0 && restarts < MAX_RESTARTS) {
                    ContentRange range = ContentRange.parse(exchange.header("Content-Range"));
                    if (range != null && range.complete() == offset) {
                        return complete(offset, null);
                    }
                    offset = restartFromZero();
                    restarts++;
                    continue;
                }
                long start = acceptedStart(exchange, offset);
                if (start == 0 && offset > 0) {
                    restarts++;
                }
                offset = start;
                long total = entityLength(exchange, offset);
                accept(exchange, offset, total);
                MessageDigest digest = PartFile.newSha256();
                long received = receive(exchange, offset, total, digest, monitor);
                return complete(received, digest);
            } catch (IOException networkFailure) {
                checkCanceled(monitor);
                throw Failures.network(networkFailure, target, connected, options);
            } catch (HttpException protocolFailure) {
                throw Failures.protocol(protocolFailure, target);
            }
        }
    }

    private void checkCanceled(SubMonitor monitor) {
        if (monitor.isCanceled() || abort.isAborted()) {
            throw new OperationCanceledException();
        }
    }

    private void ensureFolder() throws TransferException {
        try {
            Files.createDirectories(record.folder());
        } catch (IOException cannotCreate) {
            throw Failures.disk(cannotCreate, record.folder());
        }
    }

    /**
     * The partial file is the truth: shorter than recorded resumes from its length; longer is cut
     * back to the recorded (durable) length; missing, or without a validator, starts from zero.
     */
    private long resumeOffset() throws TransferException {
        Path part = record.partFile();
        if (part == null || !Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
            record = record.withoutResumeData(Instant.now());
            return 0;
        }
        try {
            long onDisk = Files.size(part);
            long offset = record.isResumable() ? Math.min(onDisk, record.bytes()) : 0;
            record = record.withProgress(offset, offset == 0 ? Transfer.UNKNOWN_SIZE : record.total(), Instant.now());
            return offset;
        } catch (IOException unreadable) {
            throw Failures.disk(unreadable, part);
        }
    }

    /**
     * @return whether the request should go again with an answer to the server's challenge: the
     *         first time it asks, or once more when it says the nonce went stale
     */
    private boolean answerChallenge(Exchange exchange, URI target) {
        Optional<HttpAuthentication.Challenge> offered = HttpAuthentication.choose(
                exchange.headerValues("WWW-Authenticate"));
        if (authentication == null || offered.isEmpty() || !sameOrigin(target)) {
            return false;
        }
        boolean stale = challenge != null && offered.get().isStale() && !answeredStaleNonce;
        if (challenge != null && !stale) {
            return false;
        }
        answeredStaleNonce |= stale;
        challenge = offered.get();
        return true;
    }

    private TransferException credentialsFailure(Exchange exchange, URI target) {
        String message;
        if (authentication == null || !sameOrigin(target)) {
            // the credentials given are for another origin, and were not sent here
            message = Messages.credentialsNeeded;
        } else if (HttpAuthentication.choose(exchange.headerValues("WWW-Authenticate")).isEmpty()) {
            message = Messages.credentialsUnsupported;
        } else {
            message = Messages.credentialsRefused;
        }
        return TransferException.permanent(Kind.CREDENTIALS, NLS.bind(message, target.getHost()));
    }

    private boolean sameOrigin(URI target) {
        return HttpTransport.hostOf(target).equals(HttpTransport.hostOf(record.url()));
    }

    /** Range and If-Range when resuming; Authorization only for the origin the credentials were given for. */
    private Map<String, String> requestHeaders(URI target, long offset) {
        Map<String, String> headers = new HashMap<>();
        if (offset > 0) {
            String validator = strongEtag(record.etag()) != null ? record.etag() : record.lastModified();
            headers.put("Range", "bytes=" + offset + "-");
            headers.put("If-Range", validator);
        }
        if (challenge != null && sameOrigin(target)) {
            headers.put("Authorization", authentication.authorize(challenge, HttpTransport.requestTarget(target)));
        }
        return headers;
    }

    private static String strongEtag(String etag) {
        return etag != null && etag.startsWith("\"") ? etag : null;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private URI redirectTarget(Exchange exchange, Set<URI> visited, int redirects) throws TransferException {
        URI from = exchange.url();
        if (redirects > options.maxRedirects()) {
            throw TransferException.permanent(Kind.REDIRECT,
                    NLS.bind(Messages.tooManyRedirects, options.maxRedirects(), record.url()));
        }
        String location = exchange.header("Location");
        if (location == null || location.isBlank()) {
            throw TransferException.permanent(Kind.REDIRECT,
                    NLS.bind(Messages.redirectWithoutLocation, exchange.statusText(), from));
        }
        URI next;
        try {
            next = from.resolve(location.strip()).normalize();
        } catch (IllegalArgumentException badLocation) {
            throw TransferException.permanent(Kind.REDIRECT, NLS.bind(Messages.redirectUnsupported, from, location));
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null) {
            throw TransferException.permanent(Kind.REDIRECT, NLS.bind(Messages.redirectUnsupported, from, next));
        }
        if (from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw TransferException.permanent(Kind.REDIRECT, NLS.bind(Messages.redirectToPlainHttp, from, next));
        }
        if (!visited.add(next)) {
            throw TransferException.permanent(Kind.REDIRECT, NLS.bind(Messages.redirectLoop, record.url()));
        }
        return next;
    }

    /** @return where the body starts: {@code offset} for a fitting 206, 0 for a 200 */
    private long acceptedStart(Exchange exchange, long offset) throws TransferException {
        int status = exchange.status();
        if (status == 200) {
            return offset > 0 ? restartFromZero() : 0;
        }
        if (status == 206 && offset > 0) {
            ContentRange range = ContentRange.parse(exchange.header("Content-Range"));
            if (range == null || range.first() != offset || exchange.headerCount("Content-Range") != 1) {
                throw TransferException.permanent(Kind.PROTOCOL,
                        NLS.bind(Messages.badContentRange, exchange.header("Content-Range")));
            }
            return offset;
        }
        if (status == 206) {
            throw TransferException.permanent(Kind.PROTOCOL, NLS.bind(Messages.unaskedPartial, exchange.url()));
        }
        throw Failures.httpStatus(exchange);
    }

    /** @return the entity's full length, or {@link Transfer#UNKNOWN_SIZE} */
    private static long entityLength(Exchange exchange, long offset) throws TransferException {
        long bodyLength = exchange.contentLength();
        if (exchange.status() != 206) {
            return bodyLength < 0 ? Transfer.UNKNOWN_SIZE : bodyLength;
        }
        ContentRange range = ContentRange.parse(exchange.header("Content-Range"));
        if (bodyLength >= 0 && bodyLength != range.length()) {
            throw TransferException.permanent(Kind.PROTOCOL,
                    NLS.bind(Messages.badContentRange, exchange.header("Content-Range")));
        }
        return range.complete() >= 0 ? range.complete() : Transfer.UNKNOWN_SIZE;
    }

    private long restartFromZero() {
        record = record.withProgress(0, Transfer.UNKNOWN_SIZE, Instant.now()).withValidators(null, null, Instant.now());
        return 0;
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
                throw Failures.disk(cannotCreate, record.folder().resolve(name));
            }
        } else {
            record = record.withPartFile(name, record.partFile(), now);
        }
        listener.accepted(record, newPart);
    }

    /**
     * Streams the body into the partial file through a few fixed buffers, hashed and forced to
     * the disk beside the copy (see {@link BackgroundDigest}, {@link BackgroundCheckpoint}). The
     * body stream is left to {@link Exchange#close()}: closing it here would read an unwanted rest
     * to its end.
     */
    private long receive(Exchange exchange, long offset, long total, MessageDigest digest, SubMonitor monitor)
            throws IOException, TransferException {
        ByteProgress progress = new ByteProgress(monitor, listener);
        SpeedFloor floor = new SpeedFloor(options);
        InputStream body = exchange.body();
        try (PartFile part = PartFile.openAt(record.partFile(), offset)) {
            part.digestFirst(offset, digest);
            BackgroundCheckpoint checkpoints = new BackgroundCheckpoint(part, durable -> recordDurable(durable, total));
            long received = offset;
            long checkpointBytes = offset;
            long checkpointTime = System.nanoTime();
            long expected = total < 0 ? -1 : total - offset;
            try (BackgroundDigest hashing = new BackgroundDigest(digest, chunkSize(expected),
                    expected >= 0 && expected <= BUFFER_SIZE)) {
                boolean whole = false;
                try {
                    while (true) {
                        BackgroundDigest.Chunk chunk = hashing.free();
                        int read = body.read(chunk.bytes);
                        if (read == -1) {
                            break;
                        }
                        part.write(chunk.buffer.clear().limit(read));
                        hashing.hand(read);
                        received += read;
                        progress.update(received, total);
                        floor.check(read, exchange.url());
                        if ((received - checkpointBytes >= CHECKPOINT_BYTES
                                || System.nanoTime() - checkpointTime >= CHECKPOINT_NANOS)
                                && checkpoints.start(received)) {
                            checkpointBytes = received;
                            checkpointTime = System.nanoTime();
                        }
                    }
                    exchange.bodyConsumed();
                    whole = total < 0 || received == total;
                } catch (ConnectionClosedException closedEarly) {
                    throw Failures.truncated(exchange.url(), received, total);
                } finally {
                    checkpoints.finish();
                    if (whole) {
                        // durable now; complete() stores them with the final name: one write, not two
                        part.force();
                        record = record.withProgress(received, total, Instant.now());
                    } else {
                        // whatever ended the loop, the bytes written so far are kept for a resume
                        checkpoint(part, received, total);
                    }
                }
                hashing.drain();
            }
            if (total >= 0 && received != total) {
                throw Failures.truncated(exchange.url(), received, total);
            }
            progress.reportEnd(received, total);
            return received;
        }
    }

    /** @return a chunk size that does not hold much more than a small body */
    private static int chunkSize(long expected) {
        return expected < 0 || expected >= BUFFER_SIZE ? BUFFER_SIZE : Math.max(MIN_BUFFER_SIZE, (int) expected);
    }

    /** Records bytes a background checkpoint made durable. */
    private void recordDurable(long bytes, long total) {
        record = record.withProgress(bytes, total, Instant.now());
        listener.checkpoint(record);
    }

    /** Makes the bytes so far durable, then records them: the store never claims more than the disk holds. */
    private void checkpoint(PartFile part, long received, long total) throws TransferException {
        part.force();
        record = record.withProgress(received, total, Instant.now());
        listener.checkpoint(record);
    }

    /** Verifies the bytes and moves them to their final name, never over an existing file. */
    private TransferRecord complete(long length, MessageDigest digest) throws TransferException {
        Path part = record.partFile();
        String sha256 = HexFormat.of().formatHex(digest != null ? digest.digest() : PartFile.sha256Of(part, length));
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
            throw Failures.disk(cannotMove, target != null ? target : part);
        }
        record = record.completed(target, length, sha256, Instant.now());
        return record;
    }
}
