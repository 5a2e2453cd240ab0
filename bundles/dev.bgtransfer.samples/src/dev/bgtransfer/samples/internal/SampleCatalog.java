package dev.bgtransfer.samples.internal;

import java.util.List;
import java.util.Optional;

/** The five demo files: the sizes of the seed app's downloads, from about 700 KB to about 29 MB. */
final class SampleCatalog {
    /** Where the files are served, below the server's root. */
    static final String PATH_PREFIX = "/samples/";

    /** The files' Last-Modified: fixed, like their bytes. */
    static final String LAST_MODIFIED = "Thu, 01 Jan 2026 00:00:00 GMT";

    private static final List<SampleEntry> ENTRIES = List.of(
            new SampleEntry("sample-1-700KB.bin", Messages.sampleTitle1, 700_000, 0x5EED0001L,
                    "d640271dfdbbe7f88e0e2bcaef73731f3bcd3bfe48533f6b1219cfdb6c007caa"),
            new SampleEntry("sample-2-2.4MB.bin", Messages.sampleTitle2, 2_400_000, 0x5EED0002L,
                    "16c74949cc4f1d62be1853c5199f7fec6178778fd5af50149d67e2608e0f4fda"),
            new SampleEntry("sample-3-6.3MB.bin", Messages.sampleTitle3, 6_300_000, 0x5EED0003L,
                    "b7c80159b64436b603198943876b5b33320b216e609c10645e7f6bbce2b75c40"),
            new SampleEntry("sample-4-14.2MB.bin", Messages.sampleTitle4, 14_200_000, 0x5EED0004L,
                    "f25059334ea83f08806718fca405be59019810bee8a228e7fa0e5919b9988c52"),
            new SampleEntry("sample-5-28.6MB.bin", Messages.sampleTitle5, 28_600_000, 0x5EED0005L,
                    "14d186b3d55865cb798cf8c45b986dc6c1d72e8df6aee81f4f5a69e4df694b83"));

    private SampleCatalog() {
    }

    /** @return the five files, smallest first */
    static List<SampleEntry> entries() {
        return ENTRIES;
    }

    /** @return the file served at {@code path}, if any */
    static Optional<SampleEntry> find(String path) {
        if (!path.startsWith(PATH_PREFIX)) {
            return Optional.empty();
        }
        String name = path.substring(PATH_PREFIX.length());
        return ENTRIES.stream().filter(entry -> entry.fileName().equals(name)).findFirst();
    }
}
