package dev.bgtransfer.core;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.internal.RequestMessages;

/**
 * A bandwidth limit that depends on the time of day, such as "full speed 22:00–06:00, 1 MB/s
 * otherwise": {@code RateSchedule.of(RateLimit.of(1_000_000)).withWindow(LocalTime.of(22, 0),
 * LocalTime.of(6, 0), RateLimit.UNLIMITED)}. Times are the local time of the machine that runs the
 * transfers (the daemon's, for background sessions); the limit in force is looked at about once a
 * second, so a window that opens changes running transfers' speed within about a second.
 *
 * @param otherwise the limit outside every window
 * @param windows   the windows, the first that holds a time deciding
 */
public record RateSchedule(RateLimit otherwise, List<Window> windows) {

    /** No limit at any time. */
    public static final RateSchedule UNLIMITED = new RateSchedule(RateLimit.UNLIMITED, List.of());

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * From {@code start} (included) until {@code end} (excluded), local time; a window whose end is
     * earlier than its start crosses midnight ({@code 22:00-06:00}).
     *
     * @param limit the limit within the window
     */
    public record Window(LocalTime start, LocalTime end, RateLimit limit) {
        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(limit, "limit");
            if (start.equals(end)) {
                throw new IllegalArgumentException(NLS.bind(RequestMessages.rateWindowEmpty, start));
            }
        }

        /** @return whether {@code time} is within this window */
        public boolean contains(LocalTime time) {
            return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
        }
    }

    public RateSchedule {
        Objects.requireNonNull(otherwise, "otherwise");
        windows = List.copyOf(windows);
    }

    /** @return the same limit at every time */
    public static RateSchedule of(RateLimit limit) {
        return new RateSchedule(limit, List.of());
    }

    /** @return a copy with one more window, after those it has */
    public RateSchedule withWindow(LocalTime start, LocalTime end, RateLimit limit) {
        List<Window> more = new ArrayList<>(windows);
        more.add(new Window(start, end, limit));
        return new RateSchedule(otherwise, more);
    }

    /** @return the limit in force at {@code time}: the first window's that holds it, else {@link #otherwise()} */
    public RateLimit limitAt(LocalTime time) {
        return windows.stream().filter(window -> window.contains(time)).map(Window::limit).findFirst()
                .orElse(otherwise);
    }

    /**
     * @return the schedule in the text {@link #parse(String)} reads: the limit outside the windows in
     *         curl's syntax, then each window as {@code HH:mm-HH:mm=LIMIT}, separated by spaces; for
     *         example {@code 1m 22:00-06:00=0}
     */
    public String toText() {
        StringBuilder text = new StringBuilder(otherwise.toCurlSyntax());
        for (Window window : windows) {
            text.append(' ').append(HOURS_MINUTES.format(window.start())).append('-')
                    .append(HOURS_MINUTES.format(window.end())).append('=').append(window.limit().toCurlSyntax());
        }
        return text.toString();
    }

    /**
     * Reads what {@link #toText()} writes (a blank text is {@link #UNLIMITED}).
     *
     * @throws IllegalArgumentException with a sentence when the text is no schedule
     */
    public static RateSchedule parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return UNLIMITED;
        }
        RateSchedule schedule = of(RateLimit.parse(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            String[] window = parts[i].split("[-=]");
            if (window.length != 3) {
                throw new IllegalArgumentException(NLS.bind(RequestMessages.rateWindowUnreadable, parts[i]));
            }
            try {
                schedule = schedule.withWindow(LocalTime.parse(window[0], HOURS_MINUTES),
                        LocalTime.parse(window[1], HOURS_MINUTES), RateLimit.parse(window[2]));
            } catch (DateTimeParseException notTime) {
                throw new IllegalArgumentException(NLS.bind(RequestMessages.rateWindowUnreadable, parts[i]));
            }
        }
        return schedule;
    }

    /** @return for a person, for example "1 MB/s; 22:00-06:00: unlimited" */
    public String describe() {
        return Stream.concat(Stream.of(otherwise.describe()), windows.stream()
                .map(window -> NLS.bind(RequestMessages.rateWindow, new Object[] { HOURS_MINUTES.format(window.start()),
                        HOURS_MINUTES.format(window.end()), window.limit().describe() })))
                .collect(Collectors.joining("; "));
    }
}
