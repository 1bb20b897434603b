package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;

/**
 * A rejected application's reason comes in the citizen's language (issue 13, item 3): the issuer sends a code,
 * the chat words it from the catalog's ReasonTexts and puts the officer's note after it.
 */
class RejectionReasonConversationTest extends BridgeIntegrationTest {

    @Test
    void statusWordsARejectionsCodeInHindiWithTheOfficersNote() {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:hi");
        int seen = awaitMessages(phone, 3).size();
        ISSUER.listedApplications.put(phone, List.of(Map.of("id", "app-rejected", "status", "REJECTED",
                "serviceCode", "REV-INCOME", "submittedAt", "2026-10-20T00:00:00Z", "decidedAt", "2026-10-22T00:00:00Z",
                "rejectionCode", "DOCUMENTS_MISSING", "rejectionReason", "income proof")));
        say(phone, "status");
        String status = bodyText(next(phone, seen));
        assertThat(status).contains("आवश्यक दस्तावेज़ संलग्न नहीं हैं", "income proof")
                .doesNotContain("DOCUMENTS_MISSING");
    }
}
