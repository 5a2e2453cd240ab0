package dev.bgtransfer.core.internal.http;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferFailure.Kind;

/** Where the body of a response sits in the entity, and whether that is what was asked for. */
public final class ResponseRange {
    private static final String CONTENT_RANGE = "Content-Range";

    private ResponseRange() {
    }

    /** @return whether a 416 says the entity is {@code offset} bytes long: everything asked for is there */
    public static boolean endsAt(Exchange unsatisfiable, long offset) {
        ContentRange range = ContentRange.parse(unsatisfiable.header(CONTENT_RANGE));
        return range != null && range.complete() == offset;
    }

    /**
     * @param offset the first byte asked for (a Range from there), or 0
     * @return where the body starts: {@code offset} for a fitting 206, 0 for a 200
     * @throws TransferException for a 206 that does not fit, or any other status
     */
    public static long bodyStart(Exchange exchange, long offset) throws TransferException {
        return bodyStart(exchange, offset, offset > 0);
    }

    /**
     * @param rangeAsked whether a range from {@code offset} was asked for (also {@code bytes=0-} from zero)
     * @return where the body starts: {@code offset} for a fitting 206, 0 for a 200
     * @throws TransferException for a 206 that does not fit or was not asked for, or any other status
     */
    public static long bodyStart(Exchange exchange, long offset, boolean rangeAsked) throws TransferException {
        int status = exchange.status();
        if (status == 200) {
            return 0;
        }
        if (status == 206 && rangeAsked) {
            ContentRange range = ContentRange.parse(exchange.header(CONTENT_RANGE));
            if (range == null || range.first() != offset || exchange.headerCount(CONTENT_RANGE) != 1) {
                throw TransferException.permanent(Kind.PROTOCOL,
                        NLS.bind(Messages.badContentRange, exchange.header(CONTENT_RANGE)));
            }
            return offset;
        }
        if (status == 206) {
            throw TransferException.permanent(Kind.PROTOCOL, NLS.bind(Messages.unaskedPartial, exchange.url()));
        }
        throw NetworkFailures.httpStatus(exchange);
    }

    /** @return the entity's full length, or {@link Transfer#UNKNOWN_SIZE}, of an answer {@link #bodyStart} took */
    public static long entityLength(Exchange exchange) throws TransferException {
        long bodyLength = exchange.contentLength();
        if (exchange.status() != 206) {
            return bodyLength < 0 ? Transfer.UNKNOWN_SIZE : bodyLength;
        }
        ContentRange range = ContentRange.parse(exchange.header(CONTENT_RANGE));
        if (bodyLength >= 0 && bodyLength != range.length()) {
            throw TransferException.permanent(Kind.PROTOCOL,
                    NLS.bind(Messages.badContentRange, exchange.header(CONTENT_RANGE)));
        }
        return range.complete() >= 0 ? range.complete() : Transfer.UNKNOWN_SIZE;
    }
}
