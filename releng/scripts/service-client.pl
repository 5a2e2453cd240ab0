#!/usr/bin/perl
# Hands a command to the daemon of its state folder (`bgtransfer serve`) and relays what it prints and its
# exit status: the launcher's fast client. Perl is part of every Debian system (perl-base) and starts in a
# few milliseconds, where the JDK client (ServiceClient) needs ~50. It speaks the handshake and protocol 3
# of dev.bgtransfer.cli.internal.remote (Handshake, ServiceSocket), and only with a daemon of its own build:
# anything else is the JDK client's to handle.
#
#   service-client.pl SOCKET WORKING_FOLDER TERMINAL(true|false) INTERACTIVE(true|false) BUILD ARGUMENT...
#
# TERMINAL: stderr is a terminal (progress is redrawn in place); INTERACTIVE: stdin is one too, so that
# the daemon may ask for a user name and password, which this client reads (the password without echo).
#
# Exits 75 when no daemon takes commands on SOCKET (none, a stale socket, one ending), so that the launcher
# starts one; 77 when the JDK client is to take over: a daemon of another build or protocol (to be asked
# to make way), a socket folder that is not this user's (to be refused with a sentence). A reader that goes
# away (list | head) ends it as SIGPIPE ends any tool; the daemon then stops the command.
#
# Every command pays for this client's start, so it loads no module but strict: warnings, constant,
# Socket and File::Basename took ~6.5 ms of CPU of a ~8 ms start (perf stat), more than the daemon
# spends on a small download. Constants are inlined subs; the socket's numbers are Linux's.
use strict;

sub HELLO_MAGIC () { 0x42475448 }
sub PROTOCOL () { 3 }
sub RUN () { 'R' }
sub STDOUT_FRAME () { 1 }
sub STDERR_FRAME () { 2 }
sub EXIT_FRAME () { 3 }
sub PROMPT_FRAME () { 4 }
sub NO_ANSWER () { 0xFFFFFFFF }
sub NO_SERVICE () { 75 }
sub JDK_CLIENT () { 77 }
sub AF_UNIX () { 1 } # also PF_UNIX
sub SOCK_STREAM () { 1 }

$SIG{PIPE} = 'IGNORE'; # a write to a daemon or a reader that went away fails, and is handled
my $echo_off; # while a password is typed; a Ctrl+C then leaves the terminal as it was
$SIG{INT} = $SIG{TERM} = $SIG{HUP} = sub { restore_echo(); exit 130 };
my ($socket_path, $working_folder, $terminal, $interactive, $build, @arguments) = @ARGV;
exit NO_SERVICE unless defined $build;
my $state = parent(parent($socket_path));

# Only a socket in a folder of this user's is talked to (OwnFolders tells why).
my @folder = lstat(parent($socket_path)) or exit NO_SERVICE;
exit JDK_CLIENT unless -d _ && $folder[4] == $>;

my $daemon;
socket($daemon, AF_UNIX, SOCK_STREAM, 0) or exit NO_SERVICE;
# struct sockaddr_un: the family, then the path, NUL-padded to 108 bytes
connect($daemon, pack('S a108', AF_UNIX, $socket_path)) or exit NO_SERVICE;

write_fully($daemon, pack('N N N/a*', HELLO_MAGIC, PROTOCOL, $build)) or exit NO_SERVICE;
my ($magic, $protocol, $accepting) = unpack('N N C', read_fully($daemon, 9, NO_SERVICE));
my $pid = read_fully($daemon, 8, NO_SERVICE);
my $daemon_build = read_fully($daemon, unpack('N', read_fully($daemon, 4, NO_SERVICE)), NO_SERVICE);
exit NO_SERVICE unless $magic == HELLO_MAGIC && $accepting;
exit JDK_CLIENT unless $protocol == PROTOCOL && $daemon_build eq $build;

# arguments arrive as the bytes the shell passed, UTF-8 on any current system: sent as they are
my $request = pack('N/a*', $working_folder) . pack('C C', $terminal eq 'true', $interactive eq 'true')
    . pack('N', scalar @arguments) . join('', map { pack('N/a*', $_) } @arguments);
write_fully($daemon, RUN . pack('N', length $request) . $request) or stopped();

my %streams = (STDOUT_FRAME, \*STDOUT, STDERR_FRAME, \*STDERR);
binmode $_ for values %streams;
while (1) {
    my ($kind, $value) = unpack('C N', read_fully($daemon, 5));
    exit $value if $kind == EXIT_FRAME;
    my $bytes = read_fully($daemon, $value);
    if ($kind == PROMPT_FRAME) {
        write_fully($daemon, answer(unpack('C a*', $bytes))) or stopped();
        next;
    }
    my $stream = $streams{$kind} or stopped();
    write_fully($stream, $bytes) or exit 141;
}

# The folder a path is in, as dirname(1) says for the absolute paths the launcher passes
sub parent {
    my ($path) = @_;
    $path =~ s{/+[^/]*/*$}{};
    return length $path ? $path : '/';
}

# Shows a prompt on stderr and reads a line from stdin, a password without echo; @return the answer frame
sub answer {
    my ($echo, $prompt) = @_;
    syswrite(STDERR, $prompt);
    $echo_off = !$echo && -t STDIN && system('stty', '-echo') == 0;
    my $line = <STDIN>;
    restore_echo();
    return pack('N', NO_ANSWER) unless defined $line;
    chomp $line;
    return pack('N/a*', $line);
}

sub restore_echo {
    return unless $echo_off;
    system('stty', 'echo');
    syswrite(STDERR, "\n");
    $echo_off = 0;
}

# Reads LENGTH bytes; at the end of the stream exits with ON_END, or says the daemon stopped.
sub read_fully {
    my ($handle, $length, $on_end) = @_;
    my $bytes = '';
    while (length $bytes < $length) {
        my $read = sysread($handle, $bytes, $length - length $bytes, length $bytes);
        next if $read;
        exit $on_end if defined $on_end;
        stopped();
    }
    return $bytes;
}

sub write_fully {
    my ($handle, $bytes) = @_;
    while (length $bytes) {
        my $written = syswrite($handle, $bytes);
        return 0 unless defined $written;
        substr($bytes, 0, $written) = '';
    }
    return 1;
}

# the same sentence as ServiceClient's "serviceStopped" in remote/messages.properties
sub stopped {
    syswrite(STDERR, "bgtransfer: the daemon for $state stopped before the command ended; what it had under way"
        . " continues when it next starts, and \"bgtransfer resume\" waits for it\n");
    exit 1;
}
