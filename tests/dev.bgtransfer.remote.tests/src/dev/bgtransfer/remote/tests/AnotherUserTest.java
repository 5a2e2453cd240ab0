package dev.bgtransfer.remote.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A process of another user that reaches the socket (its folder's permissions loosened) is let go
 * without an answer; the owner's clients are served as before. Needs root, to run a process as
 * {@code nobody}, and Perl for that process's client (part of every Debian system).
 */
class AnotherUserTest extends RemoteServiceTest {
    /** Connects, says hello as a client of this version, and prints whether an answer came. */
    private static final String CLIENT = """
            use IO::Socket::UNIX; $SIG{PIPE} = 'IGNORE';
            my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or die "connect: $!";
            my $hello = '{"protocol":"bgtransfer-api","version":1}';
            syswrite($s, pack('N', length $hello) . $hello);
            my $n = sysread($s, my $answer, 4);
            print $n ? 'answered' : 'let go';
            """;

    @Test
    void aProcessOfAnotherUserIsLetGoWithoutAnAnswer() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "runs a process as nobody: needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv runs a process as another user");
        Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertEquals("let go", run(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "perl", "-e", CLIENT, socket.toString())));
        assertEquals("answered", run(List.of("perl", "-e", CLIENT, socket.toString())), "the owner is served");
        assertEquals(fixture.service().transfers(), connect().transfers());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assumeTrue(process.waitFor(30, TimeUnit.SECONDS), "the client process ended");
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
