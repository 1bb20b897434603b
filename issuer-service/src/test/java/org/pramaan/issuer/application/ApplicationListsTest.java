package org.pramaan.issuer.application;

import org.pramaan.issuer.contact.PhoneNumber;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A list of applications costs two statements however long it is, and each carries its own history. */
class ApplicationListsTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aDepartmentsQueueIsLoadedWithoutOneQueryPerApplication() {
        DepartmentCode department = DepartmentCode.of("L" + (System.nanoTime() % 1_000_000));
        Applications store = new Applications(JdbcClient.create(dataSource));
        Instant t0 = Instant.parse("2026-12-01T06:00:00Z");
        for (int i = 0; i < 30; i++) {
            Application a = Application.submit("REV-INCOME", department, Language.TE, PhoneNumber.parse("98765432" + (10 + i)),
                    "Holder " + i, Map.of("n", Integer.toString(i)), 7, "bridge:test", t0.plusSeconds(i), "corr-" + i);
            store.save(a);
        }
        AtomicInteger statements = new AtomicInteger();
        Applications counted = new Applications(JdbcClient.create(counting(dataSource, statements)));

        List<Application> queue = counted.queue(department, 100);

        assertThat(queue).hasSize(30);
        assertThat(statements.get()).as("statements for a list of 30").isEqualTo(2);
        assertThat(queue).allSatisfy(a -> {
            assertThat(a.transitions()).hasSize(1);
            assertThat(a.transitions().get(0).to()).isEqualTo(ApplicationStatus.SUBMITTED);
            assertThat(a.transitions().get(0).at()).isEqualTo(a.submittedAt());
        });
        assertThat(queue).extracting(Application::holderName).startsWith("Holder 0", "Holder 1");
    }

    @Test
    void anEmptyListNeedsNoHistoryQuery() {
        AtomicInteger statements = new AtomicInteger();
        Applications counted = new Applications(JdbcClient.create(counting(dataSource, statements)));
        assertThat(counted.queue(DepartmentCode.of("NOBODY"), 10)).isEmpty();
        assertThat(statements.get()).isEqualTo(1);
    }

    /** Counts the statements prepared through the data source (JdbcTemplate prepares every one it runs). */
    private static DataSource counting(DataSource target, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")) {
                                        statements.incrementAndGet();
                                    }
                                    return invoke(connection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
