package org.pramaan.service.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Spring Boot's {@code %wEx} (stack trace set apart by blank lines) with personal numbers masked: exception
 * messages quote values too (a driver's "Failing row contains (...)").
 */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return CoreConstants.LINE_SEPARATOR + PersonalNumbers.mask(super.throwableProxyToString(proxy))
                + CoreConstants.LINE_SEPARATOR;
    }
}
