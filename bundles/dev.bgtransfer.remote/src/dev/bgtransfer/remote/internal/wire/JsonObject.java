package dev.bgtransfer.remote.internal.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.osgi.util.NLS;

/**
 * A JSON object, built field by field and read with the type each field must have: a missing or
 * mistyped field is a {@link WireException} naming it, never a {@link ClassCastException}.
 */
public final class JsonObject {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Sets {@code name} to {@code value}: a String, Long, Integer, Boolean, JsonObject, List or null. */
    public JsonObject put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** Sets {@code name} only when {@code value} is present: an absent field is an empty Optional. */
    public JsonObject putIfPresent(String name, Optional<?> value) {
        value.ifPresent(present -> fields.put(name, present));
        return this;
    }

    Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** @return whether the field is there and not {@code null} */
    public boolean has(String name) {
        return fields.get(name) != null;
    }

    /** @return the field's value as it was parsed, or null */
    public Object value(String name) {
        return fields.get(name);
    }

    public String string(String name) {
        return required(name, String.class);
    }

    public Optional<String> optionalString(String name) {
        return optional(name, String.class);
    }

    public long number(String name) {
        return required(name, Long.class);
    }

    public boolean bool(String name) {
        return required(name, Boolean.class);
    }

    public JsonObject object(String name) {
        return required(name, JsonObject.class);
    }

    public Optional<JsonObject> optionalObject(String name) {
        return optional(name, JsonObject.class);
    }

    /** @return the array {@code name}, each element read by {@code element} as {@code type} */
    public <E, T> List<T> list(String name, Class<E> type, Function<E, T> element) {
        return listOf(required(name, List.class), type, element, name);
    }

    /** @return {@code array} with each element read by {@code element} as {@code type} */
    public static <E, T> List<T> listOf(List<?> array, Class<E> type, Function<E, T> element, String what) {
        List<T> values = new ArrayList<>(array.size());
        for (Object item : array) {
            if (!type.isInstance(item)) {
                throw new WireException(NLS.bind(Messages.fieldType, what, type.getSimpleName()));
            }
            values.add(element.apply(type.cast(item)));
        }
        return values;
    }

    /** @return the enum constant the field names */
    public <E extends Enum<E>> E constant(String name, Class<E> type) {
        String value = string(name);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw new WireException(NLS.bind(Messages.fieldConstant, name, value));
        }
    }

    private <T> T required(String name, Class<T> type) {
        return optional(name, type).orElseThrow(() -> new WireException(NLS.bind(Messages.fieldMissing, name)));
    }

    private <T> Optional<T> optional(String name, Class<T> type) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            throw new WireException(NLS.bind(Messages.fieldType, name, type.getSimpleName()));
        }
        return Optional.of(type.cast(value));
    }

    @Override
    public String toString() {
        return Json.write(this);
    }
}
