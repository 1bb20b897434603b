package org.pramaan.service.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class CorrelationAutoConfigurationTest {

    @Test
    void aServletServiceGetsTheFilterOnceAndItsOwnWins() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CorrelationAutoConfiguration.class))
                .run(context -> assertThat(context).hasSingleBean(CorrelationFilter.class));
        CorrelationFilter own = new CorrelationFilter();
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CorrelationAutoConfiguration.class))
                .withBean("own", CorrelationFilter.class, () -> own)
                .run(context -> assertThat(context.getBean(CorrelationFilter.class)).isSameAs(own));
    }

    @Test
    void aProcessWithoutServletsGetsNone() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CorrelationAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(CorrelationFilter.class));
    }
}
