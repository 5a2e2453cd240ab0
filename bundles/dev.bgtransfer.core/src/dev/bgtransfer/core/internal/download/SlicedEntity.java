package dev.bgtransfer.core.internal.download;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.bgtransfer.core.internal.http.Exchange;
import dev.bgtransfer.core.internal.http.ResponseRange;
import dev.bgtransfer.core.internal.http.TransferException;

/**
 * What a download in slices asks for: the entity at the transfer's URL ({@code target}) and at its
 * mirrors, with the validators its bytes hold. The transfer's own URL is asked by its strong ETag
 * where it has one; a mirror by Last-Modified where there is one (mirrors share a file's
 * modification time more often than its tag, which servers of different makes form differently).
 *
 * @param target       the URL the slices' bytes came from
 * @param mirrors      other URLs of the same entity
 * @param total        the entity's length
 * @param etag         its strong entity tag at {@code target}, or {@code null}
 * @param lastModified its Last-Modified date, or {@code null}
 * @param headers      the headers each request adds, by URL (credentials go to their origin only)
 */
record SlicedEntity(URI target, List<URI> mirrors, long total, String etag, String lastModified,
        Map<URI, Map<String, String>> headers) {

    SlicedEntity {
        mirrors = List.copyOf(mirrors);
        headers = Map.copyOf(headers);
    }

    /** @param headersFor the headers each request to a URL adds, asked once for each of the URLs */
    static SlicedEntity of(URI target, List<URI> mirrors, long total, String etag, String lastModified,
            Function<URI, Map<String, String>> headersFor) {
        Map<URI, Map<String, String>> headers = new HashMap<>();
        urls(target, mirrors).forEach(url -> headers.put(url, headersFor.apply(url)));
        return new SlicedEntity(target, mirrors, total, etag, lastModified, headers);
    }

    /** @return {@code target}, then the mirrors */
    List<URI> urls() {
        return urls(target, mirrors);
    }

    private static List<URI> urls(URI target, List<URI> mirrors) {
        List<URI> urls = new ArrayList<>();
        urls.add(target);
        urls.addAll(mirrors);
        return urls;
    }

    Map<String, String> headers(URI url) {
        return headers.getOrDefault(url, Map.of());
    }

    /** @return what If-Range names at {@code url} */
    String validator(URI url) {
        return byDate(url) ? lastModified : etag;
    }

    private boolean byDate(URI url) {
        return !url.equals(target) && lastModified != null || etag == null;
    }

    /** @return whether the answer from {@code url} names this entity: the same length and validator */
    boolean isSame(Exchange answer, URI url) throws TransferException {
        String answered = answer.header(byDate(url) ? "Last-Modified" : "ETag");
        return ResponseRange.entityLength(answer) == total && validator(url).equals(answered);
    }

    /**
     * @return why the mirror's answer from {@code url} to a range from {@code position} cannot serve it
     *         (an error, a redirect, the whole file, another entity), or {@code null} when it can
     */
    String mirrorRefusal(Exchange answer, URI url, long position) {
        if (answer.status() != 206) {
            return answer.statusText();
        }
        try {
            ResponseRange.bodyStart(answer, position);
            return isSame(answer, url) ? null : Messages.mirrorOtherEntity;
        } catch (TransferException badRange) {
            return badRange.failure().message();
        }
    }
}
