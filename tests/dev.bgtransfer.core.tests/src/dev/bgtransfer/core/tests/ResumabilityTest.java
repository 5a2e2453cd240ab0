package dev.bgtransfer.core.tests;

import static dev.bgtransfer.junit.TransferFixture.list;
import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.UploadRequest;
import dev.bgtransfer.junit.RecordedRequest;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.junit.TransferFixture;

/**
 * Each class of server is told apart from the answers a transfer reads anyway, with the reason a
 * person reads: ranges and a strong ETag or Last-Modified; a weak ETag only; no validator; ranges
 * refused, ignored or not announced; If-Range ignored; uploads with and without resumption. A session
 * that takes only resumable transfers refuses the others at their first answer and completes the rest.
 */
class ResumabilityTest extends ServiceTest {
    private static final long SIZE = 4_000_000;
    private static final long RATE = 1_000_000;

    private final List<TransferSession> opened = new ArrayList<>();

    @AfterEach
    void invalidateSessions() {
        opened.forEach(TransferSession::invalidate);
    }

    private Transfer downloaded(TestFile file) throws Exception {
        Transfer added = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(1, server.requests(file.path()).size(), "no request of its own: " + server.requests(file.path()));
        return done;
    }

    /** @return the completed download of {@code file}, whose resumability was read as {@code expected} */
    private Transfer classified(Resumability expected, TestFile file) throws Exception {
        Transfer done = downloaded(file);
        assertEquals(expected, done.resumability());
        return done;
    }

    @Test
    void rangesAndAStrongEtagAreResumable() throws Exception {
        Resumability found = classified(Resumability.RANGES_AND_STRONG_ETAG, server.addFile("/strong.bin", 100_000, 1))
                .resumability();
        assertEquals(Resumability.Value.YES, found.value());
        assertEquals("the server offers byte ranges and a strong ETag", found.reason());
    }

    @Test
    void rangesAndLastModifiedAreResumable() throws Exception {
        assertEquals(Resumability.Value.YES, classified(Resumability.RANGES_AND_LAST_MODIFIED,
                server.addFile("/dated.bin", 100_000, 2).withoutEtag(true)).resumability().value());
    }

    @Test
    void aWeakEtagOnlyIsNotResumable() throws Exception {
        Resumability found = classified(Resumability.WEAK_ETAG_ONLY,
                server.addFile("/weak.bin", 100_000, 3).weakEtag(true).withoutLastModified(true)).resumability();
        assertEquals(Resumability.Value.NO, found.value());
        assertEquals("no strong validator (weak ETag only)", found.reason());
    }

    @Test
    void aPausedDownloadWithAWeakEtagOnlyStartsAgainFromZeroWithoutIfRange() throws Exception {
        TestFile file = server.addFile("/weakpaused.bin", SIZE, 15).weakEtag(true).withoutLastModified(true).throttle(RATE);
        Transfer paused = downloadAndPause(file);
        assertEquals(Resumability.WEAK_ETAG_ONLY, paused.resumability());

        file.throttle(0);
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        RecordedRequest again = server.requests(file.path()).getLast();
        assertTrue(again.header("Range").isEmpty() && again.header("If-Range").isEmpty(), "RFC 9110 13.1.5: " + again);
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aWeakEtagBesideLastModifiedResumesWithTheDate() throws Exception {
        classified(Resumability.RANGES_AND_LAST_MODIFIED, server.addFile("/weakdated.bin", 100_000, 4).weakEtag(true));
    }

    @Test
    void noValidatorIsNotResumable() throws Exception {
        assertEquals(Resumability.Value.NO, classified(Resumability.NO_VALIDATOR,
                server.addFile("/none.bin", 100_000, 5).withoutValidators(true)).resumability().value());
    }

    @Test
    void acceptRangesNoneIsNotResumable() throws Exception {
        assertEquals(Resumability.Value.NO, classified(Resumability.RANGES_REFUSED,
                server.addFile("/refused.bin", 100_000, 6).rangesRefused(true)).resumability().value());
    }

    @Test
    void rangesNotAnnouncedAreUnknownUntilAResumeGetsA206() throws Exception {
        TestFile file = server.addFile("/quiet.bin", SIZE, 7).rangesUnannounced(true).throttle(RATE);
        Transfer paused = downloadAndPause(file);
        assertEquals(Resumability.RANGES_NOT_ANNOUNCED, paused.resumability());
        assertEquals(Resumability.Value.UNKNOWN, paused.resumability().value());

        file.throttle(0);
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        assertEquals(paused.bytesReceived(), server.requests(file.path()).getLast().rangeStart().orElseThrow());
        assertEquals(Resumability.RANGES_AND_STRONG_ETAG, done.resumability());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aServerThatAnswersARangeWithTheWholeFileIsFoundOutAtTheResume() throws Exception {
        TestFile file = server.addFile("/whole.bin", SIZE, 8).withoutRanges(true).throttle(RATE);
        Transfer paused = downloadAndPause(file);
        assertEquals(Resumability.Value.UNKNOWN, paused.resumability().value());

        file.throttle(0);
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        assertEquals(Resumability.NO_RANGES, done.resumability());
        assertEquals("the server offers no byte ranges (it answered a request for one with the whole file)",
                done.resumability().reason());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aServerThatIgnoresIfRangeIsNotResumableAndNothingIsSpliced() throws Exception {
        TestFile file = server.addFile("/splicer.bin", SIZE, 9).ignoreIfRange(true).throttle(RATE);
        Transfer paused = downloadAndPause(file);
        assertEquals(Resumability.RANGES_AND_STRONG_ETAG, paused.resumability(), "its headers promise it");

        file.changeContent(90).throttle(0);
        fixture.service().start(paused.id());
        Transfer done = fixture.awaitState(paused.id(), TransferState.COMPLETED);

        assertEquals(Resumability.IF_RANGE_IGNORED, done.resumability());
        assertEquals(Resumability.Value.NO, done.resumability().value());
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()), "the new file, not two spliced");
        assertTrue(server.requests(file.path()).getLast().rangeStart().isEmpty(), "fetched again from zero");
    }

    @Test
    void listenersHearTheResumabilityWithTheFirstProgress() throws Exception {
        TestFile file = server.addFile("/heard.bin", SIZE, 10).withoutValidators(true).throttle(RATE);
        Transfer paused = downloadAndPause(file);
        assertEquals(Resumability.NO_VALIDATOR, paused.resumability());
        assertTrue(fixture.events(TransferEvent.Progress.class).stream()
                .anyMatch(progress -> progress.transfer().id() == paused.id()
                        && progress.transfer().resumability() == Resumability.NO_VALIDATOR),
                "a Progress event carries it while it runs");
        assertEquals(Resumability.NO_VALIDATOR, fixture.service().get(paused.id()).orElseThrow().resumability());
    }

    @Test
    void aSessionOfOnlyResumableTransfersRefusesAServerWithoutRangesBeforeWritingAByte() throws Exception {
        TransferSession only = open("test.only-resumable");
        TestFile file = server.addFile("/norange.bin", SIZE, 11).withoutRanges(true).throttle(RATE);

        Transfer added = only.download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer failed = fixture.awaitState(added.id(), TransferState.FAILED);

        TransferFailure failure = failed.failure().orElseThrow();
        assertEquals(TransferFailure.Kind.NOT_RESUMABLE, failure.kind());
        assertEquals(server.uri(file.path()) + " is not resumable (the server offers no byte ranges (it answered a"
                + " request for one with the whole file)); this session takes only resumable transfers.",
                failure.message());
        assertEquals(Resumability.NO_RANGES, failed.resumability());
        assertEquals(List.of(), list(folder), "no file, not even a partial one");
        assertEquals(1, server.requests(file.path()).size(), "refused at once, not retried");
        assertEquals("bytes=0-", server.requests(file.path()).getFirst().header("Range").orElseThrow());

        fixture.service().session("test.only-resumable", SessionConfiguration.of(SessionKind.DEFAULT)
                .withOptions(TransferFixture.OPTIONS));
        file.throttle(0);
        fixture.service().start(added.id());
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);
        assertTrue(server.requests(file.path()).getLast().header("Range").isEmpty(), "asked plainly, as any session does");
        assertEquals(Resumability.NO_RANGES, done.resumability(), "what the server did outweighs what it did not say");
        assertEquals(file.sha256(), sha256(done.file().orElseThrow()));
    }

    @Test
    void aSessionOfOnlyResumableTransfersRefusesAServerWithoutValidators() throws Exception {
        TransferSession only = open("test.only-resumable");
        TestFile file = server.addFile("/undated.bin", 100_000, 12).withoutValidators(true);

        Transfer added = only.download(TransferRequest.of(server.uri(file.path()), folder));
        Transfer failed = fixture.awaitState(added.id(), TransferState.FAILED);

        assertEquals(TransferFailure.Kind.NOT_RESUMABLE, failed.failure().orElseThrow().kind());
        assertEquals(Resumability.NO_VALIDATOR, failed.resumability());
        assertEquals(List.of(), list(folder));
    }

    @Test
    void aSessionOfOnlyResumableTransfersCompletesAResumableOneAskingItsFirstRequestForARange() throws Exception {
        TransferSession only = open("test.only-resumable");
        TestFile quiet = server.addFile("/quietly.bin", SIZE, 13).rangesUnannounced(true);
        TestFile plain = server.addFile("/empty.bin", 0, 14);

        Transfer added = only.download(TransferRequest.of(server.uri(quiet.path()), folder));
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);
        Transfer empty = fixture.awaitState(only.download(TransferRequest.of(server.uri(plain.path()), folder)).id(),
                TransferState.COMPLETED);

        assertEquals(quiet.sha256(), sha256(done.file().orElseThrow()));
        assertEquals(Resumability.RANGES_AND_STRONG_ETAG, done.resumability(), "the 206 told what no header did");
        List<RecordedRequest> requests = server.requests(quiet.path());
        assertEquals(1, requests.size(), "no request more: " + requests);
        assertEquals("bytes=0-", requests.getFirst().header("Range").orElseThrow());
        assertEquals(0, Files.size(empty.file().orElseThrow()), "an empty file, which has no byte 0, still completes");
    }

    @Test
    void anUploadIsResumableWhenItsServerNamesAnUploadResource() throws Exception {
        Path source = sourceFile("up.bin", 300_000);
        server.addResumableUpload("/up");
        Transfer added = uploads().upload(UploadRequest.of(source, server.uri("/up")));
        Transfer done = fixture.awaitState(added.id(), TransferState.COMPLETED);
        assertEquals(Resumability.UPLOAD_RESOURCE, done.resumability());
        assertEquals(Resumability.Value.YES, done.resumability().value());
    }

    @Test
    void anUploadIsNotResumableWhenItsServerDoesNotTakeItUpOrItIsNotOffered() throws Exception {
        Path source = sourceFile("plain.bin", 300_000);
        server.addPlainUpload("/plain");
        TransferSession uploads = uploads();
        Transfer offered = uploads.upload(UploadRequest.of(source, server.uri("/plain")));
        assertEquals(Resumability.NOT_ASKED_YET, offered.resumability());
        Transfer notTaken = fixture.awaitState(offered.id(), TransferState.COMPLETED);
        assertEquals(Resumability.UPLOAD_NOT_TAKEN_UP, notTaken.resumability());

        Transfer plain = uploads.add(UploadRequest.of(source, server.uri("/plain")).withResumable(false));
        assertEquals(Resumability.UPLOAD_NOT_OFFERED, plain.resumability(), "known before it starts");
    }

    private TransferSession open(String identifier) {
        TransferSession session = fixture.service().session(identifier, SessionConfiguration.of(SessionKind.DEFAULT)
                .withOptions(TransferFixture.OPTIONS.withOnlyResumable(true)));
        opened.add(session);
        return session;
    }

    private TransferSession uploads() {
        TransferSession session = fixture.service().session("test.uploads", SessionConfiguration.of(SessionKind.DEFAULT));
        opened.add(session);
        return session;
    }

    private Transfer downloadAndPause(TestFile file) throws Exception {
        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitBytes(started.id(), 300_000);
        fixture.service().pause(started.id());
        Transfer paused = fixture.awaitState(started.id(), TransferState.PAUSED);
        assertTrue(paused.bytesReceived() > 0 && paused.bytesReceived() < SIZE, paused.toString());
        return paused;
    }

    private Path sourceFile(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path source = folder.resolve("sources").resolve(name);
        Files.createDirectories(source.getParent());
        return Files.write(source, bytes);
    }
}
