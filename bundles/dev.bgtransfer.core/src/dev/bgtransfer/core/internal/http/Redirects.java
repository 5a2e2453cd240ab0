package dev.bgtransfer.core.internal.http;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.internal.timeline.Timeline;

/**
 * The redirects one transfer follows: at most so many, never round in a loop, never from https
 * to plain http, only to http and https.
 */
public final class Redirects {
    private final URI requested;
    private final int max;
    private final Timeline timeline;
    private Set<URI> visited;
    private int followed;

    /**
     * @param requested the transfer's URL, as messages name it
     * @param max       how many redirects are followed
     * @param first     where the first request goes
     */
    public Redirects(URI requested, int max, URI first) {
        this(requested, max, first, Timeline.NONE);
    }

    /** As {@link #Redirects(URI, int, URI)}, each redirect followed recorded in {@code timeline}. */
    public Redirects(URI requested, int max, URI first, Timeline timeline) {
        this.requested = requested;
        this.max = max;
        this.timeline = timeline;
        startOver(first);
    }

    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * @return the method a request redirected with {@code status} goes on with, as browsers do: 307
     *         and 308 keep it (and the body); 303 turns anything but HEAD into GET; 301 and 302 turn a
     *         POST into GET (RFC 9110, 15.4)
     */
    public static String methodAfter(int status, String method) {
        boolean toGet = status == 303 ? !method.equals("HEAD") : (status == 301 || status == 302) && method.equals("POST");
        return toGet ? "GET" : method;
    }

    /** @return whether {@code a} and {@code b} have the same origin: scheme, host and port */
    public static boolean sameOrigin(URI a, URI b) {
        return HttpTransport.hostOf(a).equals(HttpTransport.hostOf(b));
    }

    /** Forgets the places visited: the requests start again at {@code first}. The count goes on. */
    public void startOver(URI first) {
        visited = new HashSet<>(Set.of(first));
    }

    /** @return where the redirect {@code exchange} answered with leads */
    public URI follow(Exchange exchange) throws TransferException {
        URI from = exchange.url();
        if (++followed > max) {
            throw TransferException.permanent(Kind.REDIRECT, NLS.bind(Messages.tooManyRedirects, max, requested));
        }
        String location = exchange.header("Location");
        if (location == null || location.isBlank()) {
            throw TransferException.permanent(Kind.REDIRECT,
                    NLS.bind(Messages.redirectWithoutLocation, exchange.statusText(), from));
        }
        URI next;
        try {
            next = from.resolve(location.strip()).normalize();
        } catch (IllegalArgumentException badLocation) {
            throw TransferException.permanent(Kind.REDIRECT, NLS.bind(Messages.redirectUnsupported, from, location));
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null) {
            throw TransferException.permanent(Kind.REDIRECT, NLS.bind(Messages.redirectUnsupported, from, next));
        }
        if (from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw TransferException.permanent(Kind.REDIRECT, NLS.bind(Messages.redirectToPlainHttp, from, next));
        }
        if (!visited.add(next)) {
            throw TransferException.permanent(Kind.REDIRECT, NLS.bind(Messages.redirectLoop, requested));
        }
        timeline.record(TimelineEntry.Kind.REDIRECT, "status", exchange.statusText(), "from", Timeline.url(from),
                "to", Timeline.url(next));
        return next;
    }
}
