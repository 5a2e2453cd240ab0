package dev.bgtransfer.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

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
                Optional.empty(), "my.session", TransferKind.UPLOAD);

        assertEquals("{\"id\":7,\"kind\":\"upload\",\"state\":\"FAILED\",\"bytes\":10,\"total\":null,"
                + "\"url\":\"https://example.org/a%20b?x=1\",\"title\":\"say \\\"hi\\\"\\\\\\n\\ttab\\u0001\","
                + "\"folder\":\"/tmp/f\\\"older\",\"file\":null,\"session\":\"my.session\",\"sha256\":null,"
                + "\"failure\":{\"kind\":\"HTTP_STATUS\",\"message\":\"The server said \\\"no\\\".\"}}", TransferJson.line(transfer));
    }
}
