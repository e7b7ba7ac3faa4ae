package dev.floe.gitops.runtime.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Refuses (415) a request whose media type is not one of the accepted ones; parameters such as charset are ignored. */
public final class ContentTypes implements Handler<RoutingContext> {

    private final Set<String> accepted;

    private ContentTypes(Set<String> accepted) {
        this.accepted = accepted;
    }

    public static ContentTypes accepting(String... mediaTypes) {
        Set<String> set = new TreeSet<>();
        for (String m : mediaTypes) set.add(m.toLowerCase(Locale.ROOT));
        return new ContentTypes(set);
    }

    /** The media type of a request, lower case without parameters; empty when absent. */
    public static String mediaType(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (header == null) return "";
        int semicolon = header.indexOf(';');
        return (semicolon >= 0 ? header.substring(0, semicolon) : header).trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (accepted.contains(mediaType(ctx))) {
            ctx.next();
        } else {
            // The allowed types only: the presented header is not echoed.
            ctx.fail(HttpProblem.unsupportedMediaType("content type must be " + String.join(" or ", List.copyOf(accepted))));
        }
    }
}
