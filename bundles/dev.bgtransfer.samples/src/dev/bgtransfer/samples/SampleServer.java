package dev.bgtransfer.samples;

import java.net.URI;
import java.util.List;

/**
 * An HTTP server on {@code 127.0.0.1} serving five deterministic demo files (about 700 KB to about
 * 29 MB) with byte ranges, {@code If-Range} and strong ETags. Bodies are throttled per response to
 * {@link SamplePreferences#BYTES_PER_SECOND} so progress can be watched. The server runs while the
 * service is in use; get it from the OSGi service registry.
 *
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface SampleServer {

    /** @return the five files, smallest first, with this run's URLs */
    List<SampleFile> files();

    /** @return the server's root, {@code http://127.0.0.1:PORT/} */
    URI baseUri();

    /** @return the body rate in bytes per second per response; 0 when unlimited */
    long bytesPerSecond();
}
