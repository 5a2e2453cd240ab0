package dev.bgtransfer.ui.internal.view;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferKind;
import dev.bgtransfer.core.TransferState;

/**
 * "bytes / total", "bytes of unknown size", or the size of the finished file; for an upload, the
 * bytes are those sent: "bytes / total sent", "total sent".
 */
final class SizeColumn extends ColumnLabelProvider {

    @Override
    public String getText(Object element) {
        return text(((TransferRow) element).transfer());
    }

    static String text(Transfer transfer) {
        TransferState state = transfer.state();
        boolean upload = transfer.kind() == TransferKind.UPLOAD;
        if (state == TransferState.COMPLETED) {
            String size = Formats.bytes(transfer.isSizeKnown() ? transfer.totalBytes() : transfer.bytesReceived());
            return upload ? NLS.bind(Messages.sizeSent, size) : size;
        }
        boolean contacted = state == TransferState.RUNNING || state == TransferState.PAUSED
                || transfer.bytesReceived() > 0;
        if (state == TransferState.CANCELLED || !contacted) {
            return ""; //$NON-NLS-1$
        }
        if (!transfer.isSizeKnown()) {
            return transfer.bytesReceived() > 0
                    ? NLS.bind(Messages.sizeOfUnknown, Formats.bytes(transfer.bytesReceived()))
                    : Messages.unknownSize;
        }
        return NLS.bind(upload ? Messages.sizeSentOfTotal : Messages.sizeOfTotal,
                Formats.bytes(transfer.bytesReceived()), Formats.bytes(transfer.totalBytes()));
    }
}
