package org.pramaan.verifier.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** The page's language: {@code ?lang=te|en|hi} when given, else the browser's preference (see {@link Languages}). */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** {@code {"qr": 12}} is a client mistake, not the text "12": numbers and booleans are not coerced to text. */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return Languages.locale(Languages.resolve(request.getParameter("lang"), request.getHeader("Accept-Language")));
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("the language is chosen per request with ?lang=");
            }
        };
    }
}
