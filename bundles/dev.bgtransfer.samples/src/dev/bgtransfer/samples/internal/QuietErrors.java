package dev.bgtransfer.samples.internal;

import java.io.IOException;

import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.HttpConnection;
import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;

/**
 * Keeps the server's errors off the console (HttpCore's default prints stack traces): clients that
 * go away mid-body are normal for a download server; anything else goes to the log.
 */
final class QuietErrors implements ExceptionListener {

    @Override
    public void onError(Exception failure) {
        report(failure);
    }

    @Override
    public void onError(HttpConnection connection, Exception failure) {
        report(failure);
    }

    private static void report(Exception failure) {
        if (failure instanceof IOException) { // resets, closed connections, timeouts, shutdown
            return;
        }
        ILog.of(QuietErrors.class).error(NLS.bind(Messages.serverError, failure.getMessage()), failure);
    }
}
