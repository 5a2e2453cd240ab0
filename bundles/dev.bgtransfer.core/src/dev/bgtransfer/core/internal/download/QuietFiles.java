package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;

/** Clean-up that must not fail the operation it follows. */
public final class QuietFiles {

    private QuietFiles() {
    }

    /** Deletes the file if it exists; a file that cannot be deleted is logged and left. */
    public static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException stays) {
            ILog.of(QuietFiles.class).warn("Could not delete " + file + ": " + stays.getMessage());
        }
    }
}
