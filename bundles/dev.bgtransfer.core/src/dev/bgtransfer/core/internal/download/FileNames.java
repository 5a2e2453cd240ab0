package dev.bgtransfer.core.internal.download;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a server says into a safe base name inside the destination folder, and reserves
 * names without overwriting anything.
 */
public final class FileNames {

    /** Used when neither the server nor the URL gives a usable name. */
    static final String FALLBACK_NAME = "download";

    static final String PART_SUFFIX = ".part";
    private static final int MAX_NAME_BYTES = 200;
    private static final int MAX_VARIANTS = 10_000;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");
    private static final Pattern EXTENDED = Pattern.compile(
            "(?i)(?:^|;)\\s*filename\\*\\s*=\\s*([^';\\s]*)'[^']*'([^;]*)");
    private static final Pattern QUOTED = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TOKEN = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*([^;\"\\s]+)");

    private FileNames() {
    }

    /**
     * @param contentDisposition the header's value, or {@code null}
     * @param url                the URL the bytes came from
     * @return a safe base name: from {@code filename*}, then {@code filename}, then the URL's path
     */
    static String choose(String contentDisposition, URI url) {
        return fromContentDisposition(contentDisposition)
                .map(FileNames::sanitize)
                .filter(name -> !name.equals(FALLBACK_NAME))
                .or(() -> fromUrl(url).map(FileNames::sanitize))
                .orElse(FALLBACK_NAME);
    }

    static Optional<String> fromContentDisposition(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher extended = EXTENDED.matcher(header);
        if (extended.find()) {
            Optional<String> decoded = decodeExtended(extended.group(1), extended.group(2).strip());
            if (decoded.isPresent()) {
                return decoded;
            }
        }
        Matcher quoted = QUOTED.matcher(header);
        if (quoted.find()) {
            return Optional.of(quoted.group(1).replaceAll("\\\\(.)", "$1"));
        }
        Matcher token = TOKEN.matcher(header);
        return token.find() ? Optional.of(token.group(1)) : Optional.empty();
    }

    private static Optional<String> decodeExtended(String charsetName, String value) {
        try {
            Charset charset = Charset.forName(charsetName.isEmpty() ? "UTF-8" : charsetName);
            return Optional.of(URLDecoder.decode(value.replace("+", "%2B"), charset));
        } catch (IllegalArgumentException unsupported) {
            return Optional.empty();
        }
    }

    static Optional<String> fromUrl(URI url) {
        String rawPath = url.getRawPath();
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.empty();
        }
        String lastSegment = rawPath.substring(rawPath.lastIndexOf('/') + 1);
        try {
            return Optional.of(URLDecoder.decode(lastSegment.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEscape) {
            return Optional.of(lastSegment);
        }
    }

    /**
     * @return whether {@code name} is a base name the service takes as it is, the rules of
     *         {@link #sanitize(String)}: what a person asks a file to be called must pass them unchanged
     */
    public static boolean isUsableAsIs(String name) {
        return sanitize(name).equals(name);
    }

    /**
     * @param name anything a server or URL suggested
     * @return a base name that cannot leave its folder: no separators, no {@code ..}, no control or
     *         bidirectional formatting characters, no reserved device names, at most 200 bytes
     */
    static String sanitize(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(base.length());
        base.codePoints().forEach(c -> clean.appendCodePoint(isUnsafe(c) ? '_' : c));
        String result = stripEdges(clean.toString());
        if (result.isEmpty() || result.chars().allMatch(c -> c == '.' || c == '_')) {
            return FALLBACK_NAME;
        }
        String stem = result.contains(".") ? result.substring(0, result.indexOf('.')) : result;
        if (RESERVED.contains(stem.toLowerCase(Locale.ROOT))) {
            result = "_" + result;
        }
        if (result.toLowerCase(Locale.ROOT).endsWith(PART_SUFFIX)) {
            result = result + "_";
        }
        return shorten(result);
    }

    private static boolean isUnsafe(int c) {
        return Character.isISOControl(c) || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"'
                || c == '<' || c == '>' || c == '|' || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
    }

    private static String stripEdges(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start)))) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static String shorten(String name) {
        if (utf8Length(name) <= MAX_NAME_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        while (utf8Length(stem + extension) > MAX_NAME_BYTES) {
            stem = stem.substring(0, Character.isLowSurrogate(stem.charAt(stem.length() - 1)) && stem.length() > 1
                    ? stem.length() - 2 : stem.length() - 1);
        }
        return stem + extension;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Creates a new empty file for {@code name} in {@code folder}, or for the first free variant
     * "name (1).ext", "name (2).ext", ... Never follows or replaces an existing entry, symbolic
     * links included.
     *
     * @param folder the destination folder
     * @param name   a sanitized base name
     * @param suffix appended after the variant, such as {@code .part}, or empty
     * @return the file created
     * @throws IOException when no name could be created
     */
    static Path reserve(Path folder, String name, String suffix) throws IOException {
        for (int variant = 0; variant < MAX_VARIANTS; variant++) {
            Path file = inside(folder, variant(name, variant) + suffix);
            try {
                return Files.createFile(file);
            } catch (FileAlreadyExistsException taken) {
                // try the next variant
            }
        }
        throw noFreeVariant(folder, name, suffix);
    }

    /**
     * Like {@link #reserve} but creates nothing: the first variant with no entry in the folder, so
     * that a caller can record the name before it creates the file.
     */
    static Path firstFree(Path folder, String name, String suffix) throws IOException {
        for (int variant = 0; variant < MAX_VARIANTS; variant++) {
            Path file = inside(folder, variant(name, variant) + suffix);
            if (isFree(file)) {
                return file;
            }
        }
        throw noFreeVariant(folder, name, suffix);
    }

    /**
     * @return whether nothing, not even a dangling link, has the name: asked without the exception
     *         {@code Files.exists(file, NOFOLLOW_LINKS)} throws and catches for a free name
     */
    private static boolean isFree(Path file) throws IOException {
        return file.getFileSystem().provider().readAttributesIfExists(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS) == null;
    }

    /** @return {@code name}, or "name (n).ext" */
    private static String variant(String name, int variant) {
        if (variant == 0) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + variant + ")" + name.substring(dot)
                : name + " (" + variant + ")";
    }

    private static FileAlreadyExistsException noFreeVariant(Path folder, String name, String suffix) {
        return new FileAlreadyExistsException(folder.resolve(name + suffix).toString(), null,
                "no free variant of the name");
    }

    /**
     * @return {@code folder/name}, checked to be a direct child of {@code folder}
     * @throws IOException when the name would leave the folder
     */
    static Path inside(Path folder, String name) throws IOException {
        Path normalized = folder.toAbsolutePath().normalize();
        Path file = normalized.resolve(name).normalize();
        if (!normalized.equals(file.getParent())) {
            throw new IOException("The name " + name + " would leave the folder " + folder);
        }
        return file;
    }
}
