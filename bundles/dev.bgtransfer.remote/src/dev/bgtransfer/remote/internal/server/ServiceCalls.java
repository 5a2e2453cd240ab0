package dev.bgtransfer.remote.internal.server;

import java.net.PasswordAuthentication;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.remote.internal.wire.IdRuns;
import dev.bgtransfer.remote.internal.wire.JsonObject;
import dev.bgtransfer.remote.internal.wire.Message;
import dev.bgtransfer.remote.internal.wire.Op;
import dev.bgtransfer.remote.internal.wire.ValueCodec;

/**
 * One client's calls on the service: each {@link Op} turned into the API method it names, its
 * answer into JSON. The sessions the client opened are its handles, numbered in the order it asked
 * for them; a client that goes away leaves its sessions' transfers running.
 */
final class ServiceCalls {
    private final TransferService service;
    private final Subscriptions subscriptions;
    private final Map<Long, TransferSession> sessions = new HashMap<>();
    private long lastSession;

    ServiceCalls(TransferService service, Subscriptions subscriptions) {
        this.service = service;
        this.subscriptions = subscriptions;
    }

    /**
     * @return the answer to {@code call}, a JSON value or null
     * @throws RuntimeException what the service threw, or a
     *                          {@link dev.bgtransfer.remote.internal.wire.WireException} for a call it cannot read
     */
    Object answer(Op op, JsonObject call) {
        if (op.actsOnSession()) {
            return answer(op, session(call), call);
        }
        return switch (op) {
            case SESSION -> open(call);
            case ADD -> transfer(service.add(ValueCodec.transferRequest(call.object(Message.REQUEST))));
            case DOWNLOAD -> transfer(service.download(ValueCodec.transferRequest(call.object(Message.REQUEST))));
            case GET -> service.get(call.number(Message.ID)).map(ValueCodec::toJson).orElse(null);
            case TRANSFERS -> ValueCodec.toJson(service.transfers());
            case UNFINISHED -> ValueCodec.toJson(service.unfinished());
            case PAGE -> ValueCodec.toJson(service.transfers(call.number(Message.ID), (int) Math.min(Integer.MAX_VALUE,
                    call.number(Message.MAX))));
            case IDS -> IdRuns.toJson(service.ids());
            case START -> done(() -> service.start(call.number(Message.ID)));
            case PAUSE -> done(() -> service.pause(call.number(Message.ID)));
            case STOP -> done(() -> service.stop(call.number(Message.ID)));
            case AUTHENTICATE -> done(() -> service.authenticate(call.number(Message.ID), new PasswordAuthentication(
                    call.string(Message.USER), call.string(Message.PASSWORD).toCharArray())));
            case SET_HEADERS -> done(() -> service.setHeaders(call.number(Message.ID),
                    ValueCodec.headers(call, Message.HEADERS)));
            case CHANGE_URL -> transfer(service.changeUrl(call.number(Message.ID), ValueCodec.uri(call, Message.URL)));
            case TIMELINE -> ValueCodec.timelineToJson(service.timeline(call.number(Message.ID)));
            case REMOVE -> done(() -> service.remove(call.number(Message.ID), call.bool(Message.DELETE_FILE)));
            case START_ALL -> done(service::startAll);
            case PAUSE_ALL -> done(service::pauseAll);
            case STOP_ALL -> done(service::stopAll);
            case RESET_ALL -> done(service::resetAll);
            case OPTIONS -> ValueCodec.toJson(service.options());
            case SET_OPTIONS -> done(() -> service.setOptions(ValueCodec.options(call.object(Message.OPTIONS))));
            case OVERALL_LIMIT -> service.overallLimit().toText();
            case SET_OVERALL_LIMIT -> done(() -> service.setOverallLimit(RateSchedule.parse(call.string(Message.SCHEDULE))));
            case HOST_LIMITS -> service.hostLimits().entrySet().stream().map(entry -> new JsonObject()
                    .put(Message.HOST, entry.getKey()).put(Message.LIMIT, entry.getValue().bytesPerSecond())).toList();
            case SET_HOST_LIMIT -> done(() -> service.setHostLimit(call.string(Message.HOST),
                    RateLimit.of(call.number(Message.LIMIT))));
            case LIMITS_OF_SESSIONS -> service.sessionLimits().entrySet().stream().map(entry -> new JsonObject()
                    .put(Message.IDENTIFIER, entry.getKey()).put(Message.LIMIT, entry.getValue().bytesPerSecond())).toList();
            case LIMIT_OF_SESSION -> service.sessionLimit(call.string(Message.IDENTIFIER)).bytesPerSecond();
            case SET_LIMIT_OF_SESSION -> done(() -> service.setSessionLimit(call.string(Message.IDENTIFIER),
                    RateLimit.of(call.number(Message.LIMIT))));
            case RATE_LIMIT -> service.rateLimit(call.number(Message.ID)).bytesPerSecond();
            case SET_RATE_LIMIT -> done(() -> service.setRateLimit(call.number(Message.ID),
                    RateLimit.of(call.number(Message.LIMIT))));
            case SUBSCRIBE -> done(() -> subscriptions.subscribe(call.optionalString(Message.IDENTIFIER)));
            case UNSUBSCRIBE -> done(() -> subscriptions.unsubscribe(call.optionalString(Message.IDENTIFIER)));
            default -> throw new IllegalStateException(op.name()); // the session's, above
        };
    }

    private Object answer(Op op, TransferSession session, JsonObject call) {
        return switch (op) {
            case SESSION_CONFIGURATION -> ValueCodec.toJson(session.configuration());
            case SESSION_ADD -> transfer(session.add(ValueCodec.transferRequest(call.object(Message.REQUEST))));
            case SESSION_DOWNLOAD -> transfer(session.download(ValueCodec.transferRequest(call.object(Message.REQUEST))));
            case SESSION_DOWNLOAD_URL -> transfer(session.download(ValueCodec.uri(call, Message.URL)));
            case SESSION_UPLOAD -> transfer(session.upload(ValueCodec.uploadRequest(call.object(Message.UPLOAD))));
            case SESSION_ADD_UPLOAD -> transfer(session.add(ValueCodec.uploadRequest(call.object(Message.UPLOAD))));
            case SESSION_TRANSFERS -> ValueCodec.toJson(session.transfers());
            case SESSION_UNFINISHED -> ValueCodec.toJson(session.unfinished());
            case SESSION_START_ALL -> done(session::startAll);
            case SESSION_PAUSE_ALL -> done(session::pauseAll);
            case SESSION_STOP_ALL -> done(session::stopAll);
            case SESSION_RESET -> done(session::reset);
            case SESSION_INVALIDATE -> done(session::invalidate);
            default -> throw new IllegalStateException(op.name()); // the service's, above
        };
    }

    private Long open(JsonObject call) {
        TransferSession session = service.session(call.string(Message.IDENTIFIER),
                ValueCodec.configuration(call.object(Message.CONFIGURATION)));
        sessions.put(++lastSession, session);
        return lastSession;
    }

    private TransferSession session(JsonObject call) {
        long handle = call.number(Message.SESSION);
        return Optional.ofNullable(sessions.get(handle)).orElseThrow(
                () -> new IllegalStateException(NLS.bind(Messages.unknownSession, handle)));
    }

    private static JsonObject transfer(Transfer transfer) {
        return ValueCodec.toJson(transfer);
    }

    private static Object done(Runnable operation) {
        operation.run();
        return null;
    }
}
