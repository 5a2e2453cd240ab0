package dev.bgtransfer.samples;

import java.net.URI;

/**
 * One demo file as the running {@link SampleServer} offers it.
 *
 * @param title    what a person sees
 * @param fileName the last segment of the URL
 * @param url      where the server serves it (loopback, this run's port)
 * @param size     its length in bytes
 * @param sha256   the SHA-256 of its bytes, lower-case hex; the same in every run
 */
public record SampleFile(String title, String fileName, URI url, long size, String sha256) {
}
