package dev.bgtransfer.cli.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;

/**
 * The URLs of {@code get -i FILE}, as aria2's input files have them: one file a line, its URL and the
 * URLs of its mirrors separated by tabs, each followed by its options on lines that begin with white space ({@code sha256=HEX}, or aria2's
 * {@code checksum=sha-256=HEX}, and {@code out=NAME}); blank lines and lines that begin with {@code #} are skipped. Any
 * line that is not one of these is refused with a sentence naming it, before anything starts.
 */
final class InputFile {
    /** A file of a million URLs is a few dozen MB; more than this is no list of URLs. */
    private static final long MAX_BYTES = 256L << 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * One file of the input: its URL, its mirrors, the SHA-256 its bytes must have and the name its file
     * gets, if the input says.
     */
    record Entry(String url, List<String> mirrors, Optional<String> sha256, Optional<String> out) {

        Entry(String url) {
            this(url, List.of(), Optional.empty(), Optional.empty());
        }
    }

    private InputFile() {
    }

    /**
     * @param file      the file to read
     * @param fromStdin whether it holds what standard input held (the launcher's, for {@code -i -})
     */
    static List<Entry> read(Path file, boolean fromStdin) throws UsageException {
        String shown = fromStdin ? Messages.standardInput : NLS.bind(Messages.inputFileNamed, file);
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new UsageException(NLS.bind(Messages.inputUnreadable, shown, Messages.notAFile));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException(NLS.bind(Messages.inputTooLarge, shown, MAX_BYTES >> 20));
            }
            text = decode(Files.readAllBytes(file), shown);
        } catch (IOException unreadable) {
            throw new UsageException(NLS.bind(Messages.inputUnreadable, shown, reason(unreadable)));
        }
        return parse(text, shown);
    }

    static List<Entry> parse(String text, String shown) throws UsageException {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                List<String> urls = new ArrayList<>();
                for (String url : line.strip().split("\t+")) {
                    if (url.chars().anyMatch(Character::isWhitespace)) {
                        throw new UsageException(NLS.bind(Messages.inputMoreThanOneUrl, shown, number));
                    }
                    urls.add(url);
                }
                entries.add(new Entry(urls.getFirst(), List.copyOf(urls.subList(1, urls.size())), Optional.empty(),
                        Optional.empty()));
                continue;
            }
            if (entries.isEmpty()) {
                throw new UsageException(NLS.bind(Messages.inputOptionWithoutUrl, shown, number));
            }
            entries.add(withOption(entries.removeLast(), line.strip(), shown, number));
        }
        if (entries.isEmpty()) {
            throw new UsageException(NLS.bind(Messages.inputNoUrl, shown));
        }
        return entries;
    }

    /** {@code sha256=HEX} (or aria2's {@code checksum=sha-256=HEX}) or {@code out=NAME}, each once a URL */
    private static Entry withOption(Entry entry, String option, String shown, int number) throws UsageException {
        String lower = option.toLowerCase(Locale.ROOT);
        if (lower.startsWith("out=")) {
            if (entry.out().isPresent()) {
                throw new UsageException(NLS.bind(Messages.inputSecondOption, new Object[] { shown, number, "out=" }));
            }
            return new Entry(entry.url(), entry.mirrors(), entry.sha256(),
                    Optional.of(option.substring("out=".length())));
        }
        String value = lower.startsWith("sha256=") ? option.substring("sha256=".length())
                : lower.startsWith("checksum=sha-256=") ? option.substring("checksum=sha-256=".length()) : null;
        if (value == null) {
            throw new UsageException(NLS.bind(Messages.inputUnknownOption, new Object[] { shown, number,
                    option.length() > 40 ? option.substring(0, 40) + "\u2026" : option }));
        }
        if (!SHA256.matcher(value).matches()) {
            throw new UsageException(NLS.bind(Messages.inputBadSha256, shown, number));
        }
        if (entry.sha256().isPresent()) {
            throw new UsageException(NLS.bind(Messages.inputSecondOption, new Object[] { shown, number, "sha256=" }));
        }
        return new Entry(entry.url(), entry.mirrors(), Optional.of(value.toLowerCase(Locale.ROOT)), entry.out());
    }

    private static String decode(byte[] bytes, String shown) throws UsageException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
            throw new UsageException(NLS.bind(Messages.inputNotText, shown));
        }
    }

    private static String reason(IOException unreadable) {
        return unreadable instanceof NoSuchFileException ? Messages.noSuchFile
                : unreadable instanceof AccessDeniedException ? Messages.unreadableFile
                : String.valueOf(unreadable.getMessage());
    }
}
