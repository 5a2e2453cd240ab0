package dev.bgtransfer.samples.internal;

import dev.bgtransfer.samples.internal.http.SeededContent;

/**
 * A demo file independent of the server: its name, size, seed and the SHA-256 its bytes have.
 *
 * @param fileName the URL's last segment
 * @param title    what a person sees
 * @param size     bytes
 * @param seed     the content's seed
 * @param sha256   the SHA-256 of the content, lower-case hex
 */
record SampleEntry(String fileName, String title, long size, long seed, String sha256) {

    /** @return a strong validator that changes whenever the bytes would */
    String etag() {
        return SeededContent.etag(seed, size);
    }
}
