package io.flowseg.monitoring;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Statistics are grouped by site and modality; their key joins the two URL-encoded with a '/'. */
public record ScopeKey(String site, String modality) {

    public String encode() {
        return URLEncoder.encode(site, StandardCharsets.UTF_8) + "/" + URLEncoder.encode(modality, StandardCharsets.UTF_8);
    }

    public static ScopeKey decode(String key) {
        int slash = key.indexOf('/');
        return new ScopeKey(URLDecoder.decode(key.substring(0, slash), StandardCharsets.UTF_8),
                URLDecoder.decode(key.substring(slash + 1), StandardCharsets.UTF_8));
    }
}
