package dev.bgtransfer.cli.internal;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.samples.SampleFile;
import dev.bgtransfer.samples.SamplePreferences;
import dev.bgtransfer.samples.SampleServer;

/** {@code samples}: serves the five sample files until the process is stopped. */
final class SamplesCommand {

    private SamplesCommand() {
    }

    /** Must run before the sample server is first asked for: it reads these properties when it starts. */
    static void configure(Command.Samples samples) {
        samples.port().ifPresent(port -> System.setProperty(SamplePreferences.PORT_PROPERTY, port.toString()));
        samples.bytesPerSecond().ifPresent(
                rate -> System.setProperty(SamplePreferences.BYTES_PER_SECOND_PROPERTY, rate.toString()));
        samples.user().ifPresent(user -> System.setProperty(SamplePreferences.USER_PROPERTY,
                user.getUserName() + ":" + new String(user.getPassword())));
    }

    static int serve(SampleServer server, PrintStream out, PrintStream err) throws InterruptedException {
        for (SampleFile file : server.files()) {
            out.println(file.url() + "\t" + file.size() + "\t" + file.sha256() + "\t" + file.title());
        }
        out.flush();
        err.println(NLS.bind(Messages.samplesServing, server.baseUri(), server.bytesPerSecond()));
        new CountDownLatch(1).await(); // until the process is stopped
        return 0;
    }
}
