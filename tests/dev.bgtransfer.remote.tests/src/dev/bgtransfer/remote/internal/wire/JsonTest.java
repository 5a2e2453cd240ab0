package dev.bgtransfer.remote.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The JSON of the wire: what it writes it reads back, and what is no JSON of it is refused with a reason. */
class JsonTest {

    @Test
    void textsWithEveryKindOfCharacterComeBackTheSame() {
        String text = "quote \" backslash \\ slash / tab \t newline \n return \r bell \u0007 é 漢字 😀 \u2028";
        JsonObject written = new JsonObject().put("text", text);

        JsonObject read = (JsonObject) Json.parse(Json.write(written));

        assertEquals(text, read.string("text"));
    }

    @Test
    void nestedValuesComeBackTheSame() {
        JsonObject written = new JsonObject().put("long", Long.MIN_VALUE).put("max", Long.MAX_VALUE)
                .put("true", true).put("false", false).put("null", null)
                .put("list", List.of(1L, "two", List.of(), new JsonObject().put("x", 3L)));

        String json = Json.write(written);
        JsonObject read = (JsonObject) Json.parse(json);

        assertEquals(json, Json.write(read));
        assertEquals(Long.MIN_VALUE, read.number("long"));
        assertEquals(false, read.bool("false"));
        JsonObject inner = (JsonObject) read.list("list", Object.class, value -> value).get(3);
        assertEquals(3L, inner.number("x"));
    }

    @Test
    void whitespaceAndEscapesOfOtherWritersAreRead() {
        JsonObject read = (JsonObject) Json.parse(" {\n \"a\" : [ 1 , 2 ] ,\t\"b\":\"\\u00e9\\/\\b\\f\" } ");

        assertEquals(List.of(1L, 2L), read.list("a", Long.class, value -> value));
        assertEquals("é/\b\f", read.string("b"));
    }

    @Test
    void whatIsNoJsonOfTheWireIsRefusedWithTheReason() {
        assertEquals("a number with a fraction or an exponent (at 6); this wire has integers only",
                assertThrows(WireException.class, () -> Json.parse("{\"a\":1.5}")).getMessage());
        assertEquals("more text after the JSON value (at 3)",
                assertThrows(WireException.class, () -> Json.parse("{} x")).getMessage());
        assertThrows(WireException.class, () -> Json.parse("{\"a\":\"unterminated}"));
        assertThrows(WireException.class, () -> Json.parse("{\"a\":tru}"));
        assertThrows(WireException.class, () -> Json.parse("[1,]"));
        assertThrows(WireException.class, () -> Json.parse("99999999999999999999"));
        assertThrows(WireException.class, () -> Json.parse("[".repeat(100) + "]".repeat(100)));
    }

    @Test
    void aFieldOfAnotherTypeOrMissingIsNamed() {
        JsonObject object = (JsonObject) Json.parse("{\"id\":\"seven\",\"state\":\"ASLEEP\"}");

        assertEquals("the field \"id\" is not of type Long",
                assertThrows(WireException.class, () -> object.number("id")).getMessage());
        assertEquals("the field \"url\" is missing",
                assertThrows(WireException.class, () -> object.string("url")).getMessage());
        assertEquals("the field \"state\" has an unknown value, \"ASLEEP\"", assertThrows(WireException.class,
                () -> object.constant("state", dev.bgtransfer.core.TransferState.class)).getMessage());
    }
}
