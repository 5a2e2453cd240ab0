package dev.bgtransfer.remote.internal.wire;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.Resumability;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.core.UploadRequest;

/**
 * The API's values as JSON: records as objects with their components' names, an empty
 * {@link Optional} as a missing field, paths and URIs as their strings, instants and durations in
 * ISO-8601, enum constants by name. Decoding builds the records through their constructors, so a
 * value that breaks a record's rules is refused as the API refuses it.
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    public static JsonObject toJson(Transfer transfer) {
        return new JsonObject().put("id", transfer.id()).put("url", transfer.url().toString())
                .put("title", transfer.title()).put("destinationFolder", transfer.destinationFolder().toString())
                .putIfPresent("file", transfer.file().map(Path::toString)).put("state", transfer.state().name())
                .put("bytesReceived", transfer.bytesReceived()).put("totalBytes", transfer.totalBytes())
                .putIfPresent("sha256", transfer.sha256()).putIfPresent("failure", transfer.failure().map(ValueCodec::toJson))
                .putIfPresent("nextRetry", transfer.nextRetry().map(Instant::toString)).put("session", transfer.session())
                .put("kind", transfer.kind().name()).put("resumability", transfer.resumability().name())
                .put("mirrors", urlsToJson(transfer.mirrors()));
    }

    public static Transfer transfer(JsonObject json) {
        return new Transfer(json.number("id"), uri(json, "url"), json.string("title"),
                Path.of(json.string("destinationFolder")), json.optionalString("file").map(Path::of),
                json.constant("state", TransferState.class), json.number("bytesReceived"), json.number("totalBytes"),
                json.optionalString("sha256"), json.optionalObject("failure").map(ValueCodec::failure),
                json.optionalString("nextRetry").map(text -> parse(text, "nextRetry", Instant::parse)),
                json.string("session"), json.constant("kind", TransferKind.class),
                json.has("resumability") ? json.constant("resumability", Resumability.class)
                        : Resumability.NOT_ASKED_YET,
                urls(json, "mirrors"));
    }

    /** @return {@code urls} as a JSON array of strings */
    public static List<Object> urlsToJson(List<URI> urls) {
        return urls.stream().<Object>map(URI::toString).toList();
    }

    /** @return the URLs of the array {@code name}; none when it is missing */
    private static List<URI> urls(JsonObject json, String name) {
        return json.has(name) ? json.list(name, String.class, text -> parse(text, name, URI::create)) : List.of();
    }

    /** @return the transfers of the array {@code transfers} */
    public static List<Transfer> transfers(List<?> transfers) {
        return JsonObject.listOf(transfers, JsonObject.class, ValueCodec::transfer, "transfers");
    }

    /** @return {@code transfers} as a JSON array */
    public static List<Object> toJson(List<Transfer> transfers) {
        return transfers.stream().<Object>map(ValueCodec::toJson).toList();
    }

    /** @return {@code headers} as a JSON array of {@code {"name", "value"}} */
    public static List<Object> headersToJson(List<RequestHeader> headers) {
        return headers.stream().<Object>map(header -> new JsonObject().put("name", header.name())
                .put("value", header.value())).toList();
    }

    /** @return the headers of the array {@code headers}, each checked as the service checks them */
    public static List<RequestHeader> headers(JsonObject json, String name) {
        return json.list(name, JsonObject.class, header -> new RequestHeader(header.string("name"),
                header.string("value")));
    }

    /** @return the entry with its kind by name and its facts as an object of strings, in their order */
    public static JsonObject toJson(TimelineEntry entry) {
        JsonObject facts = new JsonObject();
        entry.facts().forEach(facts::put);
        return new JsonObject().put("transferId", entry.transferId()).put("sequence", entry.sequence())
                .put("time", entry.time().toString()).put("kind", entry.kind().name()).put("facts", facts);
    }

    public static TimelineEntry timelineEntry(JsonObject json) {
        Map<String, String> facts = new LinkedHashMap<>();
        JsonObject object = json.object("facts");
        object.fields().keySet().forEach(name -> facts.put(name, object.string(name)));
        return new TimelineEntry(json.number("transferId"), json.number("sequence"),
                parse(json.string("time"), "time", Instant::parse), json.constant("kind", TimelineEntry.Kind.class),
                facts);
    }

    /** @return {@code entries} as a JSON array */
    public static List<Object> timelineToJson(List<TimelineEntry> entries) {
        return entries.stream().<Object>map(ValueCodec::toJson).toList();
    }

    /** @return the entries of the array {@code entries} */
    public static List<TimelineEntry> timeline(List<?> entries) {
        return JsonObject.listOf(entries, JsonObject.class, ValueCodec::timelineEntry, "timeline");
    }

    public static JsonObject toJson(TransferFailure failure) {
        return new JsonObject().put("kind", failure.kind().name()).put("message", failure.message());
    }

    public static TransferFailure failure(JsonObject json) {
        return new TransferFailure(json.constant("kind", TransferFailure.Kind.class), json.string("message"));
    }

    public static JsonObject toJson(TransferRequest request) {
        return new JsonObject().put("url", request.url().toString()).put("title", request.title())
                .put("destinationFolder", request.destinationFolder().toString())
                .putIfPresent("expectedSha256", request.expectedSha256())
                .putIfPresent("fileName", request.fileName()).put("mirrors", urlsToJson(request.mirrors()));
    }

    public static TransferRequest transferRequest(JsonObject json) {
        return new TransferRequest(uri(json, "url"), json.string("title"), Path.of(json.string("destinationFolder")),
                json.optionalString("expectedSha256"), json.optionalString("fileName"), urls(json, "mirrors"));
    }

    public static JsonObject toJson(UploadRequest request) {
        return new JsonObject().put("file", request.file().toString()).put("url", request.url().toString())
                .put("method", request.method()).put("title", request.title()).put("resumable", request.resumable());
    }

    public static UploadRequest uploadRequest(JsonObject json) {
        return new UploadRequest(Path.of(json.string("file")), uri(json, "url"), json.string("method"),
                json.string("title"), json.bool("resumable"));
    }

    public static JsonObject toJson(SessionConfiguration configuration) {
        return new JsonObject().put("kind", configuration.kind().name()).put("options", toJson(configuration.options()))
                .put("announcesAllFinished", configuration.announcesAllFinished())
                .putIfPresent("downloadFolder", configuration.downloadFolder().map(Path::toString));
    }

    public static SessionConfiguration configuration(JsonObject json) {
        return new SessionConfiguration(json.constant("kind", SessionKind.class), options(json.object("options")),
                json.bool("announcesAllFinished"), json.optionalString("downloadFolder").map(Path::of));
    }

    public static JsonObject toJson(TransferOptions options) {
        return new JsonObject().put("maxConnectionsPerHost", (long) options.maxConnectionsPerHost())
                .put("connectTimeout", options.connectTimeout().toString())
                .put("stallTimeout", options.stallTimeout().toString()).put("maxRedirects", (long) options.maxRedirects())
                .put("maxRetries", (long) options.maxRetries())
                .put("firstRetryDelay", options.firstRetryDelay().toString())
                .put("minimumSpeed", options.minimumSpeed()).put("speedWindow", options.speedWindow().toString())
                .putIfPresent("maxSpaceWait", options.maxSpaceWait().map(Duration::toString))
                .put("onlyResumable", options.onlyResumable());
    }

    public static TransferOptions options(JsonObject json) {
        return new TransferOptions(integer(json, "maxConnectionsPerHost"), duration(json, "connectTimeout"),
                duration(json, "stallTimeout"), integer(json, "maxRedirects"), integer(json, "maxRetries"),
                duration(json, "firstRetryDelay"), json.number("minimumSpeed"), duration(json, "speedWindow"),
                json.optionalString("maxSpaceWait").map(text -> parse(text, "maxSpaceWait", Duration::parse)),
                json.has("onlyResumable") && json.bool("onlyResumable"));
    }

    /** @return the URI of the field {@code name} */
    public static URI uri(JsonObject json, String name) {
        return parse(json.string(name), name, URI::create);
    }

    private static Duration duration(JsonObject json, String name) {
        return parse(json.string(name), name, Duration::parse);
    }

    private static int integer(JsonObject json, String name) {
        long value = json.number(name);
        if (value != (int) value) {
            throw new WireException(NLS.bind(Messages.fieldType, name, "int"));
        }
        return (int) value;
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String text, String name, Parser<T> parser) {
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            throw new WireException(NLS.bind(Messages.fieldMalformed, name, text));
        }
    }
}
