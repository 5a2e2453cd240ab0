package dev.bgtransfer.ui.internal.dnd;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferRequest;

/**
 * What was dropped on the Downloads view, read as URLs: a link, text with one URL a line, or text
 * files of URLs (one a line; blank lines and lines starting with {@code #} are skipped). Every URL is
 * checked as the Add Download dialog checks one; what cannot be added is a sentence naming where it
 * came from, so a person can fix it. The same URL twice is added once.
 *
 * @param urls     the URLs to download, in the order dropped
 * @param problems what was not added, and why
 */
public record DroppedUrls(List<URI> urls, List<String> problems) {
    /** Larger files are not lists of URLs a person drops; they are refused unread. */
    static final long MAX_FILE_BYTES = 1 << 20;

    /** @return the URL of a dropped link (a browser may put its title on a second line) */
    public static DroppedUrls ofLink(String link) {
        Reader reader = new Reader();
        String first = link.lines().findFirst().orElse(""); //$NON-NLS-1$
        reader.line(first, Messages.dropFromLink, 1);
        return reader.result();
    }

    /** @return the URLs of dropped text, one a line */
    public static DroppedUrls ofText(String text) {
        Reader reader = new Reader();
        reader.text(text, Messages.dropFromText);
        return reader.result();
    }

    /** @return the URLs in dropped files, one a line in each */
    public static DroppedUrls ofFiles(String[] paths) {
        Reader reader = new Reader();
        for (String name : paths) {
            reader.file(Path.of(name));
        }
        return reader.result();
    }

    /** Collects URLs and problems from the pieces of one drop. */
    private static final class Reader {
        private final Set<URI> urls = new LinkedHashSet<>();
        private final List<String> problems = new ArrayList<>();

        void file(Path file) {
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            try {
                if (!Files.isRegularFile(file)) {
                    problems.add(NLS.bind(Messages.dropNotAFile, name));
                } else if (Files.size(file) > MAX_FILE_BYTES) {
                    problems.add(NLS.bind(Messages.dropFileTooLarge, name, MAX_FILE_BYTES >> 10));
                } else {
                    int before = urls.size() + problems.size();
                    text(decode(Files.readAllBytes(file)), name);
                    if (urls.size() + problems.size() == before) {
                        problems.add(NLS.bind(Messages.dropNoUrl, name));
                    }
                }
            } catch (CharacterCodingException binary) {
                problems.add(NLS.bind(Messages.dropNotText, name));
            } catch (IOException unreadable) {
                problems.add(NLS.bind(Messages.dropUnreadable, name, unreadable.getMessage()));
            }
        }

        private static String decode(byte[] bytes) throws CharacterCodingException {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        }

        void text(String text, String source) {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                line(lines.get(i), source, i + 1);
            }
        }

        void line(String line, String source, int number) {
            String typed = line.strip();
            if (typed.isEmpty() || typed.startsWith("#")) { //$NON-NLS-1$
                return;
            }
            try {
                urls.add(TransferRequest.parseUrl(typed));
            } catch (IllegalArgumentException refused) {
                problems.add(NLS.bind(Messages.dropLineRefused, new Object[] { source, number, refused.getMessage() }));
            }
        }

        DroppedUrls result() {
            return new DroppedUrls(List.copyOf(urls), List.copyOf(problems));
        }
    }
}
