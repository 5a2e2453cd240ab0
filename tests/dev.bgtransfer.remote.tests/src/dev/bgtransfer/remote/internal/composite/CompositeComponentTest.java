package dev.bgtransfer.remote.internal.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;
import dev.bgtransfer.junit.TransferFixture;

/**
 * Which {@link TransferService} the consumers of this framework get: the core's, unless the
 * framework property {@value CompositeTransferService#SOCKET} names the daemon's socket when the
 * gate activates; then the composite, which references the core's and not itself.
 */
class CompositeComponentTest {
    private static final String CORE = "dev.bgtransfer.core.internal.TransferServiceComponent";

    private final BundleContext context = FrameworkUtil.getBundle(CompositeTransferService.class).getBundleContext();
    private final ServiceComponentRuntime runtime = context
            .getService(context.getServiceReference(ServiceComponentRuntime.class));
    private final ComponentDescriptionDTO composite = description(CompositeTransferService.class);
    private final ComponentDescriptionDTO gate = description(DaemonSocketGate.class);

    @TempDir
    Path folder;

    @Test
    void withoutTheSocketPropertyConsumersGetTheCoresService() {
        assertNull(context.getProperty(CompositeTransferService.SOCKET));
        assertTrue(runtime.isComponentEnabled(gate), "the gate ran");
        assertFalse(runtime.isComponentEnabled(composite));
        assertEquals(CORE, componentOf(context.getServiceReference(TransferService.class)));
    }

    @Test
    void withTheSocketPropertyTheGateEnablesTheCompositeAboveTheCores() throws Exception {
        System.setProperty(CompositeTransferService.SOCKET, folder.resolve("daemon").toString());
        try {
            runtime.disableComponent(gate).getValue();
            runtime.enableComponent(gate).getValue(); // activates it again, now with the property set
            TransferFixture.awaitTrue("the composite is registered", () -> runtime.isComponentEnabled(composite)
                    && componentOf(context.getServiceReference(TransferService.class)).equals(composite.name));

            ServiceReference<TransferService> reference = context.getServiceReference(TransferService.class);
            TransferService service = context.getService(reference);
            try {
                assertInstanceOf(CompositeTransferService.class, service);
                assertEquals(CompositeTransferService.RANKING, reference.getProperty(Constants.SERVICE_RANKING));
                assertEquals(CORE, componentOf(boundCore()));
                TransferSession background = service.session("test.composite.gate",
                        SessionConfiguration.of(SessionKind.BACKGROUND));
                assertFalse(background instanceof DaemonSession, "in this process: nothing answers on the socket");
                background.invalidate();
            } finally {
                context.ungetService(reference);
            }
        } finally {
            System.clearProperty(CompositeTransferService.SOCKET);
            runtime.disableComponent(composite).getValue();
        }
        assertEquals(CORE, componentOf(context.getServiceReference(TransferService.class)));
    }

    /** @return the properties of the service the composite's reference {@code core} is bound to */
    private ServiceReference<?> boundCore() throws Exception {
        ComponentConfigurationDTO configuration = runtime.getComponentConfigurationDTOs(composite).iterator().next();
        SatisfiedReferenceDTO core = Arrays.stream(configuration.satisfiedReferences)
                .filter(reference -> reference.name.equals("core")).findFirst().orElseThrow();
        assertEquals(1, core.boundServices.length, "one service bound");
        return context.getServiceReferences(TransferService.class,
                "(" + Constants.SERVICE_ID + "=" + core.boundServices[0].id + ")").iterator().next();
    }

    private static Object componentOf(ServiceReference<?> reference) {
        return reference.getProperty(ComponentConstants.COMPONENT_NAME);
    }

    private ComponentDescriptionDTO description(Class<?> component) {
        return runtime.getComponentDescriptionDTO(context.getBundle(), component.getName());
    }
}
