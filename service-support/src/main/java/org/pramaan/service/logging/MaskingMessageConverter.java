package org.pramaan.service.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %m}, {@code %msg} and {@code %message} with phone and Aadhaar numbers masked ({@link PersonalNumbers}),
 * so no call site, ours or a library's, can put one in a log file. Installed by {@code logback-masked.xml}.
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalNumbers.mask(super.convert(event));
    }
}
