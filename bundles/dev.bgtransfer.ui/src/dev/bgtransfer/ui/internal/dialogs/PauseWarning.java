package dev.bgtransfer.ui.internal.dialogs;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import dev.bgtransfer.core.Transfer;

/**
 * Asks before a pause that would cost bytes: a queued or running transfer whose server showed it
 * cannot resume ({@link dev.bgtransfer.core.Resumability.Value#NO}) fetches them again from the start
 * when it starts. The service pauses it all the same when asked (a plug-in may have reasons); the
 * person at the view is told first, and "Keep Running" is the default button, so that Enter does not
 * throw the bytes away. A transfer whose resumability is not known yet is paused without asking: most
 * servers that do not say resume all the same, and asking each time would teach people to click through.
 */
public final class PauseWarning {

    private PauseWarning() {
    }

    /** @return those of {@code transfers} a pause applies to and would cost their bytes */
    public static List<Transfer> costly(Collection<Transfer> transfers) {
        return transfers.stream().filter(transfer -> transfer.state().isActive() && transfer.resumability().isNot())
                .toList();
    }

    /** @return the question for {@code costly}, naming each transfer and why it cannot resume */
    public static String question(List<Transfer> costly) {
        String which = costly.stream().map(transfer -> NLS.bind(Messages.pauseWarningItem, transfer.title(),
                transfer.resumability().reason())).collect(Collectors.joining("\n")); //$NON-NLS-1$
        return NLS.bind(costly.size() == 1 ? Messages.pauseWarningOne : Messages.pauseWarningMany, which);
    }

    /**
     * @return whether to pause {@code transfers}: none of them would lose its bytes, or the person
     *         chose to pause anyway
     */
    public static boolean confirmed(Shell shell, Collection<Transfer> transfers) {
        List<Transfer> costly = costly(transfers);
        if (costly.isEmpty()) {
            return true;
        }
        return new MessageDialog(shell, Messages.pauseWarningTitle, null, question(costly), MessageDialog.WARNING, 1,
                Messages.pauseAnywayButton, Messages.keepRunningButton).open() == 0;
    }
}
