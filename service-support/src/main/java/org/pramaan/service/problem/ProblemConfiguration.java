package org.pramaan.service.problem;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The one error contract for a service: import this and every REST controller's failures, and every error page a
 * program gets, are problems with a {@link ProblemCode}.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemAnswers.class, ProblemErrorController.class})
public class ProblemConfiguration {
}
