package dev.bgtransfer.remote.internal.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.remote.internal.wire.IdRuns;
import dev.bgtransfer.remote.internal.wire.JsonObject;
import dev.bgtransfer.remote.internal.wire.Message;
import dev.bgtransfer.remote.internal.wire.ValueCodec;
import dev.bgtransfer.remote.internal.wire.WireException;

/** The values of the server's answers, read as the API's types; what does not fit is a {@link WireException}. */
final class Answers {

    private Answers() {
    }

    static Transfer transfer(Object value) {
        return ValueCodec.transfer(as(value, JsonObject.class));
    }

    static Optional<Transfer> optionalTransfer(Object value) {
        return Optional.ofNullable(value).map(Answers::transfer);
    }

    static List<Transfer> transfers(Object value) {
        return ValueCodec.transfers(as(value, List.class));
    }

    static List<TimelineEntry> timeline(Object value) {
        return ValueCodec.timeline(as(value, List.class));
    }

    static long[] ids(Object value) {
        return IdRuns.fromJson(as(value, List.class));
    }

    static long number(Object value) {
        return as(value, Long.class);
    }

    static String string(Object value) {
        return as(value, String.class);
    }

    static Map<String, RateLimit> hostLimits(Object value) {
        return limits(value, Message.HOST);
    }

    static Map<String, RateLimit> sessionLimits(Object value) {
        return limits(value, Message.IDENTIFIER);
    }

    /** @return a list of objects with {@code key} and {@link Message#LIMIT}, as a map of the one to the other */
    private static Map<String, RateLimit> limits(Object value, String key) {
        Map<String, RateLimit> limits = new TreeMap<>();
        JsonObject.listOf(as(value, List.class), JsonObject.class, entry -> limits.put(entry.string(key),
                RateLimit.of(entry.number(Message.LIMIT))), key);
        return limits;
    }

    static TransferOptions options(Object value) {
        return ValueCodec.options(as(value, JsonObject.class));
    }

    static SessionConfiguration configuration(Object value) {
        return ValueCodec.configuration(as(value, JsonObject.class));
    }

    private static <T> T as(Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new WireException(NLS.bind(Messages.answerType, type.getSimpleName()));
        }
        return type.cast(value);
    }
}
