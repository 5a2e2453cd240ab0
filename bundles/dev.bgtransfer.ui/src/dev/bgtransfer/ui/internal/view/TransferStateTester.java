package dev.bgtransfer.ui.internal.view;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.services.IEvaluationService;

import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.internal.OpenableFile;
import dev.bgtransfer.ui.internal.RowOperation;

/**
 * Tests a row of the Downloads view in handler and menu expressions:
 * {@code dev.bgtransfer.ui.canStart}, {@code canPause}, {@code canStop}, {@code canRetry},
 * {@code canOpen}, {@code canChangeUrl} and {@code canLimit} (not completed: bytes are left to limit).
 */
public final class TransferStateTester extends PropertyTester {
    /** The namespace of the properties, as declared in plugin.xml. */
    private static final String NAMESPACE = "dev.bgtransfer.ui"; //$NON-NLS-1$
    private static final String[] PROPERTIES = { "canStart", "canPause", "canStop", "canRetry", "canOpen", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
            "canChangeUrl", "canLimit" }; //$NON-NLS-1$ //$NON-NLS-2$

    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        if (!(receiver instanceof TransferRow row)) {
            return false;
        }
        TransferState state = row.transfer().state();
        boolean result = switch (property) {
            case "canStart" -> RowOperation.START.appliesTo(state); //$NON-NLS-1$
            case "canPause" -> RowOperation.PAUSE.appliesTo(state); //$NON-NLS-1$
            case "canStop" -> RowOperation.STOP.appliesTo(state); //$NON-NLS-1$
            case "canRetry" -> RowOperation.RETRY.appliesTo(state); //$NON-NLS-1$
            case "canOpen" -> OpenableFile.of(row.transfer()).isPresent(); //$NON-NLS-1$
            case "canChangeUrl" -> !row.isUpload() && state != TransferState.COMPLETED; //$NON-NLS-1$
            case "canLimit" -> state != TransferState.COMPLETED; //$NON-NLS-1$
            default -> false;
        };
        return expectedValue == null ? result : expectedValue.equals(result);
    }

    /** Asks the workbench to evaluate expressions on these properties again: rows changed state. */
    static void requestEvaluation(IWorkbenchPartSite site) {
        IEvaluationService evaluation = site.getService(IEvaluationService.class);
        if (evaluation != null) {
            for (String property : PROPERTIES) {
                evaluation.requestEvaluation(NAMESPACE + '.' + property);
            }
        }
    }
}
