package dev.bgtransfer.ui.internal.dialogs;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import dev.bgtransfer.core.TransferRequest;

/**
 * What a person typed into the Add Download dialog, checked: either a {@link TransferRequest} or a
 * sentence saying what is wrong.
 *
 * @param request the request, when the input is valid
 * @param problem what is wrong, when it is not
 */
record DownloadInput(Optional<TransferRequest> request, Optional<String> problem) {

    /**
     * @param url    the URL as typed
     * @param title  an optional title
     * @param sha256  an optional SHA-256 as typed (spaces and case do not matter)
     * @param mirrors other URLs of the same file, one a line (blank lines do not count)
     * @param folder  the folder to download into
     * @return the checked input
     */
    static DownloadInput check(String url, String title, String sha256, String mirrors, Path folder) {
        String typed = url.strip();
        if (typed.isEmpty()) {
            return problem(Messages.addUrlMissing);
        }
        URI uri;
        try {
            uri = TransferRequest.parseUrl(typed);
        } catch (IllegalArgumentException refused) {
            return problem(refused.getMessage());
        }
        String hex = sha256.replaceAll("\\s", ""); //$NON-NLS-1$ //$NON-NLS-2$
        if (!hex.isEmpty() && (hex.length() != 64 || !hex.chars().allMatch(HexFormat::isHexDigit))) {
            return problem(Messages.addSha256Invalid);
        }
        List<URI> others = new ArrayList<>();
        List<String> lines = mirrors.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                others.add(TransferRequest.parseUrl(lines.get(i)));
            } catch (IllegalArgumentException refused) {
                return problem(NLS.bind(Messages.addMirrorInvalid, i + 1, refused.getMessage()));
            }
        }
        try {
            TransferRequest request = new TransferRequest(uri, title, folder,
                    hex.isEmpty() ? Optional.empty() : Optional.of(hex)).withMirrors(others);
            return new DownloadInput(Optional.of(request), Optional.empty());
        } catch (IllegalArgumentException refused) {
            return problem(refused.getMessage());
        }
    }

    /** @return {@code text} stripped, when it is one URL that can be downloaded */
    static Optional<String> singleUrl(String text) {
        String typed = text.strip();
        if (typed.isEmpty() || typed.lines().count() > 1) {
            return Optional.empty();
        }
        try {
            TransferRequest.parseUrl(typed);
            return Optional.of(typed);
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
    }

    private static DownloadInput problem(String message) {
        return new DownloadInput(Optional.empty(), Optional.of(message));
    }

    /** @return whether the input makes a request */
    boolean isValid() {
        return request.isPresent();
    }
}
