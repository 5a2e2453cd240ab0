package dev.bgtransfer.remote.internal.composite;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.bgtransfer.core.DataRequest;
import dev.bgtransfer.core.DataResponse;
import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TimelineEntry;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferListener;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;
import dev.bgtransfer.remote.internal.launch.DaemonStarter;
import dev.bgtransfer.remote.internal.launch.DefaultState;

/**
 * The {@link TransferService} of a workbench whose background sessions the per-user service (the
 * daemon) runs: {@link SessionKind#BACKGROUND} sessions are the daemon's, reached on its socket;
 * default and ephemeral sessions, the default session's methods, data tasks and the options are the
 * service of this process (the core's), so a consumer of the API sees one service.
 * <p>
 * <b>Ids.</b> The daemon numbers its transfers independently of this process, so its ids are moved
 * into a range of their own: every transfer and event from the daemon carries its id with bit 62
 * set ({@code 1L << 62} and up), which the ids of this process never reach. The calls that take an id
 * go where the id's range says. Listings put this process's transfers first and the daemon's after,
 * which is id order; {@link #transfers(long, int)} pages across both.
 * <p>
 * <b>Jobs.</b> A transfer the daemon runs has its Job in the daemon's process:
 * {@link TransferService.JobFamily} finds nothing for it here, and the Progress view of this
 * workbench does not show it (its Downloads view does, from the events).
 * <p>
 * <b>Events.</b> The core tells the {@link TransferListener} services of this framework what happens
 * here; this service tells them what happens in the daemon, ids mapped, honouring
 * {@link TransferListener#SESSION}, in order, on the thread of the daemon's client. When the daemon
 * goes away (the log says so), they hear nothing of it until a call connects again; what happened
 * meanwhile is not replayed, so a listener that keeps state reads the transfers again.
 * <p>
 * <b>Without the daemon.</b> The daemon is reached when first needed (a background session, a
 * listing, an id of its range). When the socket is the API socket of a state folder (the default
 * state folder's when the property is {@value DefaultState#DEFAULT_SOCKET}), this process starts the
 * daemon from its own bundles ({@link DaemonStarter}) when a call that needs it finds none answering
 * (asking for a background session, a call on an id of its range), and the call that found it gone
 * is tried once more. A listing starts it only where a daemon ran before (this process was
 * connected, or the state folder holds a store): opening a view in a fresh installation starts no
 * process; where none may be started, a listing connects to a daemon that runs. When it cannot be
 * reached the first time, the log says so once and background sessions run in this process, as
 * default ones do, for the rest of this service's life; calls on an id of the daemon's range then
 * fail with the sentence that says why. Later, while the daemon is away (and cannot be started, or
 * may not be), the calls that need it fail with a sentence and the listings give this process's
 * transfers, which the log says once.
 * <p>
 * Registered only when the framework property {@value #SOCKET} names the daemon's socket (see
 * {@link DaemonSocketGate}), ranked above the core's service, whose component it references by
 * name.
 */
@Component(service = TransferService.class, enabled = false,
        property = "service.ranking:Integer=" + CompositeTransferService.RANKING)
public final class CompositeTransferService implements TransferService, AutoCloseable {
    /** Framework property: the path of the per-user service's Unix-domain socket. */
    public static final String SOCKET = DefaultState.SOCKET_PROPERTY;

    /** Above the core's service, which has none (0). */
    static final int RANKING = 100;

    /** The daemon's store in its state folder. */
    private static final String STORE = "transfers.db";

    private static final String CORE = "(component.name=dev.bgtransfer.core.internal.TransferServiceComponent)";

    private final TransferService local;
    private final DaemonEventRelay relay = new DaemonEventRelay();
    private final DaemonLink daemon;

    /**
     * @param local  the service of this process (the core's)
     * @param daemon connects to the daemon, throwing an {@link IllegalStateException} with a
     *               sentence when it cannot
     * @param start  starts the daemon (see {@link DaemonLink}); empty when this process may not
     * @param inUse    whether a daemon ran before for its state folder (a listing may start one then)
     */
    CompositeTransferService(TransferService local, Supplier<RemoteTransfers> daemon, Optional<Runnable> start,
            BooleanSupplier inUse) {
        this.local = local;
        this.daemon = new DaemonLink(daemon, relay::attach, start, inUse);
    }

    /** A composite that never starts the daemon. */
    CompositeTransferService(TransferService local, Supplier<RemoteTransfers> daemon) {
        this(local, daemon, Optional.empty(), () -> false);
    }

    /**
     * Reaches the daemon on the socket the framework property {@value #SOCKET} names: its value
     * {@value DefaultState#DEFAULT_SOCKET} means the default state folder's. This process starts the
     * daemon from its own bundles when none answers there, if the socket is the API socket of a
     * state folder (the default's is).
     */
    @Activate
    public CompositeTransferService(@Reference(name = "core", target = CORE) TransferService local, BundleContext context) {
        this(local, connecting(socket(context.getProperty(SOCKET)), local), starting(context),
                inUse(socket(context.getProperty(SOCKET))));
    }

    /** @return the socket the property's value names */
    static Path socket(String property) {
        return DefaultState.DEFAULT_SOCKET.equals(property.trim()) ? DefaultState.apiSocket(DefaultState.folder())
                : Path.of(property.trim());
    }

    private static Optional<Runnable> starting(BundleContext context) {
        DaemonStarter starter = new DaemonStarter(context);
        return DefaultState.ofApiSocket(socket(context.getProperty(SOCKET)))
                .map(state -> () -> starter.start(state));
    }

    /** @return whether a daemon ran for the state folder of {@code socket} before: it holds a store */
    static BooleanSupplier inUse(Path socket) {
        Optional<Path> state = DefaultState.ofApiSocket(socket);
        return () -> state.map(folder -> Files.exists(folder.resolve(STORE))).orElse(false);
    }

    private static Supplier<RemoteTransfers> connecting(Path socket, TransferService local) {
        return () -> RemoteTransfers.connect(socket, String.valueOf(socket.getParent()), local);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(TransferListener listener, Map<String, Object> properties) {
        relay.add(listener, Optional.ofNullable(properties.get(TransferListener.SESSION))
                .filter(String.class::isInstance).map(String.class::cast));
    }

    void removeListener(TransferListener listener) {
        relay.remove(listener);
    }

    /** Closes the connection to the daemon; its transfers go on there. */
    @Deactivate
    @Override
    public void close() {
        daemon.close();
    }

    /**
     * A {@link SessionKind#BACKGROUND} session other than the default one is the daemon's when the
     * daemon can be reached, and this process's otherwise (see the class comment); every other
     * session is this process's.
     */
    @Override
    public TransferSession session(String identifier, SessionConfiguration configuration) {
        if (configuration != null && configuration.kind() == SessionKind.BACKGROUND
                && !TransferSession.DEFAULT_IDENTIFIER.equals(identifier)) {
            Optional<RemoteTransfers> remote = daemon.connected();
            if (remote.isPresent()) {
                return new DaemonSession(daemon.call(client -> client.session(identifier, configuration)), daemon);
            }
        }
        return local.session(identifier, configuration);
    }

    @Override
    public Transfer add(TransferRequest request) {
        return local.add(request);
    }

    @Override
    public Transfer download(TransferRequest request) {
        return local.download(request);
    }

    @Override
    public CompletableFuture<DataResponse> fetch(DataRequest request) {
        return local.fetch(request);
    }

    @Override
    public Optional<Transfer> get(long id) {
        return RemoteIds.isRemote(id)
                ? daemon.call(remote -> remote.get(RemoteIds.unmapped(id))).map(RemoteIds::mapped)
                : local.get(id);
    }

    @Override
    public List<Transfer> transfers() {
        return merged(local.transfers(), TransferService::transfers);
    }

    @Override
    public List<Transfer> unfinished() {
        return merged(local.unfinished(), TransferService::unfinished);
    }

    @Override
    public List<Transfer> transfers(long fromId, int max) {
        if (RemoteIds.isRemote(fromId)) {
            return daemon.listing(remote -> remote.transfers(RemoteIds.unmapped(fromId), max)).map(RemoteIds::mapped)
                    .orElse(List.of());
        }
        List<Transfer> page = local.transfers(fromId, max);
        int room = max - page.size();
        return room <= 0 ? page : merged(page, remote -> remote.transfers(0, room));
    }

    @Override
    public long[] ids() {
        long[] here = local.ids();
        return daemon.listing(TransferService::ids)
                .map(there -> LongStream.concat(LongStream.of(here), LongStream.of(RemoteIds.mapped(there))).toArray())
                .orElse(here);
    }

    /** @return {@code here}, then what {@code listing} gives of the daemon (when it answers), ids mapped */
    private List<Transfer> merged(List<Transfer> here, Function<TransferService, List<Transfer>> listing) {
        Optional<List<Transfer>> there = daemon.listing(listing::apply);
        if (there.isEmpty()) {
            return here;
        }
        List<Transfer> all = new ArrayList<>(here);
        all.addAll(RemoteIds.mapped(there.get()));
        return List.copyOf(all);
    }

    @Override
    public void start(long id) {
        on(id, service -> service.start(RemoteIds.unmapped(id)));
    }

    /** The per-user service's entries carry the ids this service gives its transfers. */
    @Override
    public List<TimelineEntry> timeline(long id) {
        return RemoteIds.isRemote(id)
                ? daemon.call(remote -> remote.timeline(RemoteIds.unmapped(id))).stream().map(RemoteIds::mapped).toList()
                : local.timeline(id);
    }

    @Override
    public void pause(long id) {
        on(id, service -> service.pause(RemoteIds.unmapped(id)));
    }

    @Override
    public void stop(long id) {
        on(id, service -> service.stop(RemoteIds.unmapped(id)));
    }

    @Override
    public void authenticate(long id, PasswordAuthentication credentials) {
        on(id, service -> service.authenticate(RemoteIds.unmapped(id), credentials));
    }

    @Override
    public void setHeaders(long id, List<RequestHeader> headers) {
        on(id, service -> service.setHeaders(RemoteIds.unmapped(id), headers));
    }

    @Override
    public Transfer changeUrl(long id, URI url) {
        return RemoteIds.isRemote(id)
                ? RemoteIds.mapped(daemon.call(remote -> remote.changeUrl(RemoteIds.unmapped(id), url)))
                : local.changeUrl(id, url);
    }

    @Override
    public void remove(long id, boolean deleteFile) {
        on(id, service -> service.remove(RemoteIds.unmapped(id), deleteFile));
    }

    /** Runs {@code call} on the service that runs the transfer {@code id}, by its range. */
    private void on(long id, Consumer<TransferService> call) {
        if (RemoteIds.isRemote(id)) {
            daemon.run(call::accept);
        } else {
            call.accept(local);
        }
    }

    @Override
    public void startAll() {
        local.startAll();
    }

    @Override
    public void pauseAll() {
        local.pauseAll();
    }

    @Override
    public void stopAll() {
        local.stopAll();
    }

    @Override
    public void resetAll() {
        local.resetAll();
    }

    @Override
    public TransferOptions options() {
        return local.options();
    }

    @Override
    public void setOptions(TransferOptions options) {
        local.setOptions(options);
    }

    @Override
    public RateSchedule overallLimit() {
        return local.overallLimit();
    }

    /**
     * Sets the overall limit here and in the daemon (where one runs, or ran before for its state
     * folder, as a listing reaches it), which keeps it for its background sessions' transfers.
     */
    @Override
    public void setOverallLimit(RateSchedule schedule) {
        onBoth(service -> service.setOverallLimit(schedule));
    }

    /** Runs {@code call} here, then in the daemon where a listing reaches it (one runs, or ran before). */
    private void onBoth(Consumer<TransferService> call) {
        call.accept(local);
        daemon.listing(remote -> {
            call.accept(remote);
            return Boolean.TRUE;
        });
    }

    @Override
    public Map<String, RateLimit> hostLimits() {
        return local.hostLimits();
    }

    /** Sets the host's limit here and in the daemon, as {@link #setOverallLimit} does. */
    @Override
    public void setHostLimit(String host, RateLimit limit) {
        onBoth(service -> service.setHostLimit(host, limit));
    }

    /**
     * @return the sessions with a limit here and, for those without one here, in the daemon (where one
     *         answers), as {@link #sessionLimit} reads each
     */
    @Override
    public Map<String, RateLimit> sessionLimits() {
        Map<String, RateLimit> limits = new TreeMap<>(daemon.listing(RemoteTransfers::sessionLimits).orElse(Map.of()));
        limits.putAll(local.sessionLimits());
        return limits;
    }

    /** @return the limit of the session here, or, when it has none here, the daemon's (where one answers) */
    @Override
    public RateLimit sessionLimit(String identifier) {
        RateLimit here = local.sessionLimit(identifier);
        return here.isLimited() ? here
                : daemon.listing(remote -> remote.sessionLimit(identifier)).orElse(RateLimit.UNLIMITED);
    }

    /** Sets the session's limit here and in the daemon: a background session may run in either. */
    @Override
    public void setSessionLimit(String identifier, RateLimit limit) {
        onBoth(service -> service.setSessionLimit(identifier, limit));
    }

    @Override
    public RateLimit rateLimit(long id) {
        return RemoteIds.isRemote(id) ? daemon.call(remote -> remote.rateLimit(RemoteIds.unmapped(id)))
                : local.rateLimit(id);
    }

    @Override
    public void setRateLimit(long id, RateLimit limit) {
        on(id, service -> service.setRateLimit(RemoteIds.unmapped(id), limit));
    }

    @Override
    public String toString() {
        return "CompositeTransferService[" + local + "]";
    }
}
