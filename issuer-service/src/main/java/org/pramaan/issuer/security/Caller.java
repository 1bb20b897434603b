package org.pramaan.issuer.security;

import java.util.Objects;
import java.util.Set;
import org.pramaan.contract.id.DepartmentCode;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who is calling, as the domain sees it: an officer or admin signed in to the console, or a machine
 * client (the WhatsApp bridge, a department's system), with the departments it may act for.
 *
 * @param allDepartments the admin and the bridge act for every department
 */
public record Caller(String name, Kind kind, Set<DepartmentCode> departments, boolean allDepartments) {

    public enum Kind {
        OFFICER, ADMIN, BRIDGE, DEPARTMENT_SYSTEM
    }

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        departments = Set.copyOf(departments);
    }

    public boolean mayActFor(DepartmentCode department) {
        return allDepartments || departments.contains(department);
    }

    /** Refuses with 403 unless this caller may act for {@code department}. */
    public void requireDepartment(DepartmentCode department) {
        if (!mayActFor(department)) {
            throw new AccessDeniedException(name + " may not act for department " + department);
        }
    }

    public void requireKind(Kind... allowed) {
        for (Kind k : allowed) {
            if (k == kind) {
                return;
            }
        }
        throw new AccessDeniedException(name + " (" + kind + ") may not do this");
    }

    /** The name recorded on transitions: kind and name, e.g. {@code officer:rev-officer}. */
    public String actor() {
        return kind.name().toLowerCase() + ":" + name;
    }
}
