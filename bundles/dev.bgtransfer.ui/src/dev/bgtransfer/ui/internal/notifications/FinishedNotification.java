package dev.bgtransfer.ui.internal.notifications;

import java.text.MessageFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.jface.notifications.NotificationPopup;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferEvent;
import dev.bgtransfer.core.TransferKind;

/**
 * The popup that says all transfers have finished: how many completed and failed, and which; for a
 * batch that finished while the workbench was away, first that it did.
 */
final class FinishedNotification {
    private static final int MAX_TITLES = 5;

    private FinishedNotification() {
    }

    /** @return the popup's text for this event: how many completed and failed, then which */
    static String text(TransferEvent.AllFinished finished) {
        int completed = finished.completed().size();
        int failed = finished.failed().size();
        Nouns nouns = Nouns.of(finished);
        String summary;
        if (failed == 0) {
            summary = MessageFormat.format(Messages.notifyCompleted, completed, nouns.one(), nouns.many());
        } else if (completed == 0) {
            summary = MessageFormat.format(Messages.notifyFailed, failed, nouns.one(), nouns.many());
        } else {
            summary = MessageFormat.format(Messages.notifyCompletedAndFailed, completed, failed, nouns.one(),
                    nouns.many());
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

    /** @return the popup's title: which kind of transfer finished */
    static String title(TransferEvent.AllFinished finished) {
        return Nouns.of(finished).title();
    }

    /** @return the first few titles, and how many more there are */
    private static String titles(List<Transfer> transfers) {
        String shown = transfers.stream().limit(MAX_TITLES).map(Transfer::title).collect(Collectors.joining(", "));
        int more = transfers.size() - MAX_TITLES;
        return more > 0 ? NLS.bind(Messages.notifyMore, shown, more) : shown;
    }

    /** What the transfers of a batch are called: downloads, uploads, or transfers when both kinds finished. */
    private record Nouns(String one, String many, String title) {
        static Nouns of(TransferEvent.AllFinished finished) {
            Set<TransferKind> kinds = Stream.concat(finished.completed().stream(), finished.failed().stream())
                    .map(Transfer::kind).collect(Collectors.toSet());
            if (kinds.equals(Set.of(TransferKind.UPLOAD))) {
                return new Nouns(Messages.nounUpload, Messages.nounUploads, Messages.notifyTitleUploads);
            }
            if (kinds.size() > 1) {
                return new Nouns(Messages.nounTransfer, Messages.nounTransfers, Messages.notifyTitleTransfers);
            }
            return new Nouns(Messages.nounDownload, Messages.nounDownloads, Messages.notifyTitleDownloads);
        }
    }

    /** @return the popup's text for a batch that finished while the workbench was away */
    static String textWhileAway(TransferEvent.AllFinished finished) {
        return Messages.notifyWhileAway + '\n' + text(finished);
    }

    /** Shows the popup; on the UI thread. */
    static void show(Display display, TransferEvent.AllFinished finished, boolean whileAway) {
        NotificationPopup.forDisplay(display)
                .title(title(finished), true)
                .text(whileAway ? textWhileAway(finished) : text(finished))
                .open();
    }
}
