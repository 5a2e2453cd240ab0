package dev.bgtransfer.core.internal.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which URL each connection of a download in slices takes, and which are left. */
class SourcesTest {
    private static final URI OWN = URI.create("https://files.example/a.iso");
    private static final URI FIRST = URI.create("https://mirror-1.example/a.iso");
    private static final URI SECOND = URI.create("https://mirror-2.example/a.iso");

    @Test
    void connectionsSpreadOverTheUrlsTheTransfersOwnFirst() {
        Sources sources = new Sources(List.of(OWN, FIRST, SECOND));
        assertEquals(List.of(OWN, FIRST, SECOND, OWN), List.of(sources.open(), sources.open(), sources.open(),
                sources.open()));
        sources.close(FIRST);
        assertEquals(FIRST, sources.open(), "the one with the fewest connections");
    }

    @Test
    void aLeftUrlIsNeverTakenAgainAndTheLastOneIsNeverLeft() {
        Sources sources = new Sources(List.of(OWN, FIRST));
        assertEquals(Sources.Leaving.LEFT, sources.leave(FIRST));
        assertEquals(Sources.Leaving.LEFT_BEFORE, sources.leave(FIRST), "another of its connections failed too");
        assertTrue(sources.isLeft(FIRST));
        assertEquals(List.of(OWN, OWN), List.of(sources.open(), sources.open()));
        assertEquals(Sources.Leaving.LAST, sources.leave(OWN), "its failure is the transfer's");
        assertFalse(sources.isLeft(OWN));
    }

    @Test
    void oneUrlAloneIsNeverJudged() {
        Sources sources = new Sources(List.of(OWN));
        sources.open();
        sources.brought(OWN, 1);
        assertTrue(sources.judge(false).isEmpty());
    }
}
