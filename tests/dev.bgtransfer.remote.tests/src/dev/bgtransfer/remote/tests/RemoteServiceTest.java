package dev.bgtransfer.remote.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.osgi.framework.FrameworkUtil;

import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.remote.internal.client.RemoteTransfers;
import dev.bgtransfer.remote.internal.server.ApiServer;
import dev.bgtransfer.remote.internal.server.ListenerRegistry;

/**
 * The real service served by an {@link ApiServer} on a Unix-domain socket in a fresh folder, and
 * {@link RemoteTransfers} clients of it: what a client does is compared with what the service itself
 * says, the service being the one in this framework ({@link #fixture}).
 */
public abstract class RemoteServiceTest extends ServiceTest {
    protected Path socket;
    protected ApiServer api;
    private Path socketFolder;
    private final List<RemoteTransfers> clients = new ArrayList<>();

    @BeforeEach
    void startApiServer() throws IOException {
        socketFolder = Files.createTempDirectory("bgt");
        socket = socketFolder.resolve("api");
        assertTrue(socket.toString().getBytes(StandardCharsets.UTF_8).length <= 107, "a socket path Linux takes");
        api = startApi();
    }

    @AfterEach
    void closeClientsAndServer() throws IOException {
        clients.forEach(RemoteTransfers::close);
        api.close();
        try (Stream<Path> left = Files.list(socketFolder)) {
            for (Path file : left.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(socketFolder);
    }

    /** Starts a server of the service on {@link #socket}, as the daemon would. */
    protected ApiServer startApi() throws IOException {
        ApiServer server = newApi(fixture.service(), socket, ListenerRegistry.whiteboard(
                FrameworkUtil.getBundle(ApiServer.class).getBundleContext()));
        server.start();
        return server;
    }

    protected ApiServer newApi(TransferService service, Path at, ListenerRegistry listeners) {
        return new ApiServer(service, at, listeners);
    }

    /** @return a new client of the server, closed after the test; its data tasks run in the fixture's service */
    protected RemoteTransfers connect() {
        RemoteTransfers client = RemoteTransfers.connect(socket, serviceName(), fixture.service());
        clients.add(client);
        return client;
    }

    /** @return how the clients' sentences name the service */
    protected String serviceName() {
        return socketFolder.toString();
    }

    /** @return a path in the socket's folder, deleted after the test */
    protected Path besideSocket(String name) {
        return socketFolder.resolve(name);
    }
}
