package dev.bgtransfer.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.EventStory;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * What a plug-in that follows transfers from their events relies on, heard as it hears them (a
 * {@code TransferListener} service): every sequence tells one consistent story, {@code download}
 * returns what its Javadoc says, a transfer's Job is found from its id, and "all finished" is said
 * only when every transfer of the batch completed or failed.
 */
class EventContractTest extends ServiceTest {
    private static final long RATE = 1_000_000;

    @Test
    void downloadReturnsAQueuedTransferAndAddedCarriesTheStateTheFirstChangeLeaves() throws Exception {
        TestFile file = server.addFile("/files/contract.bin", 100_000, 401);

        Transfer returned = download(file.path());
        fixture.awaitState(returned.id(), TransferState.COMPLETED);

        assertEquals(TransferState.QUEUED, returned.state(), "as its Javadoc says");
        List<TransferEvent> heard = eventsOf(returned.id());
        assertEquals(TransferState.QUEUED, ((TransferEvent.Added) heard.getFirst()).transfer().state());
        TransferEvent.StateChanged first = (TransferEvent.StateChanged) heard.stream()
                .filter(TransferEvent.StateChanged.class::isInstance).findFirst().orElseThrow();
        assertEquals(TransferState.QUEUED, first.previous());
        assertEquals(TransferState.RUNNING, first.transfer().state());
        EventStory.assertConsistent(fixture.events());
    }

    @Test
    void everyLifeCycleTellsAConsistentStory() throws Exception {
        TestFile slow = server.addFile("/files/slow.bin", 3_000_000, 402).throttle(RATE);
        server.addStatus("/files/missing.bin", 404);
        TestFile later = server.addFile("/files/later.bin", 50_000, 403);

        // added, started, paused while running, resumed, completed
        Transfer first = fixture.service().add(TransferRequest.of(server.uri(slow.path()), folder));
        fixture.service().start(first.id());
        fixture.awaitBytes(first.id(), 100_000);
        pause(first);
        slow.throttle(0);
        fixture.service().start(first.id());
        fixture.awaitState(first.id(), TransferState.COMPLETED);
        // failed, retried, failed again, stopped, removed
        Transfer missing = download("/files/missing.bin");
        fixture.awaitState(missing.id(), TransferState.FAILED);
        fixture.service().start(missing.id());
        fixture.await(missing.id(), "failed twice", transfer -> transfer.state() == TransferState.FAILED
                && server.requests("/files/missing.bin").size() == 2);
        fixture.service().stop(missing.id());
        fixture.service().remove(missing.id(), true);
        // queued and paused before it ran, stopped, started again
        Transfer third = fixture.service().add(TransferRequest.of(server.uri(later.path()), folder));
        fixture.service().stop(third.id());
        fixture.service().start(third.id());
        fixture.awaitState(third.id(), TransferState.COMPLETED);
        fixture.awaitEvent(TransferEvent.AllFinished.class,
                event -> event.completed().stream().anyMatch(transfer -> transfer.id() == third.id()));

        EventStory.assertConsistent(fixture.events());
        assertTrue(fixture.events(TransferEvent.Removed.class).stream()
                .anyMatch(removed -> removed.transfer().id() == missing.id()));
    }

    @Test
    void aTransfersJobIsFoundFromItsId() throws Exception {
        TestFile one = server.addFile("/files/job-one.bin", 2_000_000, 404).throttle(RATE);
        TestFile two = server.addFile("/files/job-two.bin", 2_000_000, 405).throttle(RATE);
        Transfer first = download(one.path());
        Transfer second = download(two.path());
        fixture.awaitBytes(first.id(), 1);
        fixture.awaitBytes(second.id(), 1);

        Job[] ofFirst = Job.getJobManager().find(new TransferService.JobFamily(first.id()));
        Job[] ofSecond = Job.getJobManager().find(new TransferService.JobFamily(second.id()));

        assertEquals(1, ofFirst.length);
        assertEquals(1, ofSecond.length);
        assertFalse(ofFirst[0] == ofSecond[0], "one Job per transfer");
        assertTrue(ofFirst[0].belongsTo(TransferService.JOB_FAMILY));
        assertEquals(0, Job.getJobManager().find(new TransferService.JobFamily(second.id() + 1000)).length);

        one.throttle(0);
        ofFirst[0].join(TransferFixture.TIMEOUT.toMillis(), null);
        assertEquals(TransferState.COMPLETED, fixture.service().get(first.id()).orElseThrow().state(),
                "joining its Job waits for the transfer");
        assertEquals(0, Job.getJobManager().find(new TransferService.JobFamily(first.id())).length);
    }

    @Test
    void aPauseAfterAnotherCompletedIsNotAllFinished() throws Exception {
        TestFile quick = server.addFile("/files/quick.bin", 50_000, 406);
        TestFile slow = server.addFile("/files/paused.bin", 3_000_000, 407).throttle(RATE);
        Transfer running = download(slow.path());
        Transfer done = download(quick.path());
        fixture.awaitState(done.id(), TransferState.COMPLETED);
        fixture.awaitBytes(running.id(), 100_000);

        pause(running);
        TransferFixture.sleep(500);
        assertEquals(List.of(), fixture.events(TransferEvent.AllFinished.class), "a pause is not the end");

        slow.throttle(0);
        fixture.service().start(running.id());
        TransferEvent.AllFinished finished = fixture.awaitEvent(TransferEvent.AllFinished.class, event -> true);
        assertEquals(List.of("quick.bin", "paused.bin"), finished.completed().stream().map(Transfer::title).toList(),
                "it says what finished");
        assertEquals(List.of(), finished.failed());
        assertEquals(1, fixture.events(TransferEvent.AllFinished.class).size());
    }

    @Test
    void stoppingThePausedOneEndsTheBatchWithWhatFinished() throws Exception {
        TestFile quick = server.addFile("/files/kept.bin", 50_000, 408);
        TestFile slow = server.addFile("/files/discarded.bin", 3_000_000, 409).throttle(RATE);
        server.addStatus("/files/gone.bin", 410);
        Transfer running = download(slow.path());
        Transfer done = download(quick.path());
        Transfer gone = download("/files/gone.bin");
        fixture.awaitState(done.id(), TransferState.COMPLETED);
        fixture.awaitState(gone.id(), TransferState.FAILED);
        pause(running);
        TransferFixture.sleep(300);
        assertEquals(List.of(), fixture.events(TransferEvent.AllFinished.class));

        fixture.service().stop(running.id());

        TransferEvent.AllFinished finished = fixture.awaitEvent(TransferEvent.AllFinished.class, event -> true);
        assertEquals(List.of(done.id()), finished.completed().stream().map(Transfer::id).toList());
        assertEquals(List.of(gone.id()), finished.failed().stream().map(Transfer::id).toList());
        assertEquals(TransferState.FAILED, finished.failed().getFirst().state());
    }

    @Test
    void aResetAnnouncesNothing() throws Exception {
        TestFile quick = server.addFile("/files/reset.bin", 50_000, 410);
        TestFile slow = server.addFile("/files/held.bin", 3_000_000, 411).throttle(RATE);
        Transfer running = download(slow.path());
        Transfer done = download(quick.path());
        fixture.awaitState(done.id(), TransferState.COMPLETED);
        pause(running);

        fixture.service().resetAll();
        TransferFixture.sleep(300);

        assertEquals(List.of(), fixture.events(TransferEvent.AllFinished.class), "everything was just forgotten");
    }

    @Test
    void aListenerHearsOnlyWhatHappensWhileItIsRegistered() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(EventContractTest.class).getBundleContext();
        CountDownLatch delivering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<TransferEvent> leaving = new CopyOnWriteArrayList<>();
        List<TransferEvent> late = new CopyOnWriteArrayList<>();
        // holds the event thread on the first event it hears, so that what follows happens before delivery
        ServiceRegistration<TransferListener> slow = context.registerService(TransferListener.class, event -> {
            delivering.countDown();
            awaitQuietly(release);
        }, null);
        ServiceRegistration<TransferListener> leavingRegistration = context.registerService(TransferListener.class,
                leaving::add, null);
        ServiceRegistration<TransferListener> lateRegistration = null;
        try {
            Transfer added = fixture.service().add(TransferRequest.of(server.uri("/files/never.bin"), folder));
            assertTrue(delivering.await(10, TimeUnit.SECONDS), "the Added event is being delivered");
            fixture.service().add(TransferRequest.of(server.uri("/files/queued.bin"), folder)); // its Added waits
            lateRegistration = context.registerService(TransferListener.class, late::add, null);
            leavingRegistration.unregister();
            fixture.service().remove(added.id(), false);
            release.countDown();
            TransferFixture.awaitTrue("the late listener hears the removal",
                    () -> late.stream().anyMatch(TransferEvent.Removed.class::isInstance));

            assertEquals(List.of(TransferEvent.Removed.class), late.stream().map(Object::getClass).toList(),
                    "registered after both Added events were posted");
            assertEquals(List.of(), leaving, "unregistered before the Added was delivered");
        } finally {
            release.countDown();
            slow.unregister();
            if (lateRegistration != null) {
                lateRegistration.unregister();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Transfer download(String path) {
        return fixture.service().download(TransferRequest.of(server.uri(path), folder));
    }

    /** Pauses the transfer and waits until it is paused. */
    private void pause(Transfer transfer) {
        fixture.service().pause(transfer.id());
        fixture.awaitState(transfer.id(), TransferState.PAUSED);
    }

    private List<TransferEvent> eventsOf(long id) {
        return fixture.events().stream().filter(event -> EventStory.transferIdOf(event) == id).toList();
    }
}
