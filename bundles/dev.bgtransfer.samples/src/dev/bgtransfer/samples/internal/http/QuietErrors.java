package dev.bgtransfer.samples.internal.http;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.HttpConnection;

/**
 * Keeps a server's ordinary I/O errors to itself (HttpCore's default listener prints stack traces):
 * clients that go away mid-body, resets, timeouts and shutdown are normal for a download server.
 * Anything else goes to the given report.
 */
public final class QuietErrors implements ExceptionListener {
    private final Consumer<Exception> report;

    /** @param report hears every failure that is not an {@link IOException} */
    public QuietErrors(Consumer<Exception> report) {
        this.report = Objects.requireNonNull(report, "report");
    }

    @Override
    public void onError(Exception failure) {
        report(failure);
    }

    @Override
    public void onError(HttpConnection connection, Exception failure) {
        report(failure);
    }

    private void report(Exception failure) {
        if (!(failure instanceof IOException)) {
            report.accept(failure);
        }
    }
}
