package dev.bgtransfer.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TimelineEntry.Kind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/** A transfer's timeline through the service with the real SQLite store, stopped and started as at a quit. */
class TimelineRestartTest extends ServiceTest {

    @Test
    void aTimelineSurvivesARestartAndGoesOnWhereItWas() throws Exception {
        TestFile file = server.addFile("/files/kept.bin", 3_000_000, 176).throttle(500_000);
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 300_000);
        fixture.service().pause(started.id());
        fixture.awaitState(started.id(), TransferState.PAUSED);
        List<TimelineEntry> before = fixture.service().timeline(started.id());
        assertTrue(before.size() >= 5 && before.getLast().facts().get("to").equals("paused"), before.toString());

        TransferFixture.restartService();
        assertEquals(before, fixture.service().timeline(started.id()), "as it was before the restart");

        file.throttle(0);
        fixture.service().start(started.id());
        fixture.awaitState(started.id(), TransferState.COMPLETED);
        TransferFixture.restartService();
        List<TimelineEntry> after = fixture.service().timeline(started.id());
        assertEquals(before, after.subList(0, before.size()));
        assertEquals(LongStream.rangeClosed(1, after.size()).boxed().toList(),
                after.stream().map(TimelineEntry::sequence).toList(), "numbered on, none twice");
        assertEquals("completed", after.getLast().facts().get("to"));
        assertTrue(after.stream().anyMatch(entry -> entry.kind() == Kind.REQUEST
                && entry.facts().containsKey("range")), "the ranged request after the restart");
    }
}
