#!/usr/bin/perl
# Hands a get, put, list or resume to the running `bgtransfer serve` of its state folder and relays what it
# prints and its exit status: the launcher's fast client. Perl is part of every Debian system
# (perl-base) and starts in a few milliseconds, where the JDK client (ServiceClient, used when there is
# no Perl) needs ~50. It speaks the wire of dev.bgtransfer.cli.internal.remote.ServiceSocket.
#
#   service-client.pl SOCKET WORKING_FOLDER TERMINAL(true|false) ARGUMENT...
#
# Exits 75 when nothing answers on SOCKET, so that the launcher runs the command itself. A reader that
# goes away (list | head) ends it as SIGPIPE ends any tool; the service then stops the command.
use strict;
use warnings;
use Socket qw(PF_UNIX SOCK_STREAM pack_sockaddr_un);

use constant { MAGIC => 0x42475432, STDOUT_FRAME => 1, STDERR_FRAME => 2, EXIT_FRAME => 3, NO_SERVICE => 75 };
# the same sentence as ServiceClient's "serviceStopped" in messages.properties
use constant SERVICE_STOPPED => 'bgtransfer: the background service stopped before the command ended;'
    . ' "bgtransfer resume" finishes what it left';

my ($socket_path, $working_folder, $terminal, @arguments) = @ARGV;
exit NO_SERVICE unless defined $terminal;

my $service;
socket($service, PF_UNIX, SOCK_STREAM, 0) or exit NO_SERVICE;
connect($service, pack_sockaddr_un($socket_path)) or exit NO_SERVICE;

# arguments arrive as the bytes the shell passed, UTF-8 on any current system: sent as they are
my $request = pack('N', MAGIC) . pack('N/a*', $working_folder) . pack('C', $terminal eq 'true' ? 1 : 0)
    . pack('N', scalar @arguments) . join('', map { pack('N/a*', $_) } @arguments);
write_fully($service, pack('N', length $request) . $request) or stopped();

my %streams = (STDOUT_FRAME, \*STDOUT, STDERR_FRAME, \*STDERR);
binmode $_ for values %streams;
while (1) {
    my ($kind, $value) = unpack('C N', read_fully($service, 5));
    exit $value if $kind == EXIT_FRAME;
    my $stream = $streams{$kind} or stopped();
    my $bytes = read_fully($service, $value);
    write_fully($stream, $bytes) or exit 141;
}

sub read_fully {
    my ($handle, $length) = @_;
    my $bytes = '';
    while (length $bytes < $length) {
        my $read = sysread($handle, $bytes, $length - length $bytes, length $bytes);
        stopped() unless $read;
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

sub stopped {
    syswrite(STDERR, SERVICE_STOPPED . "\n");
    exit 1;
}
