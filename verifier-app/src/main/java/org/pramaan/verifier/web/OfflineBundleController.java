package org.pramaan.verifier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.OptionalLong;
import org.pramaan.credential.offline.BundleCodec;
import org.pramaan.verifier.offline.OfflineBundles;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The offline bundle (docs/offline-bundle.md): the trust list and every revoked and held certificate,
 * signed by the receipt key, for verifiers without a network. Public and rate-limited like every read;
 * the body is built once per ledger height, so a request costs a one-row read and, mostly, a 304.
 */
@RestController
@Tag(name = "Offline verification")
public class OfflineBundleController {

    static final MediaType COSE = MediaType.parseMediaType(BundleCodec.MEDIA_TYPE);

    private final OfflineBundles bundles;

    public OfflineBundleController(OfflineBundles bundles) {
        this.bundles = bundles;
    }

    @GetMapping("/api/v1/offline/bundle")
    @Operation(summary = "The signed offline bundle (COSE_Sign1, CBOR), or a delta since a height; ETag is the height")
    public ResponseEntity<byte[]> bundle(@RequestParam(name = "since", required = false) String since,
                                         @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OptionalLong from = parseSince(since);
        long height = bundles.height();
        String etag = "\"" + height + "\"";
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache()).build();
        }
        OfflineBundles.Signed signed = bundles.bundle(from);
        return ResponseEntity.ok().contentType(COSE).eTag("\"" + signed.height() + "\"")
                .cacheControl(CacheControl.noCache()).body(signed.bytes());
    }

    private static OptionalLong parseSince(String since) {
        if (since == null) {
            return OptionalLong.empty();
        }
        if (since.isEmpty() || since.length() > 18 || !since.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequestException("\"since\" must be a ledger height: a whole number, 0 or more");
        }
        return OptionalLong.of(Long.parseLong(since));
    }

    /** {@code If-None-Match} is a list of tags, maybe weak, or {@code *}. */
    private static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
