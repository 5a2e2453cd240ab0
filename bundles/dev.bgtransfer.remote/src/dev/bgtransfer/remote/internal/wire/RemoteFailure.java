package dev.bgtransfer.remote.internal.wire;

import java.util.function.Function;

/**
 * An exception the service threw, as it travels: its type among those the API documents, and its
 * message, the sentence a person reads. The client throws an exception of the same type with the
 * same message; a type the wire does not know arrives as an {@link IllegalStateException}.
 */
public final class RemoteFailure {
    private static final String TYPE = "type";
    private static final String MESSAGE = "message";

    private enum Type {
        ILLEGAL_ARGUMENT(IllegalArgumentException::new),
        ILLEGAL_STATE(IllegalStateException::new),
        NULL_POINTER(NullPointerException::new),
        UNSUPPORTED_OPERATION(UnsupportedOperationException::new),
        OTHER(IllegalStateException::new);

        private final Function<String, RuntimeException> create;

        Type(Function<String, RuntimeException> create) {
            this.create = create;
        }

        static Type of(RuntimeException thrown) {
            return switch (thrown) {
                case IllegalArgumentException argument -> ILLEGAL_ARGUMENT;
                case IllegalStateException state -> ILLEGAL_STATE;
                case NullPointerException nothing -> NULL_POINTER;
                case UnsupportedOperationException unsupported -> UNSUPPORTED_OPERATION;
                default -> OTHER;
            };
        }
    }

    private RemoteFailure() {
    }

    static JsonObject toJson(RuntimeException thrown) {
        return new JsonObject().put(TYPE, Type.of(thrown).name()).put(MESSAGE, thrown.getMessage());
    }

    /** @return the exception {@code failure} describes, to be thrown in the caller's thread */
    public static RuntimeException toException(JsonObject failure) {
        Type type;
        try {
            type = failure.constant(TYPE, Type.class);
        } catch (WireException unknown) {
            type = Type.OTHER;
        }
        return type.create.apply(failure.optionalString(MESSAGE).orElse(null));
    }
}
