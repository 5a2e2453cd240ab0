package dev.bgtransfer.ui.internal.preferences;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.bgtransfer.core.RateLimit;

/**
 * The limits per host, one a line: a host as URLs name it and its KB/s (1000 bytes, as the rest of
 * the group), for example {@code mirror.example.org 2000}. A host left out is no longer limited.
 */
final class HostLimitsField {
    private static final long KILOBYTE = 1000;
    private static final int LINES = 3;

    private final Text text;
    private Map<String, RateLimit> loaded = Map.of();

    /**
     * @param span   the columns of the group it takes
     * @param edited runs after each change of the text
     */
    HostLimitsField(Composite group, int span, Runnable edited) {
        Label label = new Label(group, SWT.WRAP);
        label.setText(Messages.bandwidthHosts);
        GridDataFactory.fillDefaults().span(span, 1).grab(true, false).hint(300, SWT.DEFAULT).indent(0, 8)
                .applyTo(label);
        text = new Text(group, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        text.setToolTipText(Messages.bandwidthHostsTooltip);
        GridDataFactory.fillDefaults().span(span, 1).grab(true, false)
                .hint(300, text.getLineHeight() * LINES).applyTo(text);
        text.addListener(SWT.Modify, event -> edited.run());
    }

    /** Shows {@code limits}, a line each in the order of their hosts. */
    void show(Map<String, RateLimit> limits) {
        loaded = Map.copyOf(limits);
        text.setText(new TreeMap<>(limits).entrySet().stream()
                .map(limit -> limit.getKey() + ' ' + limit.getValue().bytesPerSecond() / KILOBYTE)
                .collect(Collectors.joining("\n"))); //$NON-NLS-1$
    }

    /** @return the limits as last shown */
    Map<String, RateLimit> loaded() {
        return loaded;
    }

    /**
     * @return the limits the lines say, by host, in their order (blank lines do not count)
     * @throws IllegalArgumentException with a sentence naming the line that does not read
     */
    Map<String, RateLimit> read() {
        Map<String, RateLimit> limits = new LinkedHashMap<>();
        List<String> lines = text.getText().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).strip().split("\\s+"); //$NON-NLS-1$
            if (words.length == 1 && words[0].isEmpty()) {
                continue;
            }
            if (words.length != 2 || !isHost(words[0])) {
                throw new IllegalArgumentException(NLS.bind(Messages.bandwidthHostLine, i + 1));
            }
            limits.put(words[0], RateLimit.of(kilobytes(words[1], i + 1) * KILOBYTE));
        }
        return limits;
    }

    private static long kilobytes(String word, int line) {
        try {
            long value = Long.parseLong(word);
            if (value > 0 && value <= BandwidthGroup.MAX_KILOBYTES) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(NLS.bind(Messages.bandwidthHostRate, line, BandwidthGroup.MAX_KILOBYTES));
    }

    /** @return whether {@code word} is a host name or address as a URL names its host, and nothing more */
    private static boolean isHost(String word) {
        try {
            URI url = new URI("http", word, "/", null); //$NON-NLS-1$ //$NON-NLS-2$
            return word.equalsIgnoreCase(url.getHost()) && url.getPort() < 0 && url.getRawUserInfo() == null;
        } catch (URISyntaxException notAHost) {
            return false;
        }
    }
}
