package dev.bgtransfer.ui.internal.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.ui.internal.TransferCalls;

/**
 * Speed and time left while running, the state otherwise, the reason of a failure in full (in red,
 * with the error icon); where a completed download was saved, where a completed upload was sent.
 * Painted: with owner draw on, GTK ignores a cell's own color and image.
 */
final class StatusColumn extends OwnerDrawnColumn {
    private static final int INSET = 6;

    @Override
    String text(TransferRow row) {
        Transfer transfer = row.transfer();
        return switch (transfer.state()) {
            case RUNNING -> running(row);
            case QUEUED -> Messages.stateQueued;
            case PAUSED -> Messages.statePaused;
            case CANCELLED -> Messages.stateStopped;
            case COMPLETED -> completed(row);
            case FAILED -> transfer.failure().map(TransferFailure::message).orElse(Messages.stateFailed);
        };
    }

    private static String completed(TransferRow row) {
        Transfer transfer = row.transfer();
        if (row.isUpload()) {
            return NLS.bind(Messages.stateSentTo, transfer.url().getHost());
        }
        return transfer.file().map(file -> NLS.bind(Messages.stateSavedAs, file.getFileName()))
                .orElse(Messages.stateReady);
    }

    private static String running(TransferRow row) {
        Transfer transfer = row.transfer();
        String running = row.isUpload() ? Messages.stateUploading : Messages.stateDownloading;
        if (transfer.isWaitingForSpace()) {
            return transfer.failure().map(TransferFailure::message).orElse(running);
        }
        if (transfer.isWaitingToRetry()) {
            long seconds = Math.max(0, Duration.between(Instant.now(), transfer.nextRetry().orElseThrow()).toSeconds());
            return NLS.bind(Messages.stateWaitingToRetry, seconds,
                    transfer.failure().map(TransferFailure::message).orElse("")); //$NON-NLS-1$
        }
        OptionalDouble speed = row.bytesPerSecond();
        if (speed.isEmpty()) {
            return running;
        }
        Optional<Duration> left = row.timeLeft();
        return left.isPresent()
                ? NLS.bind(Messages.speedAndTimeLeft, Formats.rate(speed.getAsDouble()), Formats.duration(left.get()))
                : Formats.rate(speed.getAsDouble());
    }

    @Override
    void paint(Event event, TransferRow row, Rectangle cell) {
        GC gc = event.gc;
        Color oldForeground = gc.getForeground();
        int x = cell.x + INSET;
        boolean failed = row.transfer().state() == TransferState.FAILED;
        if (failed) {
            Image icon = PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_ERROR_TSK);
            if (icon != null) {
                Rectangle size = icon.getBounds();
                gc.drawImage(icon, x, cell.y + (cell.height - size.height) / 2);
                x += size.width + 4;
            }
            if (!selected(event)) {
                gc.setForeground(Palette.of(event).failure);
            }
        }
        if (selected(event)) {
            gc.setForeground(event.display.getSystemColor(SWT.COLOR_LIST_SELECTION_TEXT));
        }
        String text = text(row);
        Point extent = gc.textExtent(text);
        // + 1: on the same baseline as the natively drawn text of the other columns
        gc.drawText(text, x, cell.y + (cell.height - extent.y) / 2 + 1, true);
        gc.setForeground(oldForeground);
    }

    /** The failure in full, where a completed transfer went; an unfinished one's bandwidth limit, if it has one. */
    @Override
    public String getToolTipText(Object element) {
        TransferRow row = (TransferRow) element;
        String tooltip = switch (row.transfer().state()) {
            case FAILED -> text(row);
            case RUNNING -> row.transfer().isWaitingToRetry() ? text(row) : null;
            case COMPLETED -> row.isUpload() ? row.transfer().url().toString()
                    : row.transfer().file().map(Object::toString).orElse(null);
            default -> null;
        };
        if (row.transfer().state() == TransferState.COMPLETED) {
            return tooltip;
        }
        // read when the pointer rests on the cell, not with each refresh: a snapshot carries no limit
        Optional<String> limit = TransferCalls.read(service -> service.rateLimit(row.id()))
                .filter(RateLimit::isLimited).map(rate -> NLS.bind(Messages.limitTooltip, rate.toCurlSyntax(), rate.describe()));
        return limit.map(line -> tooltip == null ? line : tooltip + '\n' + line).orElse(tooltip);
    }
}
