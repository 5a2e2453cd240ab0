package dev.bgtransfer.core.internal.http;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.internal.timeline.Timeline;

/**
 * Signs one transfer in at the origin of its URL: credentials are sent only after the server asked,
 * only to that origin (never to another one a redirect leads to), and a refused answer is not sent
 * twice, except once when the server says the nonce went stale.
 */
public final class OriginAuthentication {
    private static final String CHALLENGE_HEADER = "WWW-Authenticate";

    private final URI origin;
    private final HttpAuthentication authentication;
    /** Headers a person gave the transfer. */
    private final List<RequestHeader> given;
    private final Timeline timeline;
    /** The server's challenge once it asked. */
    private HttpAuthentication.Challenge challenge;
    private boolean answeredStaleNonce;

    /**
     * @param origin      the transfer's URL: credentials go to its scheme, host and port only
     * @param credentials what a person gave for that origin, or {@code null}
     */
    public OriginAuthentication(URI origin, PasswordAuthentication credentials) {
        this(origin, new SignIn(credentials, List.of()), Timeline.NONE);
    }

    /**
     * @param origin   the transfer's URL: credentials, and headers that are credentials, go to its
     *                 scheme, host and port only
     * @param signIn   what a person gave, or {@code null} for nothing
     * @param timeline where each request for credentials is recorded: the server's challenge and what
     *                 was done, never the credentials
     */
    public OriginAuthentication(URI origin, SignIn signIn, Timeline timeline) {
        SignIn given = signIn == null ? SignIn.NONE : signIn;
        this.origin = origin;
        this.authentication = given.credentials() == null ? null : new HttpAuthentication(given.credentials());
        this.given = given.headers();
        this.timeline = timeline;
    }

    /**
     * @param unauthorized a 401 from {@code target}
     * @return whether the request should go again with an answer to the server's challenge: the
     *         first time it asks, or once more when it says the nonce went stale
     */
    boolean answer(Exchange unauthorized, URI target) {
        Optional<HttpAuthentication.Challenge> offered = HttpAuthentication.choose(
                unauthorized.headerValues(CHALLENGE_HEADER));
        if (authentication == null || offered.isEmpty() || !sameOrigin(target)) {
            return false;
        }
        boolean stale = challenge != null && offered.get().isStale() && !answeredStaleNonce;
        if (challenge != null && !stale) {
            return false;
        }
        answeredStaleNonce |= stale;
        challenge = offered.get();
        return true;
    }

    /**
     * Takes up a 401 from {@code target} so that the request can go again, or fails.
     *
     * @throws TransferException when {@link #answer} would not answer it: no credentials, another
     *                           origin, a challenge it cannot answer, or an answer already refused
     */
    public void answerOrRefuse(Exchange unauthorized, URI target) throws TransferException {
        if (!answered(unauthorized, target)) {
            throw refused(unauthorized, target);
        }
    }

    /**
     * Takes up a 401 from {@code target} so that the request can go again, recorded in the timeline, when
     * {@link #answer} would answer it.
     *
     * @return whether it did; if not, nothing is recorded (a refresher may yet give another URL)
     */
    public boolean answered(Exchange unauthorized, URI target) {
        if (!answer(unauthorized, target)) {
            return false;
        }
        timeline.record(TimelineEntry.Kind.CREDENTIALS, "url", Timeline.url(target), "challenge",
                challenges(unauthorized), "answer", Messages.credentialsAnswered);
        return true;
    }

    /** @return the failure for a 401 from {@code target} that was not answered, recorded in the timeline */
    public TransferException refused(Exchange unauthorized, URI target) {
        TransferException refused = refusal(unauthorized, target);
        timeline.record(TimelineEntry.Kind.CREDENTIALS, "url", Timeline.url(target), "challenge",
                challenges(unauthorized), "answer", refused.failure().message());
        return refused;
    }

    private static String challenges(Exchange unauthorized) {
        return String.join(", ", unauthorized.headerValues(CHALLENGE_HEADER));
    }

    /** @return the failure for a 401 from {@code target} that {@link #answer} did not take up */
    TransferException refusal(Exchange unauthorized, URI target) {
        String message;
        if (authentication == null || !sameOrigin(target)) {
            // the credentials given are for another origin, and were not sent here
            message = Messages.credentialsNeeded;
        } else if (HttpAuthentication.choose(unauthorized.headerValues(CHALLENGE_HEADER)).isEmpty()) {
            message = Messages.credentialsUnsupported;
        } else {
            message = Messages.credentialsRefused;
        }
        return TransferException.permanent(Kind.CREDENTIALS, NLS.bind(message, target.getHost()));
    }

    /**
     * Adds the headers a person gave (those that are credentials only for the origin), and the
     * Authorization header for a request to {@code target} once the server asked, only for the origin.
     */
    public void authorize(URI target, Map<String, String> headers) {
        boolean sameOrigin = sameOrigin(target);
        for (RequestHeader header : given) {
            if (sameOrigin || !header.isCredential()) {
                headers.keySet().removeIf(name -> name.equalsIgnoreCase(header.name())); // the last one given wins
                headers.put(header.name(), header.value());
            }
        }
        if (challenge != null && sameOrigin) {
            headers.put("Authorization", authentication.authorize(challenge, HttpTransport.requestTarget(target)));
        }
    }

    private boolean sameOrigin(URI target) {
        return Redirects.sameOrigin(target, origin);
    }
}
