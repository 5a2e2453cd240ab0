package dev.bgtransfer.persistence.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps credentials out of the database, whatever the caller passes, and stores lists of URLs. */
final class Urls {

    private Urls() {
    }

    /** @return {@code url} without the {@code user:password@} part of its authority */
    static URI withoutUserInfo(URI url) {
        String authority = url.getRawAuthority();
        if (authority == null || authority.indexOf('@') < 0) {
            return url;
        }
        StringBuilder text = new StringBuilder();
        if (url.getScheme() != null) {
            text.append(url.getScheme()).append(':');
        }
        text.append("//").append(authority.substring(authority.lastIndexOf('@') + 1));
        if (url.getRawPath() != null) {
            text.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            text.append('?').append(url.getRawQuery());
        }
        if (url.getRawFragment() != null) {
            text.append('#').append(url.getRawFragment());
        }
        return URI.create(text.toString());
    }

    /** @return {@code urls} one a line (a URL has no line break), without user info; {@code null} for none */
    static String format(List<URI> urls) {
        return urls.isEmpty() ? null
                : urls.stream().map(url -> withoutUserInfo(url).toString()).collect(Collectors.joining("\n"));
    }

    /** @return the URLs of a {@link #format} text; none for {@code null} */
    static List<URI> parse(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).map(URI::create).toList();
    }
}
