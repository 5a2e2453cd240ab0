#!/usr/bin/perl
# A daemon of another version for the product tests: listens on SOCKET (its folder made 0700), answers
# each client's hello as a daemon of PROTOCOL and BUILD would, and, asked to make way, goes when MODE is
# idle (answering so, removing its socket) or stays when it is busy. Prints one line per operation asked.
#
#   fake-daemon.pl SOCKET PROTOCOL BUILD idle|busy
use strict;
use warnings;
use File::Basename qw(dirname);
use File::Path qw(make_path);
use IO::Handle;
use Socket qw(PF_UNIX SOCK_STREAM SOMAXCONN pack_sockaddr_un);

use constant HELLO_MAGIC => 0x42475448;
my ($socket_path, $protocol, $build, $mode) = @ARGV;
make_path(dirname($socket_path), { mode => 0700 });
unlink $socket_path;
socket(my $server, PF_UNIX, SOCK_STREAM, 0) or die "socket: $!";
bind($server, pack_sockaddr_un($socket_path)) or die "bind: $!";
listen($server, SOMAXCONN) or die "listen: $!";
STDOUT->autoflush(1);
print "listening\n";

while (accept(my $client, $server)) {
    my $hello = read_bytes($client, 8) // next;
    my (undef, undef) = unpack('N N', $hello);
    read_bytes($client, unpack('N', read_bytes($client, 4) // next)) // next;
    syswrite($client, pack('N N C Q> N/a*', HELLO_MAGIC, $protocol, 1, $$, $build));
    my $operation = read_bytes($client, 1) // next;
    print "$operation\n";
    next unless $operation eq 'W';
    if ($mode eq 'idle') {
        syswrite($client, pack('C N N', 1, 0, 0));
        unlink $socket_path;
        exit 0;
    }
    syswrite($client, pack('C N N', 0, 2, 1));
}

sub read_bytes {
    my ($handle, $length) = @_;
    my $bytes = '';
    while (length $bytes < $length) {
        my $read = sysread($handle, $bytes, $length - length $bytes, length $bytes);
        return undef unless $read;
    }
    return $bytes;
}
