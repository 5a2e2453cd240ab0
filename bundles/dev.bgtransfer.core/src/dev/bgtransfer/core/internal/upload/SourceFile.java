package dev.bgtransfer.core.internal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferFailure;
import dev.bgtransfer.core.TransferFailure.Kind;
import dev.bgtransfer.core.internal.http.TransferException;

/**
 * The file an upload sends, as it was when the upload started: its size, modification time and
 * SHA-256. The bytes a server holds are only worth resuming from while the file is the same, so
 * each later attempt {@link #verify() verifies} it first: a different size fails at once; a
 * different modification time has the content hashed again and fails when the hash differs (a file
 * touched without a change goes on); the same size and time are taken as the same file.
 *
 * @param path     the file
 * @param size     its length in bytes at the start
 * @param modified its modification time at the start
 * @param sha256   the SHA-256 of its content at the start, lower-case hex
 */
public record SourceFile(Path path, long size, FileTime modified, String sha256) {
    private static final int BUFFER_SIZE = 64 * 1024;

    /** @return the file as it is now, hashed */
    public static SourceFile record(Path path) throws TransferException {
        return record(path, () -> false);
    }

    /**
     * @param stopped asked between reads: a large file takes a while to hash, and a pause must not wait for it
     * @return the file as it is now, hashed
     * @throws OperationCanceledException once {@code stopped} says so
     */
    public static SourceFile record(Path path, BooleanSupplier stopped) throws TransferException {
        BasicFileAttributes attributes = attributes(path);
        return new SourceFile(path, attributes.size(), attributes.lastModifiedTime(), sha256Of(path, stopped));
    }

    /** @throws TransferException with a sentence when the file is gone, unreadable or not the same */
    public void verify() throws TransferException {
        verify(() -> false);
    }

    /**
     * @param stopped asked between reads of a file hashed again (its modification time changed)
     * @throws TransferException          with a sentence when the file is gone, unreadable or not the same
     * @throws OperationCanceledException once {@code stopped} says so
     */
    public void verify(BooleanSupplier stopped) throws TransferException {
        BasicFileAttributes now = attributes(path);
        if (now.size() != size
                || !now.lastModifiedTime().equals(modified) && !sha256Of(path, stopped).equals(sha256)) {
            throw changed();
        }
    }

    /** @return the failure of a file that is no longer the one the upload started with */
    TransferException changed() {
        return TransferException.permanent(Kind.DISK, NLS.bind(Messages.sourceChanged, path));
    }

    private static BasicFileAttributes attributes(Path path) throws TransferException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new NoSuchFileException(path.toString());
            }
            return attributes;
        } catch (IOException failure) {
            throw unreadable(failure, path);
        }
    }

    private static String sha256Of(Path path, BooleanSupplier stopped) throws TransferException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (stopped.getAsBoolean()) {
                    throw new OperationCanceledException();
                }
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException failure) {
            throw unreadable(failure, path);
        } catch (NoSuchAlgorithmException notInThisJava) {
            throw new IllegalStateException(notInThisJava);
        }
    }

    /** @return the failure of a file that cannot be read: gone, or refused */
    static TransferException unreadable(IOException failure, Path path) {
        if (failure instanceof NoSuchFileException) {
            return TransferException.permanent(Kind.DISK, NLS.bind(Messages.sourceMissing, path));
        }
        String message = failure instanceof AccessDeniedException ? NLS.bind(Messages.sourceDenied, path)
                : NLS.bind(Messages.sourceUnreadable, path, TransferException.describe(failure));
        return new TransferException(new TransferFailure(Kind.DISK, message), false, failure);
    }
}
