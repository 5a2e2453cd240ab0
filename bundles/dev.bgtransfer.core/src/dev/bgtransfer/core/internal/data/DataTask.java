package dev.bgtransfer.core.internal.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.core5.http.HttpException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.ByteCounts;
import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.DataTaskException;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.Exchange;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.NetworkFailures;
import dev.bgtransfer.core.internal.http.OriginAuthentication;
import dev.bgtransfer.core.internal.http.Redirects;
import dev.bgtransfer.core.internal.http.RetryPolicy;
import dev.bgtransfer.core.internal.http.TransferException;

/**
 * One data task: its request, the sign-in at the origin and the redirects as downloads follow them
 * (a redirected POST becomes a GET except after 307 and 308; a body and credentials never go to
 * another origin), the body read into memory up to the cap, and the retries of transient failures
 * ({@link RetryPolicy}) for the methods that may be sent twice. Its future is its only trace.
 */
final class DataTask implements Runnable {
    private static final int READ_CHUNK = 16 * 1024;
    /** Request headers that carry the caller's credentials: they go to the request's origin only. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie");
    private static final long SLEEP_STEP_MILLIS = 50;

    private final DataRequest request;
    private final HttpTransport transport;
    private final TransferOptions options;
    private final RetryPolicy retries;
    private final ConnectionAbort abort = new ConnectionAbort();
    private final CompletableFuture<DataResponse> future = new CompletableFuture<>();
    /** Set once the task has let go of its connection: an abort then would close one it no longer owns. */
    private boolean finished;

    /** An answer, and the failure its status means when a retry may bring a better one. */
    private record Answer(DataResponse response, TransferException transientStatus) {
    }

    DataTask(DataRequest request, HttpTransport transport, TransferOptions options) {
        this.request = request;
        this.transport = transport;
        this.options = options;
        this.retries = new RetryPolicy(options);
    }

    CompletableFuture<DataResponse> future() {
        return future;
    }

    URI url() {
        return request.url();
    }

    /** Breaks the task's network wait; someone else completed its future (a cancel, the service's end). */
    synchronized void abort() {
        if (!finished) {
            abort.abort();
        }
    }

    private synchronized void finish() {
        finished = true;
    }

    @Override
    public void run() {
        if (future.isDone()) {
            return; // cancelled while it waited for a thread
        }
        try {
            DataResponse response = runWithRetries();
            finish();
            future.complete(response);
        } catch (TransferException failed) {
            finish();
            future.completeExceptionally(new DataTaskException(failed.failure(), failed.getCause()));
        } catch (Aborted aborted) {
            finish(); // the future was completed by whoever aborted
        } catch (RuntimeException bug) {
            finish();
            ILog.of(DataTask.class).error("The data task for " + request.url() + " failed unexpectedly", bug);
            future.completeExceptionally(
                    new DataTaskException(new TransferFailure(Kind.PROTOCOL, Messages.internalError), bug));
        }
    }

    /**
     * Runs the request, again after each transient failure within the budget when the method may be
     * sent twice; a transient status that stays is answered with its response.
     */
    private DataResponse runWithRetries() throws TransferException {
        boolean mayRepeat = request.method() != DataRequest.Method.POST;
        int retry = 0;
        while (true) {
            TransferException failure;
            try {
                Answer answer = attempt();
                failure = answer.transientStatus();
                if (failure == null || !mayRepeat || !retries.allows(failure, ++retry)) {
                    return answer.response();
                }
            } catch (TransferException failed) {
                if (!mayRepeat || !retries.allows(failed, ++retry)) {
                    throw failed;
                }
                failure = failed;
            }
            sleep(retries.delay(failure, retry));
        }
    }

    /** One request, with its sign-in and redirects, to the answer read into memory. */
    private Answer attempt() throws TransferException {
        URI target = request.url();
        String method = request.method().name();
        byte[] body = request.body().map(DataRequest.Body::bytes).orElse(null);
        String contentType = request.body().map(DataRequest.Body::contentType).orElse(null);
        Redirects redirects = new Redirects(request.url(), options.maxRedirects(), target);
        OriginAuthentication authentication = new OriginAuthentication(request.url(),
                request.credentials().orElse(null));
        while (true) {
            checkAborted();
            boolean connected = false;
            try (Exchange exchange = transport.send(method, target, headersFor(target, authentication), body,
                    contentType, abort, options)) {
                connected = true;
                int status = exchange.status();
                if (status == 401) {
                    authentication.answerOrRefuse(exchange, target);
                    continue;
                }
                if (Redirects.isRedirect(status)) {
                    URI next = redirects.follow(exchange);
                    method = Redirects.methodAfter(status, method);
                    if (method.equals("GET")) {
                        body = null;
                    }
                    if (body != null && !Redirects.sameOrigin(next, request.url())) {
                        throw TransferException.permanent(Kind.REDIRECT,
                                NLS.bind(Messages.bodyToOtherOrigin, target, next));
                    }
                    target = next;
                    continue;
                }
                DataResponse response = new DataResponse(target, status, exchange.headers(), read(exchange));
                return new Answer(response,
                        NetworkFailures.isTransientStatus(status) ? NetworkFailures.httpStatus(exchange) : null);
            } catch (IOException networkFailure) {
                checkAborted();
                throw NetworkFailures.network(networkFailure, target, connected, options);
            } catch (HttpException protocolFailure) {
                throw NetworkFailures.protocol(protocolFailure, target);
            }
        }
    }

    /** The caller's headers, those with credentials only for the request's origin, and the sign-in's. */
    private Map<String, String> headersFor(URI target, OriginAuthentication authentication) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        boolean sameOrigin = Redirects.sameOrigin(target, request.url());
        request.headers().forEach((name, value) -> {
            if (sameOrigin || !CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
            }
        });
        authentication.authorize(target, headers);
        return headers;
    }

    /** @return the body, read to its end; more than the cap fails the task, before reading when the length says so */
    private byte[] read(Exchange exchange) throws IOException, TransferException {
        long cap = request.maxResponseBytes();
        long declared = exchange.contentLength();
        if (declared > cap) {
            throw TransferException.permanent(Kind.TOO_LARGE, NLS.bind(Messages.tooLargeDeclared,
                    new Object[] { exchange.url(), ByteCounts.format(declared), ByteCounts.format(cap) }));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : READ_CHUNK);
        byte[] buffer = new byte[READ_CHUNK];
        try (InputStream in = exchange.body()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (bytes.size() + (long) read > cap) {
                    throw TransferException.permanent(Kind.TOO_LARGE,
                            NLS.bind(Messages.tooLarge, exchange.url(), ByteCounts.format(cap)));
                }
                bytes.write(buffer, 0, read);
            }
        }
        exchange.bodyConsumed();
        return bytes.toByteArray();
    }

    private void checkAborted() {
        if (abort.isAborted()) {
            throw new Aborted();
        }
    }

    /** Sleeps in short steps, so that a cancel ends the wait at once. */
    private void sleep(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            checkAborted();
            try {
                Thread.sleep(Math.min(SLEEP_STEP_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new Aborted();
            }
        }
        checkAborted();
    }

    /** The task was aborted: its future is complete already. */
    private static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super(null, null, false, false);
        }
    }
}
