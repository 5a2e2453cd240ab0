package dev.bgtransfer.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.internal.RequestMessages;

/**
 * A bandwidth limit: at most {@code bytesPerSecond} bytes a second, measured over about a second
 * (a transfer that was idle may go ahead by a tenth of a second's worth at once). Zero means no limit.
 *
 * @param bytesPerSecond the most bytes a second; 0 for none
 */
public record RateLimit(long bytesPerSecond) {

    /** No limit. */
    public static final RateLimit UNLIMITED = new RateLimit(0);

    private static final Pattern CURL = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKmMgG]?)(?:i?[bB])?");

    public RateLimit {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.rateNegative, bytesPerSecond));
        }
    }

    /** @return a limit of {@code bytesPerSecond} (0: none) */
    public static RateLimit of(long bytesPerSecond) {
        return bytesPerSecond == 0 ? UNLIMITED : new RateLimit(bytesPerSecond);
    }

    /**
     * Reads a rate as curl's {@code --limit-rate} takes it: bytes per second, or with a suffix
     * {@code k}/{@code K}, {@code m}/{@code M} or {@code g}/{@code G} for 1024, 1024² or 1024³ of them
     * ({@code 200k} is 204,800 bytes per second); a fraction is taken ({@code 1.5m}), and a trailing
     * {@code B} or {@code iB} is allowed. {@code 0} is no limit, as in curl.
     *
     * @throws IllegalArgumentException with a sentence naming {@code text} when it is no such rate
     */
    public static RateLimit parse(String text) {
        Matcher matcher = CURL.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.rateUnreadable, text));
        }
        int shift = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(1L << shift));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.rateUnreadable, text));
        }
        long rounded = bytes.setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (rounded == 0 && bytes.signum() > 0) {
            throw new IllegalArgumentException(NLS.bind(RequestMessages.rateUnreadable, text));
        }
        return of(rounded);
    }

    /** @return whether there is a limit */
    public boolean isLimited() {
        return bytesPerSecond > 0;
    }

    /**
     * @return the limit as curl's syntax writes it, which {@link #parse(String)} reads back: {@code 0},
     *         {@code 200k}, {@code 3m}, or plain bytes when it is no whole number of KiB
     */
    public String toCurlSyntax() {
        long value = bytesPerSecond;
        for (String suffix : new String[] { "g", "m", "k" }) {
            int shift = switch (suffix) {
                case "g" -> 30;
                case "m" -> 20;
                default -> 10;
            };
            if (value >= 1L << shift && value % (1L << shift) == 0) {
                return (value >> shift) + suffix;
            }
        }
        return Long.toString(value);
    }

    /** @return for a person: "unlimited" or for example "200 KB/s" (see {@link ByteCounts}) */
    public String describe() {
        return isLimited() ? NLS.bind(RequestMessages.ratePerSecond, ByteCounts.format(bytesPerSecond))
                : RequestMessages.rateUnlimited;
    }
}
