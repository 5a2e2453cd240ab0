package dev.bgtransfer.ui.internal;

import java.util.Optional;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;

/**
 * Which session holds the workbench's own transfers, the ones the view's Add, Start All, Stop All
 * and Reset act on. With {@link UiPreferences#continueAfterExit()} it is a {@link SessionKind#BACKGROUND}
 * session of its own, {@link #IDENTIFIER}, which a workbench with the per-user service hands to it so
 * that it outlives the workbench; without, the service's default session, in this process. The
 * preference decides where new transfers go and what the tool bar acts on; transfers under way stay
 * in the session they were added to.
 */
public final class WorkbenchSession {

    /** The identifier of the workbench's background session. */
    public static final String IDENTIFIER = "dev.bgtransfer.workbench";

    private WorkbenchSession() {
    }

    /** @return whether {@code session} holds the workbench's transfers: the default session or its own */
    public static boolean isWorkbench(String session) {
        return TransferSession.DEFAULT_IDENTIFIER.equals(session) || IDENTIFIER.equals(session);
    }

    public static Transfer download(TransferService service, TransferRequest request) {
        return background(service).map(own -> own.download(request)).orElseGet(() -> service.download(request));
    }

    public static void startAll(TransferService service) {
        background(service).ifPresentOrElse(TransferSession::startAll, service::startAll);
    }

    public static void stopAll(TransferService service) {
        background(service).ifPresentOrElse(TransferSession::stopAll, service::stopAll);
    }

    public static void reset(TransferService service) {
        background(service).ifPresentOrElse(TransferSession::reset, service::resetAll);
    }

    /**
     * @return the workbench's background session, under the service's options (the preference page's
     *         connections per host and minimum speed), when the preference asks for it; empty for the
     *         default session, which the service's own methods act on without replacing its configuration
     */
    private static Optional<TransferSession> background(TransferService service) {
        if (!UiPreferences.continueAfterExit()) {
            return Optional.empty();
        }
        return Optional.of(service.session(IDENTIFIER,
                SessionConfiguration.of(SessionKind.BACKGROUND).withOptions(service.options())));
    }
}
