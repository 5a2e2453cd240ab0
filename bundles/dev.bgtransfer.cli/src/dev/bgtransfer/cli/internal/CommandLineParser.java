package dev.bgtransfer.cli.internal;

import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.RequestHeader;
import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.UploadRequest;

/**
 * Reads {@code get|put|list|log|resume|wait|pause|start|stop|remove|change-url|limit|serve|daemon|samples|help} ({@code upload}
 * for {@code put}) and their options ({@code --name value} or {@code --name=value}) into a
 * {@link Command}, refusing anything it does not know. {@code --no-daemon} is the launcher's (it runs the
 * command in its own process instead of handing it to the daemon): accepted here, and nothing more.
 */
final class CommandLineParser {
    private static final Set<String> FLAGS = Set.of("--quiet", "--resume", "--no-resume", "--no-daemon",
            "--delete-file", "--json", "--only-resumable");
    /**
     * The launcher's, not a person's: {@code -i -} arrives as this option naming a file of what the
     * launcher's standard input held, since a daemon cannot read its client's.
     */
    private static final String STDIN_FILE = "--input-from-stdin";
    /** The short options, as curl and aria2 users type them, and the long ones they stand for. */
    private static final Map<String, String> SHORT = Map.of("-i", "--input-file", "-o", "--output", "-H", "--header");
    /** Options that may be given more than once, as curl's {@code -H}: their values, a line each. */
    private static final Set<String> REPEATABLE = Set.of("--header", "--mirror");
    private static final Map<String, Command.Operation> BY_ID = Map.of("pause", Command.Operation.PAUSE,
            "start", Command.Operation.START, "stop", Command.Operation.STOP, "remove", Command.Operation.REMOVE);
    private static final Map<String, Set<String>> OPTIONS = Map.ofEntries(
            Map.entry("get", Set.of("--dir", "--state", "--max-per-host", "--timeout", "--retries", "--sha256",
                    "--user", "--quiet", "--wait-for-space", "--no-daemon", "--input-file", STDIN_FILE, "--output",
                    "--header", "--only-resumable", "--limit-rate", "--mirror")),
            Map.entry("put", Set.of("--state", "--max-per-host", "--timeout", "--retries", "--quiet", "--method",
                    "--resume", "--no-resume", "--user", "--no-daemon", "--header", "--limit-rate")),
            Map.entry("limit", Set.of("--state", "--no-daemon", "--host", "--session")),
            Map.entry("list", Set.of("--state", "--no-daemon", "--json")),
            Map.entry("log", Set.of("--state", "--no-daemon", "--json")),
            Map.entry("wait", Set.of("--state", "--quiet", "--no-daemon")),
            Map.entry("resume", Set.of("--state", "--quiet", "--no-daemon")),
            Map.entry("pause", Set.of("--state", "--no-daemon")),
            Map.entry("start", Set.of("--state", "--no-daemon")),
            Map.entry("stop", Set.of("--state", "--no-daemon")),
            Map.entry("remove", Set.of("--state", "--delete-file", "--no-daemon")),
            Map.entry("change-url", Set.of("--state", "--no-daemon")),
            Map.entry("serve", Set.of("--state", "--idle-exit")),
            Map.entry("daemon", Set.of("--state")),
            Map.entry("samples", Set.of("--port", "--rate", "--user")),
            Map.entry("help", Set.of()));
    /** The longest --idle-exit: a week. */
    private static final int MAX_IDLE_EXIT_SECONDS = 604_800;

    private final Path defaultState;
    private final Path workingDirectory;

    CommandLineParser(Path defaultState, Path workingDirectory) {
        this.defaultState = defaultState;
        this.workingDirectory = workingDirectory;
    }

    Command parse(List<String> arguments) throws UsageException {
        Deque<String> rest = new ArrayDeque<>(arguments);
        String name = rest.isEmpty() ? "help" : rest.removeFirst();
        if (name.equals("--help") || name.equals("-h")) {
            name = "help";
        } else if (name.equals("upload")) {
            name = "put";
        }
        if (!OPTIONS.containsKey(name)) {
            throw new UsageException(NLS.bind(Messages.unknownCommand, name));
        }
        Map<String, String> options = new HashMap<>();
        List<String> operands = new ArrayList<>();
        readOptions(name, rest, options, operands);
        return switch (name) {
            case "get" -> get(options, operands);
            case "put" -> put(options, operands);
            case "list" -> new Command.ListTransfers(noOperands(operands, state(options)), options.containsKey("--json"));
            case "log" -> new Command.Log(oneId(name, operands), state(options), options.containsKey("--json"));
            case "wait" -> new Command.Wait(ids(name, operands), state(options), options.containsKey("--quiet"));
            case "resume" -> new Command.Resume(noOperands(operands, state(options)), options.containsKey("--quiet"));
            case "pause", "start", "stop", "remove" -> new Command.ById(BY_ID.get(name), ids(name, operands),
                    state(options), options.containsKey("--delete-file"));
            case "serve" -> new Command.Serve(noOperands(operands, state(options)),
                    integer(options, "--idle-exit", 0, MAX_IDLE_EXIT_SECONDS).filter(seconds -> seconds > 0)
                            .map(Duration::ofSeconds));
            case "change-url" -> changeUrl(options, operands);
            case "daemon" -> daemon(options, operands);
            case "limit" -> limit(options, operands);
            case "samples" -> new Command.Samples(noOperands(operands, integer(options, "--port", 0, 65535)),
                    longValue(options, "--rate"), user(options));
            default -> new Command.Help();
        };
    }

    private static void readOptions(String command, Deque<String> rest, Map<String, String> options,
            List<String> operands) throws UsageException {
        boolean onlyOperands = false;
        while (!rest.isEmpty()) {
            String argument = rest.removeFirst();
            if (!onlyOperands && argument.length() > 1 && argument.charAt(0) == '-' && argument.charAt(1) != '-') {
                argument = longForm(command, argument, rest);
            }
            if (onlyOperands || !argument.startsWith("--")) {
                operands.add(argument);
                continue;
            }
            if (argument.equals("--")) {
                onlyOperands = true;
                continue;
            }
            int equals = argument.indexOf('=');
            String option = equals < 0 ? argument : argument.substring(0, equals);
            if (!OPTIONS.get(command).contains(option)) {
                throw new UsageException(NLS.bind(Messages.unknownOption, option, command));
            }
            String value;
            if (FLAGS.contains(option)) {
                if (equals >= 0) {
                    throw new UsageException(NLS.bind(Messages.flagWithValue, option));
                }
                value = "";
            } else if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (rest.isEmpty()) {
                throw new UsageException(NLS.bind(Messages.missingValue, option));
            } else {
                value = rest.removeFirst();
            }
            if (REPEATABLE.contains(option)) {
                options.merge(option, value, (before, next) -> before + '\n' + next);
            } else if (options.put(option, value) != null) {
                throw new UsageException(NLS.bind(Messages.repeatedOption, option));
            }
        }
    }

    /** {@code -i FILE} as {@code --input-file FILE}, {@code -iFILE} too. */
    private static String longForm(String command, String argument, Deque<String> rest) throws UsageException {
        String option = SHORT.get(argument.substring(0, 2));
        if (option == null) {
            throw new UsageException(NLS.bind(Messages.unknownOption, argument.substring(0, 2), command));
        }
        return argument.length() == 2 ? option : option + "=" + argument.substring(2);
    }

    private Command get(Map<String, String> options, List<String> operands) throws UsageException {
        List<InputFile.Entry> urls = new ArrayList<>();
        operands.forEach(url -> urls.add(new InputFile.Entry(url)));
        if (options.containsKey("--input-file")) {
            urls.addAll(InputFile.read(path(options.get("--input-file"), "--input-file"), false));
        }
        if (options.containsKey(STDIN_FILE)) {
            urls.addAll(InputFile.read(path(options.get(STDIN_FILE), STDIN_FILE), true));
        }
        if (urls.isEmpty()) {
            throw new UsageException(Messages.noUrl);
        }
        Optional<String> sha256 = Optional.ofNullable(options.get("--sha256"));
        if (sha256.isPresent() && urls.size() != 1) {
            throw new UsageException(Messages.sha256NeedsOneUrl);
        }
        Optional<String> output = Optional.ofNullable(options.get("--output"));
        if (output.isPresent() && urls.size() != 1) {
            throw new UsageException(Messages.outputNeedsOneUrl);
        }
        List<String> mirrors = options.containsKey("--mirror") ? List.of(options.get("--mirror").split("\n"))
                : List.of();
        if (!mirrors.isEmpty() && urls.size() != 1) {
            throw new UsageException(Messages.mirrorNeedsOneUrl);
        }
        Path folder = options.containsKey("--dir") ? path(options.get("--dir"), "--dir") : workingDirectory;
        List<TransferRequest> requests = new ArrayList<>();
        for (InputFile.Entry url : urls) {
            TransferRequest request;
            try {
                request = TransferRequest.of(TransferRequest.parseUrl(url.url()), folder);
                Optional<String> expected = sha256.or(url::sha256);
                request = expected.isPresent() ? request.withExpectedSha256(expected.get()) : request;
            } catch (IllegalArgumentException bad) {
                throw new UsageException(NLS.bind(Messages.badUrl, printable(url.url()), bad.getMessage()));
            }
            request = withMirrors(request, url.mirrors().isEmpty() ? mirrors : url.mirrors());
            Optional<String> name = output.or(url::out);
            try {
                requests.add(name.isPresent() ? request.withFileName(name.get()) : request);
            } catch (IllegalArgumentException badName) {
                throw new UsageException(badName.getMessage());
            }
        }
        return new Command.Get(requests, state(options), sessionOptions(options), user(options),
                options.containsKey("--quiet"), headers(options));
    }

    /** @return {@code request} with {@code mirrors}, each read as a typed URL is */
    private static TransferRequest withMirrors(TransferRequest request, List<String> mirrors) throws UsageException {
        List<URI> urls = new ArrayList<>();
        for (String mirror : mirrors) {
            try {
                urls.add(TransferRequest.parseUrl(mirror));
            } catch (IllegalArgumentException bad) {
                throw new UsageException(NLS.bind(Messages.badMirror, printable(mirror), bad.getMessage()));
            }
        }
        try {
            return request.withMirrors(urls);
        } catch (IllegalArgumentException tooMany) {
            throw new UsageException(tooMany.getMessage());
        }
    }

    /** {@code ID...}: at least one, each a transfer id as {@code list} shows them. */
    private static List<Long> ids(String command, List<String> operands) throws UsageException {
        if (operands.isEmpty()) {
            throw new UsageException(NLS.bind(Messages.noIds, command));
        }
        List<Long> ids = new ArrayList<>();
        for (String operand : operands) {
            try {
                long id = Long.parseLong(operand);
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            } catch (NumberFormatException notAnId) {
                throw new UsageException(NLS.bind(Messages.badId, printable(operand)));
            }
        }
        return ids;
    }

    /** {@code change-url ID URL} */
    private Command changeUrl(Map<String, String> options, List<String> operands) throws UsageException {
        if (operands.size() != 2) {
            throw new UsageException(Messages.changeUrlNeedsIdAndUrl);
        }
        long id = ids("change-url", operands.subList(0, 1)).getFirst();
        URI url;
        try {
            url = TransferRequest.parseUrl(operands.get(1));
        } catch (IllegalArgumentException refused) {
            throw new UsageException(NLS.bind(Messages.badUrl, printable(operands.get(1)), refused.getMessage()));
        }
        return new Command.ChangeUrl(id, url, state(options));
    }

    /** @return the one id of a command that takes one */
    private static long oneId(String command, List<String> operands) throws UsageException {
        if (operands.size() != 1) {
            throw new UsageException(NLS.bind(Messages.oneId, command));
        }
        return ids(command, operands).getFirst();
    }

    /**
     * {@code limit ID... RATE}, {@code limit --host HOST RATE}, {@code limit --session ID RATE}: the rate
     * last, in curl's syntax or {@code none}; {@code limit} alone shows the limits in force.
     */
    private Command limit(Map<String, String> options, List<String> operands) throws UsageException {
        String host = options.get("--host");
        String session = options.get("--session");
        if (host != null && session != null) {
            throw new UsageException(Messages.limitHostOrSession);
        }
        if (host == null && session == null) {
            if (operands.isEmpty()) {
                return new Command.ShowLimits(state(options));
            }
            if (operands.size() < 2) {
                throw new UsageException(Messages.limitNeedsIdsAndRate);
            }
            RateLimit limit = limitRate(operands.getLast());
            return new Command.Limit(ids("limit", operands.subList(0, operands.size() - 1)), limit, state(options));
        }
        String option = host != null ? "--host" : "--session";
        if (operands.size() != 1) {
            throw new UsageException(NLS.bind(Messages.limitOfOneNeedsRate, option));
        }
        RateLimit limit = limitRate(operands.getFirst());
        if (host != null) {
            return new Command.LimitHost(hostName(host), limit, state(options));
        }
        if (session.isBlank()) {
            throw new UsageException(Messages.limitSessionBlank);
        }
        return new Command.LimitSession(session.strip(), limit, state(options));
    }

    /** @return the RATE of {@code limit}: curl's syntax, or {@code none} or {@code unlimited} for no limit */
    private static RateLimit limitRate(String value) throws UsageException {
        String word = value.strip().toLowerCase(Locale.ROOT);
        return word.equals("none") || word.equals("unlimited") ? RateLimit.UNLIMITED : rate(value, "RATE");
    }

    /**
     * @return {@code value} when it is a host name or address as a URL names its host (an IPv6 address
     *         in brackets), without a port, a user or a path; refused with a sentence otherwise
     */
    private static String hostName(String value) throws UsageException {
        String host = value.strip();
        try {
            URI url = new URI("http://" + host + "/");
            if (!host.isEmpty() && host.equalsIgnoreCase(url.getHost()) && url.getPort() < 0
                    && url.getRawUserInfo() == null && "/".equals(url.getRawPath()) && url.getRawQuery() == null
                    && url.getRawFragment() == null) {
                return host;
            }
        } catch (URISyntaxException notAHost) {
            // said below
        }
        throw new UsageException(NLS.bind(Messages.badHost, printable(value)));
    }

    /** @return the rate {@code value} gives, in curl's syntax; refused with a sentence naming {@code option} */
    private static RateLimit rate(String value, String option) throws UsageException {
        try {
            return RateLimit.parse(value);
        } catch (IllegalArgumentException notARate) {
            throw new UsageException(NLS.bind(Messages.badRate, option, notARate.getMessage()));
        }
    }

    /** {@code daemon status|stop} */
    private Command daemon(Map<String, String> options, List<String> operands) throws UsageException {
        if (operands.size() != 1 || !Set.of("status", "stop").contains(operands.get(0))) {
            throw new UsageException(Messages.daemonNeedsAction);
        }
        Path state = state(options);
        return operands.get(0).equals("status") ? new Command.DaemonStatus(state) : new Command.DaemonStop(state);
    }

    /** {@code put FILE URL}: the file must be one that can be read, the URL one that can take it. */
    private Command put(Map<String, String> options, List<String> operands) throws UsageException {
        if (operands.size() < 2) {
            throw new UsageException(Messages.putNeedsFileAndUrl);
        }
        noOperands(operands.subList(2, operands.size()), null); // FILE and URL, nothing more
        if (options.containsKey("--resume") && options.containsKey("--no-resume")) {
            throw new UsageException(Messages.resumeOrNot);
        }
        Path file = uploadable(operands.get(0));
        String url = operands.get(1);
        UploadRequest request;
        try {
            request = UploadRequest.of(file, TransferRequest.parseUrl(url));
        } catch (IllegalArgumentException bad) {
            throw new UsageException(NLS.bind(Messages.badUploadUrl, printable(url), bad.getMessage()));
        }
        try {
            request = request.withMethod(options.getOrDefault("--method", UploadRequest.PUT))
                    .withResumable(!options.containsKey("--no-resume"));
        } catch (IllegalArgumentException badMethod) {
            throw new UsageException(badMethod.getMessage());
        }
        return new Command.Put(request, state(options), sessionOptions(options), user(options),
                options.containsKey("--quiet"), headers(options));
    }

    /** {@code -H "Name: value"}, as many as given, each checked as the service checks it. */
    private static List<RequestHeader> headers(Map<String, String> options) throws UsageException {
        List<RequestHeader> headers = new ArrayList<>();
        if (!options.containsKey("--header")) {
            return headers;
        }
        for (String line : options.get("--header").split("\n")) {
            try {
                headers.add(RequestHeader.parse(line));
            } catch (IllegalArgumentException refused) {
                throw new UsageException(NLS.bind(Messages.badHeader, refused.getMessage()));
            }
        }
        return headers;
    }

    /**
     * Refuses a file that cannot be uploaded before anything starts; the service checks again when it
     * takes the upload, for a file that changes in between.
     */
    private Path uploadable(String value) throws UsageException {
        Path file = path(value, "FILE");
        String problem = !Files.exists(file) ? Messages.noSuchFile
                : !Files.isRegularFile(file) ? Messages.notAFile
                : !Files.isReadable(file) ? Messages.unreadableFile : null;
        if (problem != null) {
            throw new UsageException(NLS.bind(Messages.cannotUpload, printable(value), problem));
        }
        return file;
    }

    /** {@code --max-per-host}, {@code --timeout}, {@code --retries}, {@code --wait-for-space}, if given; {@code --only-resumable} */
    private static SessionOptions sessionOptions(Map<String, String> options) throws UsageException {
        return new SessionOptions(integer(options, "--max-per-host", 1, 64),
                integer(options, "--timeout", 1, 86_400).map(Duration::ofSeconds),
                integer(options, "--retries", 0, 100),
                integer(options, "--wait-for-space", 0, 86_400).map(Duration::ofSeconds),
                options.containsKey("--only-resumable"),
                options.containsKey("--limit-rate") ? Optional.of(rate(options.get("--limit-rate"), "--limit-rate"))
                        : Optional.empty());
    }

    /**
     * @return {@code text} safe to echo on a terminal: control characters as Java escapes (a typed URL
     *         may hold a line break or an escape sequence), cut after 100 characters
     */
    private static String printable(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "\u2026" : text; //$NON-NLS-1$
        StringBuilder escaped = new StringBuilder();
        shown.chars().forEach(c -> escaped.append(Character.isISOControl(c) ? String.format("\\u%04x", c) //$NON-NLS-1$
                : Character.toString(c)));
        return escaped.toString();
    }

    /** {@code --user USER:PASSWORD}, split at the first colon; the password may contain colons. */
    private static Optional<PasswordAuthentication> user(Map<String, String> options) throws UsageException {
        String value = options.get("--user");
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new UsageException(Messages.badUser);
        }
        return Optional.of(new PasswordAuthentication(value.substring(0, colon),
                value.substring(colon + 1).toCharArray()));
    }

    private static <T> T noOperands(List<String> operands, T value) throws UsageException {
        if (!operands.isEmpty()) {
            throw new UsageException(NLS.bind(Messages.unexpectedOperand, operands.get(0)));
        }
        return value;
    }

    private Path state(Map<String, String> options) throws UsageException {
        return options.containsKey("--state") ? path(options.get("--state"), "--state") : defaultState;
    }

    private Path path(String value, String option) throws UsageException {
        try {
            if (value.isBlank()) {
                throw new InvalidPathException(value, "empty");
            }
            return workingDirectory.resolve(value).toAbsolutePath().normalize();
        } catch (InvalidPathException bad) {
            throw new UsageException(NLS.bind(Messages.badPath, option, value));
        }
    }

    private static Optional<Integer> integer(Map<String, String> options, String option, int min, int max)
            throws UsageException {
        Optional<Long> value = longValue(options, option);
        if (value.isPresent() && (value.get() < min || value.get() > max)) {
            throw new UsageException(NLS.bind(Messages.outOfRange, new Object[] { option, min, max }));
        }
        return value.map(Long::intValue);
    }

    private static Optional<Long> longValue(Map<String, String> options, String option) throws UsageException {
        String value = options.get(option);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(number);
        } catch (NumberFormatException notANumber) {
            throw new UsageException(NLS.bind(Messages.notANumber, option, value));
        }
    }
}
