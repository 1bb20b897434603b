package org.pramaan.issuer.digilocker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The holder's name as printed against the name on Aadhaar: tolerant of spelling and script, not of other people. */
class HolderNamesTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "Kondapalli Ramesh | Kondapalli Ramesh",
            "Kondapalli Ramesh | KONDAPALLI   ramesh",
            "Kondapalli Ramesh | Ramesh Kondapalli",
            "Kondapalli Ramesh | K. Ramesh",
            "Kondapalli Ramesh | K Ramesh",
            "K. Ramesh | Kondapalli Ramesh",
            "కొండపల్లి రమేష్ | Kondapalli Ramesh",
            "కొండపల్లి రమేష్ | Ramesh Kondapalli",
            "వెంకట లక్ష్మి | Venkata Lakshmi",
            "రాము | Ramu",
            "राम कुमार शर्मा | Ram Kumar Sharma",
            "सुनील कुमार | Sunil Kumar",
            "Venkataramana Rao | Venkata Ramana Rao",
            "Srinivas Reddy | Sreenivas Reddy",
            "Lakshmi Devi | Laxmi Devi",
    })
    void theSamePersonMatches(String printed, String aadhaar) {
        assertThat(HolderNames.match(printed, aadhaar)).isTrue();
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(delimiter = '|', value = {
            "Kondapalli Ramesh | Kondapalli Suresh",
            "Kondapalli Ramesh | Ramesh",
            "Kondapalli Ramesh | Kondapalli Ramesh Kumar",
            "Kondapalli Ramesh | K R",
            "Kondapalli Ramesh | R Kondapalli Ramesh",
            "కొండపల్లి రమేష్ | Kondapalli Mahesh",
            "Sunil Kumar | Anil Kumar",
            "Gadde Lakshmi | Gadde Saraswati",
            "Kondapalli Ramesh | ''",
            "'' | Kondapalli Ramesh",
    })
    void anotherPersonDoesNot(String printed, String aadhaar) {
        assertThat(HolderNames.match(printed, aadhaar)).isFalse();
    }
}
