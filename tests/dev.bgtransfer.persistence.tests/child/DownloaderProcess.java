import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A separate process for the crash tests, compiled by the test and run with the OSGi framework on
 * its class path: it boots the framework with the given bundles, so that the real transfer service
 * runs on the store in {@code stateDir}, asks for the URLs listed in {@code urlFile} the way the
 * same {@code get} run again would (an unfinished transfer of a URL is started, a missing one is
 * added), or uploads {@code file} to {@code url} in a background session named {@code session},
 * and then runs until it is killed.
 * <p>
 * Arguments: {@code stateDir frameworkDir bundleListFile [folder urlFile | upload session file url]};
 * with the system property {@code dev.bgtransfer.child.exitWhenReady=true} it exits once it is up.
 */
public class DownloaderProcess {
    private static final String EXIT_WHEN_READY = "dev.bgtransfer.child.exitWhenReady";
    /** A limit of connections per host for the service, as {@code get --max-per-host} gives one; none: the default. */
    private static final String MAX_PER_HOST = "dev.bgtransfer.child.maxPerHost";
    /** The argument that asks for an upload instead of downloads. */
    private static final String UPLOAD = "upload";

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error failed) {
            failed.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("dev.bgtransfer.state", args[0]);
        config.put(Constants.FRAMEWORK_STORAGE, args[1]);
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                .newFramework(config);
        framework.start();
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String location : Files.readAllLines(Path.of(args[2]))) {
            bundles.add(context.installBundle(location));
        }
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException unneeded) {
                    System.err.println("not started: " + bundle.getSymbolicName() + ": " + unneeded.getMessage());
                }
            }
        }
        ServiceReference<?> reference = null;
        for (int i = 0; i < 6000 && reference == null; i++) {
            reference = context.getServiceReference("dev.bgtransfer.core.TransferService");
            Thread.sleep(5);
        }
        if (reference == null) {
            throw new IllegalStateException("No TransferService in the child process");
        }
        Object service = context.getService(reference);
        Integer maxPerHost = Integer.getInteger(MAX_PER_HOST);
        if (maxPerHost != null) {
            limitPerHost(service, reference.getBundle(), maxPerHost);
        }
        if (args.length > 6 && args[3].equals(UPLOAD)) {
            upload(service, reference.getBundle(), args[4], Path.of(args[5]), URI.create(args[6]));
        } else if (args.length > 4) {
            getAgain(service, reference.getBundle(), Path.of(args[3]), Files.readAllLines(Path.of(args[4])));
        }
        System.out.println("READY");
        System.out.flush();
        if (Boolean.getBoolean(EXIT_WHEN_READY)) {
            // a warm-up run: the JVM writes its class data archive when it exits
            System.exit(0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Like the command line's {@code get}: starts the unfinished transfer of each URL, or adds one. */
    private static void getAgain(Object service, Bundle core, Path folder, List<String> urls) throws Exception {
        Class<?> requestType = core.loadClass("dev.bgtransfer.core.TransferRequest");
        Method download = service.getClass().getMethod("download", requestType);
        Method start = service.getClass().getMethod("start", long.class);
        Map<URI, Object> known = new HashMap<>();
        for (Object transfer : (List<?>) service.getClass().getMethod("transfers").invoke(service)) {
            known.put((URI) call(transfer, "url"), transfer);
        }
        for (String line : urls) {
            URI url = URI.create(line);
            Object transfer = known.get(url);
            if (transfer == null) {
                download.invoke(service, requestType.getMethod("of", URI.class, Path.class).invoke(null, url, folder));
            } else if (!"COMPLETED".equals(call(transfer, "state").toString())) {
                start.invoke(service, call(transfer, "id"));
            }
        }
    }

    /** Like a plug-in's upload: {@code file} to {@code url}, queued at once in a background session of its own. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static void upload(Object service, Bundle core, String session, Path file, URI url) throws Exception {
        Class<?> configurationType = core.loadClass("dev.bgtransfer.core.SessionConfiguration");
        Class kindType = core.loadClass("dev.bgtransfer.core.SessionKind");
        Object configuration = configurationType.getMethod("of", kindType).invoke(null,
                Enum.valueOf(kindType, "BACKGROUND"));
        Object opened = service.getClass().getMethod("session", String.class, configurationType).invoke(service,
                session, configuration);
        Class<?> requestType = core.loadClass("dev.bgtransfer.core.UploadRequest");
        Object request = requestType.getMethod("of", Path.class, URI.class).invoke(null, file, url);
        // through the interface: the session's own class is not public
        core.loadClass("dev.bgtransfer.core.TransferSession").getMethod("upload", requestType).invoke(opened, request);
    }

    /** Sets the service's limit of connections per host, its other options as they are. */
    private static void limitPerHost(Object service, Bundle core, int max) throws Exception {
        Class<?> optionsType = core.loadClass("dev.bgtransfer.core.TransferOptions");
        Object options = call(service, "options");
        Object limited = optionsType.getMethod("withMaxConnectionsPerHost", int.class).invoke(options, max);
        Method setOptions = core.loadClass("dev.bgtransfer.core.TransferService").getMethod("setOptions", optionsType);
        setOptions.invoke(service, limited);
    }

    private static Object call(Object target, String accessor) throws Exception {
        return target.getClass().getMethod(accessor).invoke(target);
    }
}
