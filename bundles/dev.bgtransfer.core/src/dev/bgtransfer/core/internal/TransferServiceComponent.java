package dev.bgtransfer.core.internal;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.core.UrlRefresher;
import dev.bgtransfer.core.internal.http.HttpProxy;
import dev.bgtransfer.core.internal.http.ProxyFinder;
import dev.bgtransfer.core.internal.proxy.PlatformProxyBundle;
import dev.bgtransfer.core.internal.proxy.SystemProxyFinder;
import dev.bgtransfer.core.spi.TransferStore;

/**
 * The {@link TransferService} as a declarative service. It keeps its transfers in the
 * {@link TransferStore} service when one is registered, in memory otherwise, and tells every
 * {@link TransferListener} service what happens (whiteboard).
 */
@Component(service = TransferService.class)
public final class TransferServiceComponent implements TransferService {
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<UrlRefresher> refreshers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private TransferStore store;

    /** The platform's proxy settings, when {@code org.eclipse.core.net} runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProxyFinder platformProxies;

    private final ProxyFinder systemProxies = new SystemProxyFinder(System.getenv());

    private TransferEngine engine;

    /** Framework property: {@code false} keeps unfinished transfers paused at start-up, whatever the preference. */
    static final String CONTINUE_UNFINISHED = "dev.bgtransfer.continueUnfinished";

    /** Framework property: a PEM or DER file of certificates to trust besides the JDK's. */
    static final String TRUSTED_CERTIFICATES = "dev.bgtransfer.trustedCertificates";

    private PreferenceOptions preferences;
    private PreferenceBandwidth bandwidthPreferences;

    @Activate
    void activate(BundleContext context) {
        String trusted = context.getProperty(TRUSTED_CERTIFICATES);
        PlatformProxyBundle.activate(context);
        preferences = new PreferenceOptions();
        engine = new TransferEngine(store != null ? store : new InMemoryTransferStore(),
                preferences.applyTo(TransferOptions.DEFAULTS),
                trusted == null || trusted.isBlank() ? null : Path.of(trusted), this::findProxy, () -> listeners);
        engine.setRefreshers(() -> refreshers);
        preferences.listen(engine::options, engine::setOptions);
        bandwidthPreferences = new PreferenceBandwidth(engine.bandwidth());
        boolean continueUnfinished = preferences.continueUnfinished()
                && !"false".equalsIgnoreCase(context.getProperty(CONTINUE_UNFINISHED));
        engine.restore(continueUnfinished);
        engine.awaitStored();
    }

    private Optional<HttpProxy> findProxy(URI url) {
        ProxyFinder platform = platformProxies;
        return (platform != null ? platform : systemProxies).find(url);
    }

    @Deactivate
    void deactivate() {
        preferences.close();
        bandwidthPreferences.close();
        engine.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(TransferListener listener, Map<String, Object> properties) {
        Object session = properties.get(TransferListener.SESSION);
        listeners.add(new SessionListener(listener, session instanceof String named ? named : null));
    }

    void removeListener(TransferListener listener) {
        listeners.removeIf(registered -> registered.listener() == listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRefresher(UrlRefresher refresher) {
        refreshers.add(refresher);
    }

    void removeRefresher(UrlRefresher refresher) {
        refreshers.remove(refresher);
    }

    @Override
    public TransferSession session(String identifier, SessionConfiguration configuration) {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException(RequestMessages.sessionWithoutIdentifier);
        }
        engine.open(identifier, Objects.requireNonNull(configuration, "configuration"));
        engine.awaitStored();
        return new SessionHandle(engine, identifier);
    }

    @Override
    public Transfer add(TransferRequest request) {
        return engine.add(TransferSession.DEFAULT_IDENTIFIER, request, false);
    }

    @Override
    public Transfer download(TransferRequest request) {
        return engine.add(TransferSession.DEFAULT_IDENTIFIER, request, true);
    }

    @Override
    public CompletableFuture<DataResponse> fetch(DataRequest request) {
        return new SessionHandle(engine, TransferSession.DEFAULT_IDENTIFIER).fetch(request);
    }

    @Override
    public Optional<Transfer> get(long id) {
        return engine.reads().get(id);
    }

    @Override
    public List<Transfer> transfers() {
        return engine.reads().transfers();
    }

    @Override
    public List<Transfer> unfinished() {
        return engine.reads().unfinished();
    }

    @Override
    public List<Transfer> transfers(long fromId, int max) {
        return engine.reads().transfers(fromId, max);
    }

    @Override
    public long[] ids() {
        return engine.reads().ids();
    }

    @Override
    public void start(long id) {
        engine.start(id);
        engine.awaitStored();
    }

    @Override
    public void pause(long id) {
        engine.pause(id);
        engine.awaitStored();
    }

    @Override
    public void stop(long id) {
        engine.stop(id);
        engine.awaitStored();
    }

    @Override
    public void authenticate(long id, PasswordAuthentication credentials) {
        engine.authenticate(id, credentials);
        engine.awaitStored();
    }

    @Override
    public void setHeaders(long id, List<RequestHeader> headers) {
        engine.setHeaders(id, headers);
    }

    @Override
    public Transfer changeUrl(long id, URI url) {
        Transfer moved = engine.changeUrl(id, url);
        engine.awaitStored();
        return moved;
    }

    @Override
    public void startAll() {
        engine.forEachUnfinished(TransferSession.DEFAULT_IDENTIFIER, engine::start);
        engine.awaitStored();
    }

    @Override
    public void pauseAll() {
        engine.forEachUnfinished(TransferSession.DEFAULT_IDENTIFIER, engine::pause);
        engine.awaitStored();
    }

    @Override
    public void stopAll() {
        engine.forEachUnfinished(TransferSession.DEFAULT_IDENTIFIER, engine::stop);
        engine.awaitStored();
    }

    @Override
    public void remove(long id, boolean deleteFile) {
        engine.remove(id, deleteFile);
        engine.awaitStored();
    }

    @Override
    public void resetAll() {
        engine.reset(TransferSession.DEFAULT_IDENTIFIER);
        engine.awaitStored();
    }

    @Override
    public List<TimelineEntry> timeline(long id) {
        return engine.timeline(id);
    }

    @Override
    public TransferOptions options() {
        return engine.options();
    }

    @Override
    public void setOptions(TransferOptions options) {
        engine.setOptions(options);
    }

    @Override
    public RateSchedule overallLimit() {
        return engine.bandwidth().overall();
    }

    @Override
    public void setOverallLimit(RateSchedule schedule) {
        bandwidthPreferences.setOverall(Objects.requireNonNull(schedule, "schedule"));
    }

    @Override
    public Map<String, RateLimit> hostLimits() {
        return engine.bandwidth().hosts();
    }

    @Override
    public void setHostLimit(String host, RateLimit limit) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(RequestMessages.rateHostBlank);
        }
        bandwidthPreferences.setHost(host.strip(), Objects.requireNonNull(limit, "limit"));
    }

    @Override
    public Map<String, RateLimit> sessionLimits() {
        return engine.bandwidth().sessions();
    }

    @Override
    public RateLimit sessionLimit(String identifier) {
        return engine.bandwidth().session(identifier);
    }

    @Override
    public void setSessionLimit(String identifier, RateLimit limit) {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException(RequestMessages.sessionWithoutIdentifier);
        }
        engine.bandwidth().setSession(identifier, Objects.requireNonNull(limit, "limit"));
    }

    @Override
    public RateLimit rateLimit(long id) {
        return engine.bandwidth().transfer(id);
    }

    @Override
    public void setRateLimit(long id, RateLimit limit) {
        engine.setRateLimit(id, Objects.requireNonNull(limit, "limit"));
    }
}
