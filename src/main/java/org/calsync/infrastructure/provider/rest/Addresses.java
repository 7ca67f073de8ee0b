package org.calsync.infrastructure.provider.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Addresses under a REST API's base: path segments and query parameters encoded the way both APIs read them. */
public final class Addresses {

    private Addresses() {
    }

    /** The base address, ending in a slash. */
    public static String base(URI server) {
        String base = server.toString();
        return base.endsWith("/") ? base : base + "/";
    }

    /** {@code path} (already encoded) under the base, with the query parameters. */
    public static URI under(URI server, String path, Map<String, String> query) {
        return URI.create(base(server) + path + (query.isEmpty() ? "" : "?" + query(query)));
    }

    public static String query(Map<String, String> query) {
        return query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** One path segment or query value; a space is %20, which both APIs read in paths and queries alike. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
