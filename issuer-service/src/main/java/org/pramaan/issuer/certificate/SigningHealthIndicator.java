package org.pramaan.issuer.certificate;

import java.util.Map;
import java.util.TreeMap;
import org.pramaan.contract.id.DepartmentCode;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each department's signing in the health ({@code signing}): DOWN, with the reason per department,
 * while any department has no usable key. Not in the readiness group: the other departments, the
 * queries and the verifier links still work, so the service stays in the load balancer.
 */
@Component("signing")
public class SigningHealthIndicator implements HealthIndicator {

    private final LedgerSigners signers;

    public SigningHealthIndicator(LedgerSigners signers) {
        this.signers = signers;
    }

    @Override
    public Health health() {
        Map<String, String> departments = new TreeMap<>();
        boolean allUp = true;
        for (DepartmentCode department : signers.departments()) {
            var problem = signers.problem(department);
            allUp &= problem.isEmpty();
            departments.put(department.value(), problem.map(p -> "DOWN: " + p).orElse("UP"));
        }
        return (allUp ? Health.up() : Health.down()).withDetail("departments", departments).build();
    }
}
