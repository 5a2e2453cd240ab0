package dev.bgtransfer.testplatform.checker;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * What an IDE user's background transfer goes through, through the service as installed (its types
 * are loaded from the installed dev.bgtransfer.core: the checker is built before the feature exists):
 * {@code -download URL FOLDER} adds a download to a BACKGROUND session and returns at once (the IDE
 * then exits, the daemon goes on); {@code -expectCompleted URL} checks that the service lists a
 * transfer of URL as COMPLETED.
 */
final class BackgroundCheck {
    static final String SESSION = "dev.bgtransfer.testplatform.checker";

    interface Checks {
        void check(String name, boolean ok, String detail);
    }

    private final Object service;
    private final Checks checks;
    private final Bundle core = Platform.getBundle("dev.bgtransfer.core");

    BackgroundCheck(Object service, Checks checks) {
        this.service = service;
        this.checks = checks;
    }

    void run(String[] arguments) {
        try {
            if (arguments.length == 3 && "-download".equals(arguments[0])) {
                download(URI.create(arguments[1]), Path.of(arguments[2]));
            } else if (arguments.length == 2 && "-expectCompleted".equals(arguments[0])) {
                expectCompleted(URI.create(arguments[1]));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            checks.check("the background check ran", false, e.toString());
        }
    }

    private void download(URI url, Path folder) throws ReflectiveOperationException {
        Class<?> kind = type("SessionKind");
        Class<?> configuration = type("SessionConfiguration");
        Class<?> request = type("TransferRequest");
        @SuppressWarnings({ "unchecked", "rawtypes" })
        Object background = Enum.valueOf((Class) kind, "BACKGROUND");
        Object session = type("TransferService").getMethod("session", String.class, configuration).invoke(service,
                SESSION, configuration.getMethod("of", kind).invoke(null, background));
        Object transfer = type("TransferSession").getMethod("download", request).invoke(session,
                request.getMethod("of", URI.class, Path.class).invoke(null, url, folder));
        long id = (Long) type("Transfer").getMethod("id").invoke(transfer);
        checks.check("a BACKGROUND session's download goes to the daemon (id " + id + " of its range)",
                id >= 1L << 62, "id " + id);
    }

    private void expectCompleted(URI url) throws ReflectiveOperationException {
        Method url0 = type("Transfer").getMethod("url");
        Method state = type("Transfer").getMethod("state");
        String found = null;
        for (Object transfer : (List<?>) type("TransferService").getMethod("transfers").invoke(service)) {
            if (url.equals(url0.invoke(transfer))) {
                found = String.valueOf(state.invoke(transfer));
            }
        }
        checks.check("the service lists the download the daemon finished while the IDE was away as COMPLETED",
                "COMPLETED".equals(found), "state: " + found);
    }

    private Class<?> type(String name) throws ClassNotFoundException {
        return core.loadClass("dev.bgtransfer.core." + name);
    }
}
