package dev.bgtransfer.cli.internal;

import java.util.Locale;

import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.remote.internal.wire.Json;
import dev.bgtransfer.remote.internal.wire.JsonObject;

/**
 * A transfer as one line of JSON, for scripts ({@code list --json}): {@code id}, {@code kind}
 * ({@code download} or {@code upload}), {@code state}, {@code bytes}, {@code total} ({@code null} when
 * unknown), {@code url}, {@code title}, {@code folder}, {@code file}, {@code session}, {@code sha256}
 * and {@code failure} (an object of {@code kind} and {@code message}), {@code null} where there is none;
 * then {@code resumable}, an object of {@code value} ({@code yes}, {@code no} or {@code unknown}) and
 * {@code reason} (a phrase for people); then {@code mirrors}, an array of the other URLs of the same
 * file (empty when there are none).
 * Keys keep this order; a later version may add keys, never change these. Written by the JSON writer
 * of the daemon's wire, but not the wire's form of a transfer, which may change with the wire.
 */
final class TransferJson {

    private TransferJson() {
    }

    static String line(Transfer transfer) {
        JsonObject json = new JsonObject();
        json.put("id", transfer.id());
        json.put("kind", transfer.kind().name().toLowerCase(Locale.ROOT));
        json.put("state", transfer.state().name());
        json.put("bytes", transfer.bytesReceived());
        json.put("total", transfer.isSizeKnown() ? transfer.totalBytes() : null);
        json.put("url", transfer.url().toString());
        json.put("title", transfer.title());
        json.put("folder", transfer.destinationFolder().toString());
        json.put("file", transfer.file().map(Object::toString).orElse(null));
        json.put("session", transfer.session());
        json.put("sha256", transfer.sha256().orElse(null));
        json.put("failure", transfer.failure().map(TransferJson::failure).orElse(null));
        json.put("resumable", new JsonObject().put("value", resumable(transfer.resumability()))
                .put("reason", transfer.resumability().reason()));
        json.put("mirrors", transfer.mirrors().stream().<Object>map(Object::toString).toList());
        return Json.write(json);
    }

    /** @return {@code yes}, {@code no} or {@code unknown}: a word for scripts, as {@code list} prints it */
    static String resumable(Resumability resumability) {
        return resumability.value().name().toLowerCase(Locale.ROOT);
    }

    private static JsonObject failure(TransferFailure failure) {
        return new JsonObject().put("kind", failure.kind().name()).put("message", failure.message());
    }
}
