package org.pramaan.issuer.certificate;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;
import org.pramaan.credential.Language;

/**
 * A certified value as a person reads it on the certificate (the credential keeps the value as stored):
 * an option's label in the citizen's language, an amount in Indian grouping with the rupee sign
 * ({@code 120000} is {@code ₹1,20,000}), a date as DD-MM-YYYY.
 */
final class PrintedValues {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    // ICU knows India's grouping (lakh, crore): the JDK's DecimalFormat has one group size only. Made once:
    // building a formatter loads locale data, and a profile of issuance showed it at 4% of the whole; ICU's
    // localized formatters are immutable and thread-safe.
    private static final LocalizedNumberFormatter RUPEES = NumberFormatter.withLocale(ULocale.forLanguageTag("en-IN"))
            .precision(Precision.integer());
    private static final LocalizedNumberFormatter RUPEES_AND_PAISE = RUPEES.precision(Precision.fixedFraction(2));

    private PrintedValues() {
    }

    static String shown(FormField field, String value, Language language) {
        return switch (field.type()) {
            case ENUM -> field.validation().option(value).map(o -> o.labels().in(language)).orElse(value);
            case MONEY -> rupees(value);
            case DATE -> date(value);
            default -> value;
        };
    }

    /** {@code ₹1,20,000}, with paise only when there are some; the value unchanged when it is not a number. */
    static String rupees(String value) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
        return "₹" + (amount.stripTrailingZeros().scale() > 0 ? RUPEES_AND_PAISE : RUPEES).format(amount);
    }

    private static String date(String value) {
        try {
            return DATE.format(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
