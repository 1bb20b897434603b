package org.pramaan.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.contract.id.DepartmentCode;

/** The validated catalog: departments and their services, in file order. Immutable. */
public final class Catalog {

    private final Map<DepartmentCode, Department> departments;
    private final Map<String, ServiceDefinition> services;

    public Catalog(List<Department> departments, List<ServiceDefinition> services) {
        Map<DepartmentCode, Department> d = new LinkedHashMap<>();
        departments.forEach(x -> d.put(x.code(), x));
        Map<String, ServiceDefinition> s = new LinkedHashMap<>();
        services.forEach(x -> s.put(x.code(), x));
        this.departments = java.util.Collections.unmodifiableMap(d);
        this.services = java.util.Collections.unmodifiableMap(s);
    }

    public Collection<Department> departments() {
        return departments.values();
    }

    public Collection<ServiceDefinition> services() {
        return services.values();
    }

    public Optional<Department> department(DepartmentCode code) {
        return Optional.ofNullable(departments.get(code));
    }

    public Department requireDepartment(DepartmentCode code) {
        return department(code).orElseThrow(() -> new IllegalStateException("no department " + code + " in the catalog"));
    }

    public Optional<ServiceDefinition> service(String code) {
        return Optional.ofNullable(services.get(code));
    }

    /** Departments that issue at least one certificate: these need a signer key and a ledger identity. */
    public List<DepartmentCode> issuingDepartments() {
        return services.values().stream().filter(s -> s.certificate() != null).map(ServiceDefinition::department)
                .distinct().sorted().toList();
    }
}
