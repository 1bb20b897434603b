package org.pramaan.issuer.digilocker;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DigiLocker's issuer Pull URI and Pull Doc APIs (DigiLocker Issuer APIs 3.0.0). The request arrives checked and
 * parsed by {@link DigiLockerFilter}; the answer is in the request's own syntax, XML or JSON.
 */
@RestController
public class DigiLockerController {

    private final DigiLockerPulls pulls;

    public DigiLockerController(DigiLockerPulls pulls) {
        this.pulls = pulls;
    }

    @PostMapping(DigiLockerFilter.PULL_URI)
    public ResponseEntity<byte[]> pullUri(HttpServletRequest request) {
        PullRequest pull = parsed(request);
        return answer(pull, pulls.pullUri(pull));
    }

    @PostMapping(DigiLockerFilter.PULL_DOC)
    public ResponseEntity<byte[]> pullDoc(HttpServletRequest request) {
        PullRequest pull = parsed(request);
        return answer(pull, pulls.pullDoc(pull));
    }

    private static PullRequest parsed(HttpServletRequest request) {
        Object pull = request.getAttribute(DigiLockerFilter.REQUEST);
        if (pull instanceof PullRequest p) {
            return p;
        }
        throw new IllegalStateException("a DigiLocker request reached the controller without passing its filter");
    }

    private static ResponseEntity<byte[]> answer(PullRequest pull, byte[] body) {
        MediaType type = pull.syntax() == PullRequest.Syntax.XML ? MediaType.APPLICATION_XML
                : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok().contentType(type).header("Cache-Control", "no-store").body(body);
    }
}
