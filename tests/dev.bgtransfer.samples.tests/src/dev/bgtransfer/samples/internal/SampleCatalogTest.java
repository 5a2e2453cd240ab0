package dev.bgtransfer.samples.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.samples.internal.http.SeededContent;

/** The catalog's published digests are those of the seeded bytes it serves. */
class SampleCatalogTest {

    @Test
    void everyPublishedSha256IsThatOfTheSeededContent() {
        for (SampleEntry entry : SampleCatalog.entries()) {
            assertEquals(entry.sha256(), SeededContent.sha256(entry.seed(), entry.size()), entry.fileName());
        }
    }
}
