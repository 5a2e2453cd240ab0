package dev.bgtransfer.remote.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.UploadRequest;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;

/**
 * What the service refuses, a client hears refused the same way: an exception of the same type
 * with the same sentence as the service throws in its own process.
 */
class ServiceExceptionsTest extends RemoteServiceTest {
    private static final String SESSION = "test.remote.refused";
    private static final long NO_SUCH_ID = 987_654_321;

    @Test
    void anUnknownIdIsRefusedAsTheServiceRefusesIt() {
        RemoteTransfers client = connect();

        assertSameFailure(() -> fixture.service().start(NO_SUCH_ID), () -> client.start(NO_SUCH_ID));
        assertSameFailure(() -> fixture.service().pause(NO_SUCH_ID), () -> client.pause(NO_SUCH_ID));
        assertSameFailure(() -> fixture.service().remove(NO_SUCH_ID, true), () -> client.remove(NO_SUCH_ID, true));
    }

    @Test
    void aFileThatCannotBeUploadedIsRefusedWithTheServicesSentence() {
        RemoteTransfers client = connect();
        UploadRequest missing = UploadRequest.of(folder.resolve("missing.bin"), server.uri("/up"));
        UploadRequest folderItself = UploadRequest.of(folder, server.uri("/up"));
        TransferSession local = fixture.service().session(SESSION, stored());
        TransferSession remote = client.session(SESSION, stored());

        assertSameFailure(() -> local.upload(missing), () -> remote.upload(missing));
        assertSameFailure(() -> local.add(folderItself), () -> remote.add(folderItself));
    }

    @Test
    void sessionsTheServiceRefusesAreRefused() {
        RemoteTransfers client = connect();
        fixture.service().session(SESSION, stored()).add(TransferRequest.of(server.uri("/files/kept.bin"), folder));
        SessionConfiguration ephemeral = SessionConfiguration.of(SessionKind.EPHEMERAL);

        assertSameFailure(() -> fixture.service().session(" ", stored()), () -> client.session(" ", stored()));
        assertSameFailure(() -> fixture.service().session(SESSION, ephemeral), () -> client.session(SESSION, ephemeral));
        assertSameFailure(() -> fixture.service().session(SESSION, stored()).download(server.uri("/files/x.bin")),
                () -> client.session(SESSION, stored()).download(server.uri("/files/x.bin")));
    }

    @Test
    void anInvalidatedSessionRefusesNewTransfers() {
        RemoteTransfers client = connect();
        TransferRequest request = TransferRequest.of(server.uri("/files/late.bin"), folder);
        TransferSession remote = client.session(SESSION, stored());
        remote.invalidate();
        TransferSession local = fixture.service().session(SESSION, stored());
        local.invalidate();

        assertSameFailure(() -> local.add(request), () -> remote.add(request));
    }

    @AfterEach
    void forgetTheSession() {
        fixture.service().session(SESSION, stored()).invalidate();
    }

    private static SessionConfiguration stored() {
        return SessionConfiguration.of(SessionKind.DEFAULT);
    }

    private static void assertSameFailure(Executable inProcess, Executable overTheWire) {
        RuntimeException expected = assertThrows(RuntimeException.class, inProcess);
        RuntimeException actual = assertThrows(RuntimeException.class, overTheWire);
        assertEquals(expected.getClass(), actual.getClass(), actual.toString());
        assertEquals(expected.getMessage(), actual.getMessage());
    }
}
