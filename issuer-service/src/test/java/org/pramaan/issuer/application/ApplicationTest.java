package org.pramaan.issuer.application;

import org.pramaan.issuer.contact.PhoneNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;

class ApplicationTest {

    final Instant t0 = Instant.parse("2026-11-28T06:00:00Z");

    Application submitted() {
        return Application.submit("REV-INCOME", DepartmentCode.of("REV"), Language.TE,
                PhoneNumber.parse("9876543210"), "Ramesh", Map.of("ai", "1"), 7, "bridge:whatsapp-bridge", t0,
                "test-correlation");
    }

    @Test
    void approvalThenIssueIsRecordedWithWhoAndWhen() {
        Application a = submitted();
        a.approve("officer:rev-officer", t0.plusSeconds(60));
        a.issued("REV-INC-X", "officer:rev-officer", t0.plusSeconds(61));
        assertThat(a.status()).isEqualTo(ApplicationStatus.ISSUED);
        assertThat(a.transitions()).extracting(Transition::to).containsExactly(ApplicationStatus.SUBMITTED,
                ApplicationStatus.APPROVED, ApplicationStatus.ISSUED);
        assertThat(a.transitions().get(1).actor()).isEqualTo("officer:rev-officer");
        assertThat(a.transitions().get(1).at()).isEqualTo(t0.plusSeconds(60));
    }

    @Test
    void illegalTransitionsAreRefusedNamingTheCurrentState() {
        Application a = submitted();
        a.reject("officer:x", org.pramaan.catalog.reason.RejectionCode.DOCUMENTS_MISSING, null, t0);
        assertThatThrownBy(() -> a.approve("officer:x", t0)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is REJECTED");
        Application b = submitted();
        assertThatThrownBy(() -> b.issued("ID", "x", t0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> b.reject("x", org.pramaan.catalog.reason.RejectionCode.OTHER, " ", t0)).isInstanceOf(org.pramaan.service.problem.RefusalException.class);
        assertThat(b.status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void theServiceLevelClockRunsFromSubmission() {
        Application a = submitted();
        assertThat(a.dueAt()).isEqualTo(t0.plus(Duration.ofDays(7)));
        assertThat(a.overdue(t0.plus(Duration.ofDays(6)))).isFalse();
        assertThat(a.overdue(t0.plus(Duration.ofDays(8)))).isTrue();
    }

    @Test
    void phoneNumbersBecomeE164DigitsAndAreMaskedInText() {
        assertThat(PhoneNumber.parse("+91 98765-43210").digits()).isEqualTo("919876543210");
        assertThat(PhoneNumber.parse("9876543210").toString()).isEqualTo("********3210");
        assertThatThrownBy(() -> PhoneNumber.parse("12ab")).isInstanceOf(IllegalArgumentException.class);
    }
}
