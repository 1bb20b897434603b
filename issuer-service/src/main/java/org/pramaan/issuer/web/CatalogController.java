package org.pramaan.issuer.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.pramaan.catalog.Catalog;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog for the bridge: departments with their services and forms. Public (it is public
 * information) and cacheable: a strong ETag over its JSON answers a matching If-None-Match with 304.
 */
@RestController
@RequestMapping("/api/v1/catalog")
public class CatalogController {

    private final CatalogView view;
    private final String etag;

    public CatalogController(Catalog catalog, JsonMapper json) {
        // The catalog never changes while the service runs: build the answer and its tag once.
        this.view = CatalogView.of(catalog);
        this.etag = "\"" + sha256(json.writeValueAsBytes(view)) + "\"";
    }

    @GetMapping
    public ResponseEntity<CatalogView> catalog(@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
        if (ifNoneMatch != null && matches(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cache).body(view);
    }

    /** If-None-Match may list several tags, weak ones ({@code W/"..."}) included, or be {@code *}. */
    private boolean matches(String header) {
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
