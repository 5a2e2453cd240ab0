package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferState;

/** {@code list --json}'s line: every text escaped as JSON wants it, so that any JSON reader reads it back. */
class TransferJsonTest {

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        Transfer transfer = new Transfer(7, URI.create("https://example.org/a%20b?x=1"), "say \"hi\"\\\n\ttab\u0001",
                Path.of("/tmp/f\"older"), Optional.empty(), TransferState.FAILED, 10, Transfer.UNKNOWN_SIZE,
                Optional.empty(), Optional.of(new TransferFailure(TransferFailure.Kind.HTTP_STATUS, "The server said \"no\".")),
                Optional.empty(), "my.session", TransferKind.UPLOAD, Resumability.UPLOAD_NOT_TAKEN_UP);

        assertEquals("{\"id\":7,\"kind\":\"upload\",\"state\":\"FAILED\",\"bytes\":10,\"total\":null,"
                + "\"url\":\"https://example.org/a%20b?x=1\",\"title\":\"say \\\"hi\\\"\\\\\\n\\ttab\\u0001\","
                + "\"folder\":\"/tmp/f\\\"older\",\"file\":null,\"session\":\"my.session\",\"sha256\":null,"
                + "\"failure\":{\"kind\":\"HTTP_STATUS\",\"message\":\"The server said \\\"no\\\".\"},"
                + "\"resumable\":{\"value\":\"no\",\"reason\":\"the server does not take resumable uploads\"},\"mirrors\":[]}",
                TransferJson.line(transfer));
    }

    @Test
    void resumableIsAWordForScriptsAndAReasonForPeople() {
        Transfer transfer = new Transfer(8, URI.create("https://example.org/x"), "x", Path.of("/tmp"), Optional.empty(),
                TransferState.QUEUED, 0, Transfer.UNKNOWN_SIZE, Optional.empty(), Optional.empty(), Optional.empty(),
                "s", TransferKind.DOWNLOAD);

        assertTrue(TransferJson.line(transfer).endsWith(
                ",\"resumable\":{\"value\":\"unknown\",\"reason\":\"not known until the server answers\"},\"mirrors\":[]}"),
                TransferJson.line(transfer));
    }
}
