package dev.bgtransfer.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.bgtransfer.core.TimelineEntry;

/**
 * The rows of the {@code timeline} table: one per entry, keyed by transfer and sequence. The facts
 * are one text, a line {@code name<TAB>value} each, with backslash, tab and line breaks of a value
 * escaped, so that an entry costs one row rather than one per fact.
 */
final class TimelineRows {
    static final String INSERT = "INSERT OR REPLACE INTO timeline (transfer_id, sequence, time, kind, facts)"
            + " VALUES (?, ?, ?, ?, ?)";
    /** Keeps the first entries and the latest, {@link TimelineEntry#MAX_KEPT} in all (see TimelineEntry). */
    static final String TRIM = "DELETE FROM timeline WHERE transfer_id = ? AND sequence > "
            + TimelineEntry.FIRST_KEPT + " AND sequence <= ? - " + (TimelineEntry.MAX_KEPT - TimelineEntry.FIRST_KEPT);
    static final String SELECT = "SELECT sequence, time, kind, facts FROM timeline WHERE transfer_id = ?"
            + " ORDER BY sequence";
    static final String LAST = "SELECT MAX(sequence) FROM timeline WHERE transfer_id = ?";
    static final String DELETE = "DELETE FROM timeline WHERE transfer_id = ?";
    static final String CLEAR = "DELETE FROM timeline";

    private TimelineRows() {
    }

    static void bind(PreparedStatement insert, TimelineEntry entry) throws SQLException {
        insert.setLong(1, entry.transferId());
        insert.setLong(2, entry.sequence());
        insert.setString(3, entry.time().toString());
        insert.setString(4, entry.kind().name());
        insert.setString(5, facts(entry.facts()));
    }

    /**
     * @return the entry of the current row of transfer {@code transferId}
     * @throws IllegalArgumentException when the row names a kind this version does not know (a newer
     *                                  version wrote it) or its time is unreadable
     */
    static TimelineEntry read(long transferId, ResultSet row) throws SQLException {
        return new TimelineEntry(transferId, row.getLong("sequence"), Instant.parse(row.getString("time")),
                TimelineEntry.Kind.valueOf(row.getString("kind")), facts(row.getString("facts")));
    }

    static String facts(Map<String, String> facts) {
        StringBuilder text = new StringBuilder();
        facts.forEach((name, value) -> {
            escape(name, text);
            text.append('\t');
            escape(value, text);
            text.append('\n');
        });
        return text.toString();
    }

    static Map<String, String> facts(String text) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                facts.put(unescape(line.substring(0, tab)), unescape(line.substring(tab + 1)));
            }
        }
        return facts;
    }

    private static void escape(String text, StringBuilder into) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> into.append("\\\\");
                case '\t' -> into.append("\\t");
                case '\n' -> into.append("\\n");
                case '\r' -> into.append("\\r");
                default -> into.append(c);
            }
        }
    }

    private static String unescape(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                plain.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
