package org.pramaan.issuer.console;

import org.pramaan.catalog.reason.ReasonTexts;
import org.pramaan.credential.Language;

/** Decision codes as console pages print them: the catalog's texts in the console's language. */
public record ConsoleReasons(Language language) {

    public String rejection(String code) {
        return ReasonTexts.rejection(code).in(language.code());
    }

    public String revocation(String code) {
        return ReasonTexts.revocation(code).in(language.code());
    }

    public String hold(String code) {
        return ReasonTexts.hold(code).in(language.code());
    }
}
