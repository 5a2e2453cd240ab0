package dev.bgtransfer.core.internal.upload;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.internal.http.ConnectionAbort;
import dev.bgtransfer.core.internal.http.Exchange;
import dev.bgtransfer.core.internal.http.HttpTransport;
import dev.bgtransfer.core.internal.http.NetworkFailures;
import dev.bgtransfer.core.internal.http.TransferException;

/** Asks a server to forget an upload resource: {@code DELETE}, on a connection of its own. */
public final class UploadCancel {

    private UploadCancel() {
    }

    /** @return whether the server answered 2xx, 404 or 410: it holds nothing of the upload any more */
    static boolean delete(HttpTransport transport, URI resource, Map<String, String> headers, TransferOptions options)
            throws TransferException {
        try (Exchange exchange = transport.send("DELETE", resource, headers, null, interim -> {
        }, new ConnectionAbort(), options)) {
            int status = exchange.status();
            return status / 100 == 2 || status == HttpStatus.SC_NOT_FOUND || status == HttpStatus.SC_GONE;
        } catch (IOException failure) {
            throw NetworkFailures.network(failure, resource, false, options);
        } catch (HttpException failure) {
            throw NetworkFailures.protocol(failure, resource);
        }
    }

    /**
     * Sends the {@code DELETE} from a system Job, for an upload stopped or removed while no Job of its
     * own runs; a server that cannot be reached forgets the upload by itself in time.
     */
    public static void later(HttpTransport transport, URI resource, TransferOptions options) {
        Job job = Job.create(NLS.bind(Messages.cancelJobName, resource.getHost()), monitor -> {
            try {
                delete(transport, resource, Map.of(), options);
            } catch (TransferException unreachable) {
                // nothing a person could do about it
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }
}
