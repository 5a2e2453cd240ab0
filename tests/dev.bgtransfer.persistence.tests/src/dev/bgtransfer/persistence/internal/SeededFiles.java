package dev.bgtransfer.persistence.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TestHttpServer;

/**
 * Files served by a {@link TestHttpServer} whose sizes and bodies all follow from one seed: sizes
 * spread evenly on a log scale between 64 KiB and 4 MiB (or another bound), one in three without an
 * ETag (so resumed with a Last-Modified date in {@code If-Range}).
 */
final class SeededFiles {
    private static final long MIN_SIZE = 64 * 1024;
    /** The largest file is 2^6 times the smallest: 4 MiB. */
    private static final int SIZE_DOUBLINGS = 6;

    /** One served file, under the name its URL gives it. */
    record Served(TestFile file, URI url, String name) {
        Path finalFile(Path folder) {
            return folder.resolve(name);
        }
    }

    private final List<Served> files;
    private final Map<URI, Served> byUrl;

    SeededFiles(TestHttpServer server, int count, Random random) {
        this(server, count, random, SIZE_DOUBLINGS);
    }

    /** @param sizeDoublings how many times the largest file doubles the smallest (64 KiB); 0: all are 64 KiB */
    SeededFiles(TestHttpServer server, int count, Random random, int sizeDoublings) {
        List<Served> served = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long size = (long) (MIN_SIZE * Math.pow(2, random.nextDouble() * sizeDoublings));
            String name = String.format("f%03d.bin", i);
            TestFile file = server.addFile("/seeded/" + name, size, random.nextLong()).withoutEtag(i % 3 == 0);
            served.add(new Served(file, server.uri(file.path()), name));
        }
        files = new ArrayList<>(served);
        byUrl = files.stream().collect(Collectors.toMap(Served::url, Function.identity(), (a, b) -> a, HashMap::new));
    }

    /**
     * Adds a file of {@code size} bytes served by {@code other}, a host of its own, throttled to
     * {@code rate} per response: large and slow enough to be fetched in slices over several connections.
     */
    Served addSliced(TestHttpServer other, long size, long seed, long rate) {
        TestFile file = other.addFile("/sliced/big.bin", size, seed).throttle(rate);
        Served served = new Served(file, other.uri(file.path()), "big.bin");
        files.add(served);
        byUrl.put(served.url(), served);
        return served;
    }

    List<Served> all() {
        return List.copyOf(files);
    }

    List<URI> urls() {
        return files.stream().map(Served::url).toList();
    }

    Served byUrl(URI url) {
        Served served = byUrl.get(url);
        if (served == null) {
            throw new AssertionError("The store holds a transfer of a URL nobody asked for: " + url);
        }
        return served;
    }

    long totalSize() {
        return files.stream().mapToLong(served -> served.file().size()).sum();
    }

    long totalServed() {
        return files.stream().mapToLong(served -> served.file().bytesServed()).sum();
    }
}
