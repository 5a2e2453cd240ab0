package dev.bgtransfer.remote.internal.wire;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferState;

/** {@link TransferEvent}s as JSON: {@code {"type": "Progress", "transfer": {...}}}, and so on. */
public final class EventCodec {
    private static final String TYPE = "type";
    private static final String TRANSFER = "transfer";
    private static final String PREVIOUS = "previous";
    private static final String SESSION = "session";
    private static final String COMPLETED = "completed";
    private static final String FAILED = "failed";

    private EventCodec() {
    }

    public static JsonObject toJson(TransferEvent event) {
        JsonObject json = new JsonObject().put(TYPE, event.getClass().getSimpleName());
        return switch (event) {
            case TransferEvent.Added added -> json.put(TRANSFER, ValueCodec.toJson(added.transfer()));
            case TransferEvent.StateChanged changed -> json.put(TRANSFER, ValueCodec.toJson(changed.transfer()))
                    .put(PREVIOUS, changed.previous().name());
            case TransferEvent.Progress progress -> json.put(TRANSFER, ValueCodec.toJson(progress.transfer()));
            case TransferEvent.Completed completed -> json.put(TRANSFER, ValueCodec.toJson(completed.transfer()));
            case TransferEvent.Failed failed -> json.put(TRANSFER, ValueCodec.toJson(failed.transfer()));
            case TransferEvent.Removed removed -> json.put(TRANSFER, ValueCodec.toJson(removed.transfer()));
            case TransferEvent.AllFinished finished -> json.put(SESSION, finished.session())
                    .put(COMPLETED, ValueCodec.toJson(finished.completed()))
                    .put(FAILED, ValueCodec.toJson(finished.failed()));
        };
    }

    public static TransferEvent event(JsonObject json) {
        String type = json.string(TYPE);
        if (type.equals(TransferEvent.AllFinished.class.getSimpleName())) {
            return new TransferEvent.AllFinished(json.string(SESSION),
                    json.list(COMPLETED, JsonObject.class, ValueCodec::transfer),
                    json.list(FAILED, JsonObject.class, ValueCodec::transfer));
        }
        Transfer transfer = ValueCodec.transfer(json.object(TRANSFER));
        return switch (type) {
            case "Added" -> new TransferEvent.Added(transfer);
            case "StateChanged" -> new TransferEvent.StateChanged(transfer, json.constant(PREVIOUS, TransferState.class));
            case "Progress" -> new TransferEvent.Progress(transfer);
            case "Completed" -> new TransferEvent.Completed(transfer);
            case "Failed" -> new TransferEvent.Failed(transfer);
            case "Removed" -> new TransferEvent.Removed(transfer);
            default -> throw new WireException(NLS.bind(Messages.fieldConstant, TYPE, type));
        };
    }
}
