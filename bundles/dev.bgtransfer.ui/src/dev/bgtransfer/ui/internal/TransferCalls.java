package dev.bgtransfer.ui.internal;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import dev.bgtransfer.core.TransferService;

/**
 * Calls the {@link TransferService} from the OSGi registry on a background Job, never on the UI
 * thread: its operations write the transfer store and delete files. Calls run one at a time, in
 * the order they were made, so a quick start-then-pause is not reordered. Only quick reads run on
 * the calling thread ({@link #read}).
 */
public final class TransferCalls {
    private static final ISchedulingRule ONE_AT_A_TIME = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private TransferCalls() {
    }

    /**
     * Reads from the service on the calling thread, for quick reads that write nothing (a page of
     * rows for the table, from memory and one indexed query).
     *
     * @return what {@code query} returned; empty when there is no service
     */
    public static <T> Optional<T> read(Function<TransferService, T> query) {
        BundleContext context = FrameworkUtil.getBundle(TransferCalls.class).getBundleContext();
        ServiceReference<TransferService> reference = context == null ? null
                : context.getServiceReference(TransferService.class);
        TransferService service = reference == null ? null : context.getService(reference);
        if (service == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(query.apply(service));
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * Runs {@code call} with the service on a background Job; failures are logged.
     *
     * @param name what the call does, for the Job's name
     * @param call what to do with the service
     */
    public static void run(String name, Consumer<TransferService> call) {
        Job job = Job.create(name, monitor -> {
            try {
                boolean called = read(service -> {
                    call.accept(service);
                    return Boolean.TRUE;
                }).isPresent();
                if (!called) {
                    ILog.of(TransferCalls.class).log(Status.warning(Messages.serviceMissing));
                }
            } catch (IllegalArgumentException | IllegalStateException refused) {
                // e.g. the transfer was removed meanwhile: nothing to do for a person
                ILog.of(TransferCalls.class).log(Status.warning(name + ": " + refused.getMessage(), refused));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.setRule(ONE_AT_A_TIME);
        job.setPriority(Job.INTERACTIVE);
        job.schedule();
    }
}
