package dev.bgtransfer.app.internal.workbench;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.samples.SampleFile;
import dev.bgtransfer.samples.SampleServer;

/**
 * On the first start (the store is empty) adds the five sample files to the service, added but
 * not started, so the product shows a list that works with no internet.
 */
final class SampleSeeder extends Job {
    /** Framework property naming the folder sample files are downloaded to. */
    static final String DOWNLOAD_FOLDER_PROPERTY = "dev.bgtransfer.downloadFolder"; //$NON-NLS-1$
    private static final long WAIT_MILLIS = 30_000;

    SampleSeeder() {
        super(Messages.seedingJob);
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        BundleContext context = FrameworkUtil.getBundle(SampleSeeder.class).getBundleContext();
        ServiceTracker<TransferService, TransferService> transfers = new ServiceTracker<>(context, TransferService.class, null);
        ServiceTracker<SampleServer, SampleServer> samples = new ServiceTracker<>(context, SampleServer.class, null);
        transfers.open();
        samples.open();
        try {
            TransferService service = transfers.waitForService(WAIT_MILLIS);
            SampleServer server = samples.waitForService(WAIT_MILLIS);
            if (service == null || server == null) {
                return Status.warning(Messages.seedingNoService);
            }
            if (service.ids().length == 0) {
                Path folder = downloadFolder(context);
                for (SampleFile file : server.files()) {
                    service.add(TransferRequest.of(file.url(), folder).withTitle(file.title())
                            .withExpectedSha256(file.sha256()));
                }
            }
            return Status.OK_STATUS;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } finally {
            samples.close();
            transfers.close();
        }
    }

    /**
     * The product's download folder. When {@code dev.bgtransfer.ui} lands with its download-folder
     * preference, read that preference here instead.
     */
    private static Path downloadFolder(BundleContext context) {
        String configured = context.getProperty(DOWNLOAD_FOLDER_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), "Downloads", "bgtransfer"); //$NON-NLS-1$ //$NON-NLS-2$
    }
}
