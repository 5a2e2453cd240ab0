package dev.bgtransfer.core.internal.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.DataTaskException;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.http.HttpTransport;

/**
 * The data tasks of the service, run on a small pool of threads of their own rather than as Jobs:
 * a data task is no transfer (no id, no row, no state to announce, nothing stored), and every Job of
 * {@code TransferService.JOB_FAMILY} is promised to be one, findable by its transfer's id. Its
 * future is its handle: cancelling the future closes its connection. At most
 * {@link #MAX_RUNNING} run at once; the others wait in a queue and hold no thread. The connections
 * they take come from the transport's pool, which never opens more than the service's per-host
 * limit to one host; they take no slot of the engine's (see the README).
 */
public final class DataTasks implements AutoCloseable {
    static final int MAX_RUNNING = 8;
    private static final long IDLE_SECONDS = 30;
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private final HttpTransport transport;
    private final ThreadPoolExecutor threads;
    /** The tasks not ended yet, and the session of each. */
    private final Map<DataTask, String> unfinished = new ConcurrentHashMap<>();

    public DataTasks(HttpTransport transport) {
        this.transport = transport;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(MAX_RUNNING, MAX_RUNNING, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "bgtransfer data task " + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
    }

    /**
     * @param session the identifier of the session the task is for
     * @param options the session's: timeouts, redirects, retries
     * @return the answer to come; cancelling it ends the task
     * @throws IllegalStateException when the service has been shut down
     */
    public CompletableFuture<DataResponse> fetch(String session, DataRequest request, TransferOptions options) {
        DataTask task = new DataTask(request, transport, options);
        unfinished.put(task, session);
        task.future().whenComplete((response, failure) -> {
            unfinished.remove(task);
            task.abort();
        });
        try {
            threads.execute(task);
        } catch (RejectedExecutionException closed) {
            unfinished.remove(task);
            throw new IllegalStateException(Messages.serviceShutDown, closed);
        }
        return task.future();
    }

    /** Cancels the session's unfinished tasks: their futures end with a {@code CancellationException}. */
    public void cancel(String session) {
        unfinished.forEach((task, owner) -> {
            if (owner.equals(session)) {
                task.future().cancel(true);
            }
        });
    }

    /** Ends every unfinished task with a sentence saying the service stopped, and waits for their threads. */
    @Override
    public void close() {
        threads.shutdown();
        for (DataTask task : List.copyOf(unfinished.keySet())) {
            task.future().completeExceptionally(new DataTaskException(
                    new TransferFailure(TransferFailure.Kind.NETWORK, NLS.bind(Messages.shutDown, task.url())), null));
        }
        try {
            threads.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
