package dev.bgtransfer.junit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Host names for tests, mapped to loopback without DNS by the JDK's {@code jdk.net.hosts.file}
 * system property, so that a test reaches its servers by name as people do (a proxy's
 * {@code CONNECT host:port}, a certificate's DNS name, an origin that differs only by its name).
 * The test bundles that use them start their JVM with {@code -Djdk.net.hosts.file=} a file that maps
 * {@link #ORIGIN}, {@link #OTHER_ORIGIN} and {@link #PROXY} to {@code 127.0.0.1}.
 */
public final class TestHosts {
    /** The name of the server a test downloads from. */
    public static final String ORIGIN = "files.bgtransfer.test";
    /** Another name of the same loopback address: the same server, another origin. */
    public static final String OTHER_ORIGIN = "mirror.bgtransfer.test";
    /** The name of a test's proxy. */
    public static final String PROXY = "proxy.bgtransfer.test";
    /** The IPv6 loopback address, as a URL's host carries it without brackets. */
    public static final String IPV6_LOOPBACK = "::1";

    private TestHosts() {
    }

    /**
     * @return {@code 127.0.0.1}
     */
    public static InetAddress ipv4Loopback() throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
    }

    /** @return {@code ::1} */
    public static InetAddress ipv6Loopback() throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 });
    }

    /** @return the loopback address a test name or address stands for: {@code ::1} for an IPv6 one */
    public static InetAddress addressOf(String host) throws UnknownHostException {
        return host.indexOf(':') >= 0 ? ipv6Loopback() : ipv4Loopback();
    }

    /**
     * Fails with a sentence when the JVM does not map the test names, instead of tests failing later
     * with an unknown host.
     */
    public static void requireNames() {
        for (String name : new String[] { ORIGIN, OTHER_ORIGIN, PROXY }) {
            try {
                if (!InetAddress.getByName(name).isLoopbackAddress()) {
                    throw new IllegalStateException(name + " is not mapped to loopback: check -Djdk.net.hosts.file");
                }
            } catch (UnknownHostException unknown) {
                throw new IllegalStateException(name + " is unknown: start the test JVM with -Djdk.net.hosts.file="
                        + "a file that maps it to 127.0.0.1 (" + System.getProperty("jdk.net.hosts.file") + ")",
                        unknown);
            }
        }
    }
}
