package dev.bgtransfer.cli.internal.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Who may reach a daemon: only the user who owns the folder of its socket. The folder is created
 * 0700, and connecting to a Unix-domain socket needs search permission on every folder of its path,
 * so the kernel already keeps every other user out (root aside, who could read the daemon's memory
 * anyway); the daemon also lets go a process whose user the platform names ({@code SO_PEERCRED})
 * as another, for a folder whose permissions were loosened. This class checks the other direction:
 * a client talks to a daemon, and a daemon binds, only in a folder this user owns, so that nobody
 * can plant a socket in a state folder of theirs and receive this user's commands (with their
 * {@code --user} passwords).
 */
public final class OwnFolders {

    private OwnFolders() {
    }

    /**
     * @throws IOException with a sentence when {@code folder} is a symbolic link or belongs to another
     *                     user; a folder that does not exist passes
     */
    public static void check(Path folder) throws IOException {
        if (Files.isSymbolicLink(folder)) {
            throw new IOException(Texts.get("linkedFolder", folder));
        }
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Object owner = Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(currentUid())) {
            throw new IOException(Texts.get("foreignFolder", folder,
                    Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName()));
        }
    }

    /** {@code /proc/self} belongs to the process's effective user; the JDK has no getuid(). */
    private static Object currentUid() throws IOException {
        return Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }
}
