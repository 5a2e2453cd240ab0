package dev.bgtransfer.ui.internal.preferences;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;

/**
 * The overall bandwidth limit, with one time window of its own ("full speed 22:00–06:00, 1 MB/s
 * otherwise"), and the limits per host ({@link HostLimitsField}), typed in KB/s (1000 bytes, as the view
 * shows speeds). The page hands the schedule to
 * the service ({@code TransferService.setOverallLimit}), which keeps it and, in a workbench with the
 * per-user service, sets it there too; a schedule of more windows, set by another bundle, shows its
 * first and is kept as it is unless the person changes a field.
 */
final class BandwidthGroup {
    private static final long KILOBYTE = 1000;
    /** [x] Between [from] and [until] limit them to: [limit] */
    private static final int COLUMNS = 7;
    /** 10 GB/s: a higher limit is a typing mistake. */
    static final long MAX_KILOBYTES = 10_000_000;
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm"); //$NON-NLS-1$

    private final Text limit;
    private final Button windowed;
    private final Text from;
    private final Text until;
    private final Text windowLimit;
    private final HostLimitsField hosts;
    private final Consumer<Optional<String>> validity;
    private RateSchedule loaded = RateSchedule.UNLIMITED;
    private boolean changed;

    /** @param validity hears the sentence of what is wrong, or empty when every field reads */
    BandwidthGroup(Composite parent, Consumer<Optional<String>> validity) {
        this.validity = validity;
        Group group = new Group(parent, SWT.NONE);
        group.setText(Messages.bandwidthGroup);
        GridDataFactory.fillDefaults().grab(true, false).indent(0, 12).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(COLUMNS).applyTo(group);

        new Label(group, SWT.NONE).setText(Messages.bandwidthLimit);
        limit = number(group, COLUMNS - 1);

        windowed = new Button(group, SWT.CHECK);
        windowed.setText(Messages.bandwidthWindow);
        from = time(group);
        new Label(group, SWT.NONE).setText(Messages.bandwidthUntil);
        until = time(group);
        new Label(group, SWT.NONE).setText(Messages.bandwidthWindowLimit);
        windowLimit = number(group, 2);
        Label help = new Label(group, SWT.WRAP);
        help.setText(Messages.bandwidthHelp);
        GridDataFactory.fillDefaults().span(COLUMNS, 1).grab(true, false).hint(300, SWT.DEFAULT).applyTo(help);
        hosts = new HostLimitsField(group, COLUMNS, this::edited);
        windowed.addListener(SWT.Selection, event -> edited());
        show(RateSchedule.UNLIMITED);
    }

    /** @param span the columns it takes, the rest of its row */
    private Text number(Composite group, int span) {
        Text text = new Text(group, SWT.BORDER | SWT.RIGHT);
        GridDataFactory.swtDefaults().span(span, 1).hint(80, SWT.DEFAULT).applyTo(text);
        text.addListener(SWT.Modify, event -> edited());
        return text;
    }

    private Text time(Composite group) {
        Text text = new Text(group, SWT.BORDER);
        GridDataFactory.swtDefaults().hint(50, SWT.DEFAULT).applyTo(text);
        text.setMessage("HH:mm"); //$NON-NLS-1$
        text.addListener(SWT.Modify, event -> edited());
        return text;
    }

    /** Shows {@code schedule}: its limit outside windows, and its first window. */
    void show(RateSchedule schedule) {
        loaded = schedule;
        limit.setText(Long.toString(schedule.otherwise().bytesPerSecond() / KILOBYTE));
        Optional<RateSchedule.Window> first = schedule.windows().stream().findFirst();
        windowed.setSelection(first.isPresent());
        from.setText(first.map(window -> HOURS_MINUTES.format(window.start())).orElse("22:00")); //$NON-NLS-1$
        until.setText(first.map(window -> HOURS_MINUTES.format(window.end())).orElse("06:00")); //$NON-NLS-1$
        windowLimit.setText(Long.toString(first.map(window -> window.limit().bytesPerSecond()).orElse(0L) / KILOBYTE));
        changed = false;
        edited();
        changed = false;
    }

    private void edited() {
        changed = true;
        from.setEnabled(windowed.getSelection());
        until.setEnabled(windowed.getSelection());
        windowLimit.setEnabled(windowed.getSelection());
        try {
            read();
            if (hosts != null) {
                hosts.read();
            }
            validity.accept(Optional.empty());
        } catch (IllegalArgumentException wrong) {
            validity.accept(Optional.of(wrong.getMessage()));
        }
    }

    /** Shows the limits per host, as the service keeps them. */
    void showHosts(Map<String, RateLimit> limits) {
        hosts.show(limits);
    }

    /** Shows no limit, as Restore Defaults does, to be set at OK. */
    void showDefault() {
        show(RateSchedule.UNLIMITED);
        hosts.show(Map.of());
        changed = true;
    }

    /**
     * @return what to set for each host whose limit the person changed: a host taken out is
     *         {@link RateLimit#UNLIMITED}; empty when nothing changed
     */
    Map<String, RateLimit> changedHosts() {
        Map<String, RateLimit> wanted = hosts.read();
        Map<String, RateLimit> changes = new TreeMap<>();
        hosts.loaded().keySet().stream().filter(host -> !wanted.containsKey(host))
                .forEach(host -> changes.put(host, RateLimit.UNLIMITED));
        wanted.forEach((host, limit) -> {
            if (!limit.equals(hosts.loaded().get(host))) {
                changes.put(host, limit);
            }
        });
        return changes;
    }

    /** @return the schedule the fields say, when the person changed them */
    Optional<RateSchedule> changedSchedule() {
        return changed ? Optional.of(read()) : Optional.empty();
    }

    /** @throws IllegalArgumentException with a sentence for the field that does not read */
    private RateSchedule read() {
        RateSchedule schedule = RateSchedule.of(kilobytes(limit, Messages.bandwidthLimit));
        if (!windowed.getSelection()) {
            return schedule;
        }
        LocalTime start = localTime(from);
        LocalTime end = localTime(until);
        if (start.equals(end)) {
            throw new IllegalArgumentException(NLS.bind(Messages.bandwidthEmptyWindow, from.getText()));
        }
        return schedule.withWindow(start, end, kilobytes(windowLimit, Messages.bandwidthWindowLimit));
    }

    private static RateLimit kilobytes(Text field, String label) {
        try {
            long value = Long.parseLong(field.getText().strip());
            if (value < 0 || value > MAX_KILOBYTES) {
                throw new NumberFormatException();
            }
            return RateLimit.of(value * KILOBYTE);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(NLS.bind(Messages.bandwidthNotANumber,
                    label.replace("&", "").replace(":", ""), MAX_KILOBYTES)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        }
    }

    private static LocalTime localTime(Text field) {
        try {
            return LocalTime.parse(field.getText().strip(), DateTimeFormatter.ofPattern("H:mm")); //$NON-NLS-1$
        } catch (DateTimeParseException notATime) {
            throw new IllegalArgumentException(NLS.bind(Messages.bandwidthNotATime, field.getText()));
        }
    }
}
