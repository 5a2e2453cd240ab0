package dev.bgtransfer.persistence.internal;

import java.net.URI;

/** Keeps credentials out of the database, whatever the caller passes. */
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
}
