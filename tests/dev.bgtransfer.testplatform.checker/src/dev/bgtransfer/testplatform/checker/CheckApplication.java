package dev.bgtransfer.testplatform.checker;

import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs inside the test platform after the director has installed dev.bgtransfer.feature into it,
 * and checks what an IDE user would rely on: every plug-in the installed feature lists is in the
 * running framework and resolved, the TransferService is registered (and activates), and, when
 * the feature carries dev.bgtransfer.ui, the Downloads view is contributed. Prints one line per
 * check ("ok" or "FAIL") and exits 0 when all passed, 1 otherwise.
 *
 * The expectations come from the feature as installed (its feature.xml in the installation), so
 * the view check turns itself on when dev.bgtransfer.ui joins the feature.
 */
public final class CheckApplication implements IApplication {

    static final String FEATURE = "dev.bgtransfer.feature";
    static final String SERVICE = "dev.bgtransfer.core.TransferService";
    static final String UI_BUNDLE = "dev.bgtransfer.ui";
    static final String VIEW = "dev.bgtransfer.ui.downloads";
    static final long SERVICE_WAIT_MILLIS = 15_000;

    private int passed;
    private int failed;
    private String[] arguments = new String[0];

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        Object given = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        if (given instanceof String[] strings) {
            arguments = strings;
        }
        try {
            checkAll();
        } catch (Exception | LinkageError e) { // a check that cannot run has failed
            check("the checks ran to their end", false, e.toString());
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? IApplication.EXIT_OK : Integer.valueOf(1);
    }

    private void checkAll() throws Exception {
        BundleContext bundles = FrameworkUtil.getBundle(getClass()).getBundleContext();

        List<String> plugins = featurePlugins();
        check("the installed feature lists dev.bgtransfer.core and dev.bgtransfer.persistence",
                plugins.contains("dev.bgtransfer.core") && plugins.contains("dev.bgtransfer.persistence"),
                "plug-ins: " + plugins);
        for (String id : plugins) {
            Bundle bundle = Platform.getBundle(id);
            String state = bundle == null ? "not installed" : state(bundle);
            check(id + " is installed and resolved (" + state + ")",
                    bundle != null && (bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0,
                    null);
        }

        checkService(bundles);

        if (plugins.contains(UI_BUNDLE)) {
            checkView();
        } else {
            System.out.println("skip  the view " + VIEW + ": the feature does not include " + UI_BUNDLE + " (yet)");
        }
    }

    @Override
    public void stop() {
        // runs to its end by itself
    }

    private void checkService(BundleContext bundles) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(bundles, SERVICE, null);
        tracker.open(true);
        try {
            Object service = tracker.waitForService(SERVICE_WAIT_MILLIS);
            ServiceReference<Object> reference = tracker.getServiceReference();
            String provider = reference == null ? null : reference.getBundle().getSymbolicName();
            // the installation's config.ini has dev.bgtransfer.daemon.socket=default (dev.bgtransfer.ui's p2.inf),
            // so the service the IDE's plug-ins get is the composite that hands background sessions to the daemon
            check("the service " + SERVICE + " the IDE gets is the composite of dev.bgtransfer.remote",
                    "dev.bgtransfer.remote".equals(provider), "provider: " + provider);
            check("the service activates (its component and its store start)", service != null, null);
            if (service != null) {
                new BackgroundCheck(service, this::check).run(arguments);
            }
        } finally {
            tracker.close();
        }
    }

    private void checkView() {
        IConfigurationElement view = null;
        for (IConfigurationElement element : Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.ui.views")) {
            if ("view".equals(element.getName()) && VIEW.equals(element.getAttribute("id"))) {
                view = element;
            }
        }
        check("the view " + VIEW + " is contributed to org.eclipse.ui.views", view != null, null);
        if (view == null) {
            return;
        }
        String contributor = view.getContributor().getName();
        check("it is contributed by " + UI_BUNDLE, UI_BUNDLE.equals(contributor), "contributor: " + contributor);
        String className = view.getAttribute("class");
        Bundle ui = Platform.getBundle(contributor);
        String problem = null;
        try {
            ui.loadClass(className); // links it against the IDE's workbench, no Display needed
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            problem = e.toString();
        }
        check("its class " + className + " loads", problem == null, problem);
    }

    /** The ids of the plug-ins that the installed dev.bgtransfer.feature lists (comments are not plug-ins). */
    private List<String> featurePlugins() throws Exception {
        Path features = installFolder().resolve("features");
        Path found = null;
        if (Files.isDirectory(features)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(features, FEATURE + "_*")) {
                for (Path entry : entries) {
                    found = entry;
                }
            }
        }
        check("dev.bgtransfer.feature is installed in features/", found != null, "in " + features);
        if (found == null) {
            return List.of();
        }
        org.w3c.dom.Document xml;
        if (Files.isDirectory(found)) {
            try (InputStream in = Files.newInputStream(found.resolve("feature.xml"))) {
                xml = parse(in);
            }
        } else {
            try (ZipFile jar = new ZipFile(found.toFile()); InputStream in = jar.getInputStream(jar.getEntry("feature.xml"))) {
                xml = parse(in);
            }
        }
        List<String> ids = new ArrayList<>();
        NodeList plugins = xml.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            ids.add(((Element) plugins.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static org.w3c.dom.Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(in);
    }

    private static Path installFolder() {
        Location install = Platform.getInstallLocation(); // a file: URL, the folder the launcher jar is in
        return Path.of(install.getURL().getPath());
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    void check(String name, boolean ok, String detail) {
        if (ok) {
            passed++;
            System.out.println("ok    " + name);
        } else {
            failed++;
            System.out.println("FAIL  " + name + (detail == null ? "" : " -- " + detail));
        }
    }
}
