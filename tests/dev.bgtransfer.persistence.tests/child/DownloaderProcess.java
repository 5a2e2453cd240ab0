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
 * A separate process for the crash tests, launched in Java's source-file mode: it boots an OSGi
 * framework with the given bundles, so that the real transfer service runs on the store in
 * {@code stateDir}, optionally starts one download, and then runs until it is killed.
 * <p>
 * Arguments: {@code stateDir frameworkDir bundleListFile [url folder]}.
 */
public class DownloaderProcess {

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
        for (int i = 0; i < 600 && reference == null; i++) {
            reference = context.getServiceReference("dev.bgtransfer.core.TransferService");
            Thread.sleep(50);
        }
        if (reference == null) {
            throw new IllegalStateException("No TransferService in the child process");
        }
        Object service = context.getService(reference);
        if (args.length > 4) {
            Class<?> requestType = reference.getBundle().loadClass("dev.bgtransfer.core.TransferRequest");
            Object request = requestType.getMethod("of", URI.class, Path.class).invoke(null, URI.create(args[3]),
                    Path.of(args[4]));
            service.getClass().getMethod("download", requestType).invoke(service, request);
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
