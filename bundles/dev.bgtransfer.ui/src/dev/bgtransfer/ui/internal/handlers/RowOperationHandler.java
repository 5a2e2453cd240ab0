package dev.bgtransfer.ui.internal.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.ui.internal.RowOperation;
import dev.bgtransfer.ui.internal.credentials.CredentialsRetry;
import dev.bgtransfer.ui.internal.dialogs.PauseWarning;

/**
 * Start, Pause, Stop or Retry on the selected rows, whichever applies to each. plugin.xml names the
 * operation after the class, e.g. {@code RowOperationHandler:pause}.
 */
public final class RowOperationHandler extends AbstractHandler implements IExecutableExtension {
    private RowOperation operation;

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data)
            throws CoreException {
        try {
            operation = RowOperation.valueOf(String.valueOf(data).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new CoreException(Status.error("Unknown row operation: " + data, unknown)); //$NON-NLS-1$
        }
    }

    @Override
    public Object execute(ExecutionEvent event) {
        apply(operation, SelectedTransfers.of(event), HandlerUtil.getActiveShell(event));
        return null;
    }

    /**
     * Applies {@code operation} to the transfers it applies to; a retry that needs a user name and
     * password asks for them first, a pause of transfers that cannot resume asks whether to go on.
     */
    static void apply(RowOperation operation, List<Transfer> transfers, Shell shell) {
        List<Transfer> selected = new ArrayList<>(transfers);
        if (operation == RowOperation.RETRY) {
            selected.stream().filter(CredentialsRetry::needed).forEach(transfer -> CredentialsRetry.ask(shell, transfer));
            selected.removeIf(CredentialsRetry::needed);
        }
        if (operation == RowOperation.PAUSE && !PauseWarning.confirmed(shell, selected)) {
            return;
        }
        operation.run(selected);
    }
}
