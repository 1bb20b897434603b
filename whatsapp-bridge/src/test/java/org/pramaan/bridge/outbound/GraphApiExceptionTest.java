package org.pramaan.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphApiExceptionTest {

    @ParameterizedTest
    @CsvSource({"130429,400,RETRY", "131056,400,SLOW_DOWN_USER", "4,400,RETRY", "80007,400,RETRY",
            "131047,400,TEMPLATE", "131026,400,DROP", "131000,500,RETRY", "131057,503,RETRY",
            "100,400,ALERT_PARAMETER", "131008,400,ALERT_PARAMETER", "131009,400,ALERT_PARAMETER",
            "0,401,ALERT_TOKEN", "190,401,ALERT_TOKEN", "132000,400,ALERT_TEMPLATE", "132015,400,ALERT_TEMPLATE",
            "-1,502,RETRY", "-1,0,RETRY", "-1,404,ALERT_PARAMETER"})
    void branchesOnTheDocumentedCodes(int code, int http, GraphApiException.Action action) {
        assertThat(new GraphApiException(code, http, "m").action()).isEqualTo(action);
    }
}
