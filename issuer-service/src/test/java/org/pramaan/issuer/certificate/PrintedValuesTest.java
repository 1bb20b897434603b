package org.pramaan.issuer.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Amounts as India writes them, in lakhs and crores. */
class PrintedValuesTest {

    @Test
    void groupsAmountsTheIndianWay() {
        assertThat(PrintedValues.rupees("120000")).isEqualTo("₹1,20,000");
        assertThat(PrintedValues.rupees("96000")).isEqualTo("₹96,000");
        assertThat(PrintedValues.rupees("100000000")).isEqualTo("₹10,00,00,000");
        assertThat(PrintedValues.rupees("0")).isEqualTo("₹0");
        assertThat(PrintedValues.rupees("1250.5")).isEqualTo("₹1,250.50");
    }

    @Test
    void leavesAValueThatIsNoNumberAsItIs() {
        assertThat(PrintedValues.rupees("about a lakh")).isEqualTo("about a lakh");
    }
}
