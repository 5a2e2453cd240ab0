/**
 * The HTTP serving of seeded files, shared by the sample server and the test server of
 * {@code dev.bgtransfer.junit} (exported to it alone): seeded content with its ETag and SHA-256,
 * the {@code Range} and {@code If-Range} rules, a paced body, a quiet exception listener, the
 * loopback server's bootstrap and an HTTP Basic gate. Depends on HttpCore only.
 */
package dev.bgtransfer.samples.internal.http;
