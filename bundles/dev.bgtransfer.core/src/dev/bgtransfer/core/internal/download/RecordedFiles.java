package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;

import dev.bgtransfer.core.spi.TransferRecord;

/**
 * The files of one download attempt and the record that names them, kept in step: the record
 * naming a new file is stored before the file exists, so a process that ends in between leaves a
 * recorded name without a file, which the next run takes up again, and never a file that no
 * record names. Also finds, at the start of a run, what a process that ended while naming left.
 */
final class RecordedFiles {
    /** Tries at naming the final file when other programs take each free name first. */
    private static final int MAX_NAMING_ATTEMPTS = 10;

    /** Where the attempt keeps its record. */
    interface Records {
        TransferRecord current();

        /** Makes {@code record} the attempt's record without storing it. */
        void keep(TransferRecord record);

        /** Makes {@code record} the attempt's record and stores it. */
        void store(TransferRecord record);
    }

    private final Records records;

    RecordedFiles(Records records) {
        this.records = records;
    }

    /**
     * Stores the record naming a new file, then creates the file.
     *
     * @param name   the file's base name
     * @param suffix appended to the name's variant, as in {@link FileNames#reserve}
     * @param naming the record naming the given file, or no file for {@code null}
     * @return the file created
     */
    Path create(String name, String suffix, Function<Path, TransferRecord> naming) throws IOException {
        Path folder = records.current().folder();
        Path file = FileNames.firstFree(folder, name, suffix);
        records.store(naming.apply(file));
        try {
            return Files.createFile(file);
        } catch (FileAlreadyExistsException takenMeanwhile) {
            file = FileNames.reserve(folder, name, suffix);
            records.store(naming.apply(file));
            return file;
        } catch (IOException cannotCreate) {
            records.keep(naming.apply(null));
            throw cannotCreate;
        }
    }

    /**
     * Gives the complete partial file its final name as a second (hard) link, then drops the partial
     * name: the final name never shows less than the whole file, never replaces an existing entry,
     * and costs no new file (a new file per transfer is what small transfers pay most for). Where
     * the file system has no hard links, the name is reserved as an empty file and the partial file
     * moved over it.
     *
     * @param naming the record naming the given final file
     * @return the final file, created by this method
     */
    Path nameFinal(Path part, Function<Path, TransferRecord> naming) throws IOException {
        TransferRecord record = records.current();
        for (int attempt = 0; attempt < MAX_NAMING_ATTEMPTS; attempt++) {
            Path target = FileNames.firstFree(record.folder(), record.fileName(), "");
            records.store(naming.apply(target));
            try {
                Files.createLink(target, part);
            } catch (FileAlreadyExistsException takenMeanwhile) {
                continue;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                Path reserved = create(record.fileName(), "", naming);
                moveOver(part, reserved);
                return reserved;
            }
            try {
                Files.delete(part);
            } catch (IOException cannotDrop) {
                QuietFiles.delete(target);
                throw cannotDrop;
            }
            return target;
        }
        throw new FileAlreadyExistsException(record.folder().resolve(record.fileName()).toString(), null,
                "every free name was taken before it could be used");
    }

    /** Moves the partial file over the empty file reserved for its name; the reserved file goes when that fails. */
    static void moveOver(Path part, Path reserved) throws IOException {
        try {
            Files.move(part, reserved, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException cannotMove) {
            QuietFiles.delete(reserved);
            throw cannotMove;
        }
    }

    /**
     * A process that ended between naming the final file and storing the completion left the
     * complete file under the name it had recorded, and no partial file or the partial name as a
     * second link to the same file, which is dropped here.
     *
     * @return whether the recorded final file is complete
     */
    boolean namedBeforeACrash() {
        TransferRecord record = records.current();
        Path file = record.file();
        Path part = record.partFile();
        try {
            if (file == null || part == null || record.total() <= 0
                    || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != record.total()) {
                return false;
            }
            if (Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isSameFile(part, file)) {
                    return false;
                }
                Files.delete(part);
            }
            return true;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** @return whether an earlier run reserved the final name (an empty file of ours) and ended there */
    boolean reservedBeforeACrash() {
        Path file = records.current().file();
        try {
            return file != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == 0;
        } catch (IOException unreadable) {
            return false;
        }
    }
}
