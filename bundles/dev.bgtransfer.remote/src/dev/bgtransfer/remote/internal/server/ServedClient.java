package dev.bgtransfer.remote.internal.server;

import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.remote.internal.wire.FrameChannel;
import dev.bgtransfer.remote.internal.wire.Handshake;
import dev.bgtransfer.remote.internal.wire.JsonObject;
import dev.bgtransfer.remote.internal.wire.Message;
import dev.bgtransfer.remote.internal.wire.Op;
import dev.bgtransfer.remote.internal.wire.WireException;

/**
 * One connected client: its calls read and answered one after another on the thread that runs
 * {@link #serve()}, its events written by a thread of their own from its {@link EventOutbox}.
 */
final class ServedClient {
    private static final System.Logger LOG = System.getLogger(ServedClient.class.getName());
    /** What the API documents its methods to throw; anything else is also logged, as a fault of the service. */
    private static final Set<Class<?>> DOCUMENTED = Set.of(IllegalArgumentException.class,
            IllegalStateException.class);

    private final FrameChannel channel;
    private final String name;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ServiceCalls calls;
    private final EventOutbox outbox;
    private final Consumer<ServedClient> ended;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean overflowed = new AtomicBoolean();

    /**
     * @param name  how the log names it
     * @param ended told once when the client is gone
     */
    ServedClient(FrameChannel channel, String name, TransferService service, EventOutbox outbox,
            Consumer<ServedClient> ended) {
        this.channel = channel;
        this.name = name;
        this.calls = new ServiceCalls(service, subscriptions);
        this.outbox = outbox;
        this.ended = ended;
    }

    /** Shakes hands, then answers calls until the client goes away or {@link #close()}. */
    void serve() {
        try {
            if (shakeHands()) {
                Thread.ofVirtual().name("bgtransfer api events: " + name).start(this::writeEvents);
                while (true) {
                    channel.write(answer(channel.read()));
                }
            }
        } catch (EOFException | ClosedChannelException gone) {
            // the client left, or the server closed
        } catch (IOException gone) {
            // a client process that ended abruptly: nothing to act on
            LOG.log(Level.DEBUG, () -> NLS.bind(Messages.clientBroken, name, gone.getMessage()));
        } catch (WireException broken) {
            LOG.log(Level.WARNING, NLS.bind(Messages.clientBroken, name, broken.getMessage()));
        } finally {
            close();
        }
    }

    /** @return whether the client speaks this version; a client of another is answered, then let go */
    private boolean shakeHands() throws IOException {
        JsonObject hello = channel.read();
        channel.write(Handshake.hello(Handshake.VERSION));
        return Handshake.isOurs(hello) && Handshake.versionOf(hello) == Handshake.VERSION;
    }

    private JsonObject answer(JsonObject call) {
        long number = call.number(Message.CALL);
        try {
            return Message.answer(number, calls.answer(call.constant(Message.OP, Op.class), call));
        } catch (WireException unreadable) {
            return Message.failure(number,
                    new IllegalStateException(NLS.bind(Messages.callUnreadable, unreadable.getMessage())));
        } catch (RuntimeException thrown) {
            if (!DOCUMENTED.contains(thrown.getClass())) {
                LOG.log(Level.ERROR, NLS.bind(Messages.callFailed, name), thrown);
            }
            return Message.failure(number, thrown);
        }
    }

    private void writeEvents() {
        try {
            for (TransferEvent event = outbox.take(); event != null; event = outbox.take()) {
                channel.write(Message.event(event));
            }
        } catch (InterruptedException | IOException gone) {
            // closed: serve() ends too
        } finally {
            close();
        }
    }

    /** Queues {@code event} if the client listens to its session; never waits (the service's event thread calls it). */
    void hear(TransferEvent event) {
        if (subscriptions.hears(event) && !outbox.offer(event) && overflowed.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, NLS.bind(Messages.clientTooSlow, name, outbox.size()));
            outbox.close();
            Thread.ofVirtual().start(this::close); // closing the socket may wait for a write under way to give up
        }
    }

    /** Lets the client go: its calls and events end, its sessions' transfers go on. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            outbox.close();
            channel.close();
            ended.accept(this);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
