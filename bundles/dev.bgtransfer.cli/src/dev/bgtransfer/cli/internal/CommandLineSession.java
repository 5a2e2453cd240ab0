package dev.bgtransfer.cli.internal;

import dev.bgtransfer.core.SessionConfiguration;
import dev.bgtransfer.core.SessionKind;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.core.TransferSession;

/**
 * The command line's own session: what {@code get}, {@code put} and {@code resume} start runs under the
 * command's options, which change nobody else's transfers.
 */
final class CommandLineSession {
    static final String IDENTIFIER = "dev.bgtransfer.cli";

    private CommandLineSession() {
    }

    /**
     * @param asked the command's options over the service's; a per-host limit above the service's
     *              raises the service's, as the command line's process (or its {@code serve}) is its own
     */
    static TransferSession open(TransferService service, SessionOptions asked) {
        TransferOptions serviceOptions = service.options();
        TransferOptions options = asked.over(serviceOptions);
        if (options.maxConnectionsPerHost() > serviceOptions.maxConnectionsPerHost()) {
            service.setOptions(serviceOptions.withMaxConnectionsPerHost(options.maxConnectionsPerHost()));
        }
        return service.session(IDENTIFIER, SessionConfiguration.of(SessionKind.BACKGROUND).withOptions(options));
    }
}
