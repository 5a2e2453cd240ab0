package dev.bgtransfer.ui.internal.notifications;

import java.text.MessageFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.notifications.NotificationPopup;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;

/** The popup that says all transfers have finished: how many completed and failed, and which. */
final class FinishedNotification {
    private static final int MAX_TITLES = 5;

    private FinishedNotification() {
    }

    /** @return the popup's text for this event: how many completed and failed, then which */
    static String text(TransferEvent.AllFinished finished) {
        int completed = finished.completed().size();
        int failed = finished.failed().size();
        String summary;
        if (failed == 0) {
            summary = MessageFormat.format(Messages.notifyCompleted, completed);
        } else if (completed == 0) {
            summary = MessageFormat.format(Messages.notifyFailed, failed);
        } else {
            summary = MessageFormat.format(Messages.notifyCompletedAndFailed, completed, failed);
        }
        StringBuilder text = new StringBuilder(summary);
        if (completed > 0) {
            text.append('\n').append(NLS.bind(Messages.notifyCompletedNames, titles(finished.completed())));
        }
        if (failed > 0) {
            text.append('\n').append(NLS.bind(Messages.notifyFailedNames, titles(finished.failed())));
        }
        return text.toString();
    }

    /** @return the first few titles, and how many more there are */
    private static String titles(List<Transfer> transfers) {
        String shown = transfers.stream().limit(MAX_TITLES).map(Transfer::title).collect(Collectors.joining(", "));
        int more = transfers.size() - MAX_TITLES;
        return more > 0 ? NLS.bind(Messages.notifyMore, shown, more) : shown;
    }

    /** Shows the popup; on the UI thread. */
    static void show(Display display, TransferEvent.AllFinished finished) {
        NotificationPopup.forDisplay(display)
                .title(Messages.notifyTitle, true)
                .text(text(finished))
                .open();
    }
}
