package dev.bgtransfer.ui.internal.notifications;

import java.text.MessageFormat;

import org.eclipse.jface.notifications.NotificationPopup;
import org.eclipse.swt.widgets.Display;

import dev.bgtransfer.core.TransferEvent;

/** The popup that says all transfers have finished, and how many failed. */
public final class FinishedNotification {

    private FinishedNotification() {
    }

    /** @return the popup's text for this event */
    public static String text(TransferEvent.AllFinished finished) {
        if (finished.failed() == 0) {
            return MessageFormat.format(Messages.notifyCompleted, finished.completed());
        }
        if (finished.completed() == 0) {
            return MessageFormat.format(Messages.notifyFailed, finished.failed());
        }
        return MessageFormat.format(Messages.notifyCompletedAndFailed, finished.completed(), finished.failed());
    }

    /** Shows the popup; on the UI thread. */
    static void show(Display display, TransferEvent.AllFinished finished) {
        NotificationPopup.forDisplay(display)
                .title(Messages.notifyTitle, true)
                .text(text(finished))
                .open();
    }
}
