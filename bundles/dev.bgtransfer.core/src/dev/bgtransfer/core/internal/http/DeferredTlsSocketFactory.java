package dev.bgtransfer.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocketFactory;

/**
 * A TLS socket factory made on first use. The JDK's default TLS context reads and parses its whole
 * trust store, about 0.1 s of a daemon's start, which a service that fetches only over http, or
 * that is started for one small command, should not pay before it answers.
 */
final class DeferredTlsSocketFactory extends SSLSocketFactory {
    private final Supplier<SSLSocketFactory> maker;
    private volatile SSLSocketFactory made;

    /** @param maker called once, by the first use that needs the real factory */
    DeferredTlsSocketFactory(Supplier<SSLSocketFactory> maker) {
        this.maker = maker;
    }

    /** @return whether the real factory was made yet */
    boolean made() {
        return made != null;
    }

    private SSLSocketFactory factory() {
        SSLSocketFactory factory = made;
        if (factory == null) {
            synchronized (this) {
                factory = made;
                if (factory == null) {
                    factory = maker.get();
                    made = factory;
                }
            }
        }
        return factory;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return factory().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return factory().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return factory().createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return factory().createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
        return factory().createSocket(socket, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return factory().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return factory().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return factory().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return factory().createSocket(address, port, localAddress, localPort);
    }
}
