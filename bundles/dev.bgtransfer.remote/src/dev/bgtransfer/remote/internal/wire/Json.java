package dev.bgtransfer.remote.internal.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;

/**
 * The JSON this wire needs (RFC 8259 without fractions): objects ({@link JsonObject}), arrays
 * ({@link List}), strings, integers ({@link Long}), booleans and {@code null}. Every number the API
 * carries is a count, an id or a size; durations and instants travel as ISO-8601 strings.
 */
public final class Json {
    private static final int MAX_DEPTH = 32;

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /**
     * @return the value {@code text} holds
     * @throws WireException when it is no JSON this wire speaks
     */
    public static Object parse(String text) {
        Json parser = new Json(text);
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw parser.error(Messages.jsonTrailing);
        }
        return value;
    }

    /** @return {@code value} as JSON text */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String string -> writeString(string, out);
            case Long number -> out.append(number.longValue());
            case Integer number -> out.append(number.intValue());
            case Boolean bool -> out.append(bool.booleanValue());
            case JsonObject object -> writeObject(object.fields(), out);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("Not a value of the wire: " + value.getClass());
        }
    }

    private static void writeObject(Map<String, Object> fields, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(field.getKey(), out);
            out.append(':');
            write(field.getValue(), out);
        }
        out.append('}');
    }

    private static void writeString(String string, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c); // a lone surrogate stays as it is; UTF-8 encoding then replaces it
                    }
                }
            }
        }
        out.append('"');
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error(Messages.jsonTooDeep);
        }
        skipWhitespace();
        if (position >= text.length()) {
            throw error(Messages.jsonEnd);
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error(Messages.jsonUnexpected);
            }
        };
    }

    private JsonObject object(int depth) {
        JsonObject object = new JsonObject();
        position++; // {
        skipWhitespace();
        if (consume('}')) {
            return object;
        }
        do {
            skipWhitespace();
            if (position >= text.length() || text.charAt(position) != '"') {
                throw error(Messages.jsonUnexpected);
            }
            String name = string();
            skipWhitespace();
            expect(':');
            object.put(name, value(depth + 1));
            skipWhitespace();
        } while (consume(','));
        expect('}');
        return object;
    }

    private List<Object> array(int depth) {
        List<Object> list = new ArrayList<>();
        position++; // [
        skipWhitespace();
        if (consume(']')) {
            return list;
        }
        do {
            list.add(value(depth + 1));
            skipWhitespace();
        } while (consume(','));
        expect(']');
        return list;
    }

    private String string() {
        position++; // "
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error(Messages.jsonUnexpected);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                break;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw error(Messages.jsonEnd);
                    }
                    try {
                        out.append((char) Integer.parseInt(text, position, position + 4, 16));
                    } catch (NumberFormatException notHex) {
                        throw error(Messages.jsonUnexpected);
                    }
                    position += 4;
                }
                default -> throw error(Messages.jsonUnexpected);
            }
        }
        throw error(Messages.jsonEnd);
    }

    private Long number() {
        int start = position;
        if (text.charAt(position) == '-') {
            position++;
        }
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (position < text.length() && ".eE".indexOf(text.charAt(position)) >= 0) {
            throw error(Messages.jsonFraction);
        }
        try {
            return Long.valueOf(text.substring(start, position));
        } catch (NumberFormatException notALong) {
            throw error(Messages.jsonUnexpected);
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error(Messages.jsonUnexpected);
        }
        position += word.length();
        return value;
    }

    private boolean consume(char c) {
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error(position >= text.length() ? Messages.jsonEnd : Messages.jsonUnexpected);
        }
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private WireException error(String message) {
        return new WireException(NLS.bind(message, position));
    }
}
