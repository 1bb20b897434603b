package org.pramaan.issuer.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.security.ApiClients;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.ClientAuthenticationProvider;
import org.pramaan.issuer.security.ClientAuthenticator;
import org.pramaan.issuer.security.OfficerDetailsService;
import org.pramaan.issuer.security.OfficerTokens;
import org.pramaan.issuer.security.OfficersTakeATokenProvider;
import org.pramaan.issuer.security.Officers;
import org.pramaan.issuer.security.TokenKeys;
import org.pramaan.issuer.security.TokenSettings;
import org.pramaan.service.database.ServiceDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What it costs the issuer to know who is calling, per request, on the real parts (PostgreSQL for the rows,
 * Spring Security's providers and JWT decoder, the production BCrypt strength 10):
 * <ul>
 *   <li>{@code officerHttpBasic}: an officer's HTTP Basic checked (client lookup, officer lookup, BCrypt): what every
 *       API request of an officer cost before officers' Basic was confined to the token door, and what one sign-in
 *       at that door costs now; the baseline;</li>
 *   <li>{@code officerBasicRefused}: the API now, given an officer's HTTP Basic: the limiter's client lookup and the
 *       API's providers (client lookup, then the refusal), no BCrypt;</li>
 *   <li>{@code officerToken}: the officer's token from {@code POST /api/v1/auth/token} (signature, claims);</li>
 *   <li>{@code departmentKey}: a department system's key (row lookup, SHA-256).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuthenticationBenchmark {

    private static final String OFFICER = "bench-officer";
    private static final String PASSWORD = "Bench0Officer0Password0Long";
    private static final String CLIENT = "bench-system";
    private static final String SECRET = "Bench0System0Key0Random0Enough0For0Sha256";

    private ServiceDatabase database;
    private ProviderManager passwordProviders;
    private ProviderManager apiProviders;
    private ClientAuthenticator clients;
    private OfficerTokens tokens;
    private String token;

    @Setup(Level.Trial)
    public void setUp() {
        database = ServiceDatabase.builder("issuer-auth-bench").embeddedDatabase("issuer_auth_bench").open();
        HikariDataSource dataSource = database.dataSource();
        Flyway.configure().dataSource(dataSource).schemas("issuer").defaultSchema("issuer")
                .locations("classpath:db/issuer").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.systemUTC();
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
        Officers officers = new Officers(jdbc);
        if (!officers.exists(OFFICER)) {
            officers.create(new Officers.Officer(OFFICER, encoder.encode(PASSWORD), "Bench officer",
                    DepartmentCode.of("REV"), false), clock.instant());
        }
        ApiClients apiClients = new ApiClients(jdbc);
        if (apiClients.find(CLIENT).isEmpty()) {
            apiClients.create(ApiClients.ApiClient.withSecret(CLIENT, SECRET, Caller.Kind.DEPARTMENT_SYSTEM,
                    Set.of(DepartmentCode.of("REV")), false), clock.instant());
        }
        clients = new ClientAuthenticator(apiClients, encoder);
        DaoAuthenticationProvider officerProvider = new DaoAuthenticationProvider(new OfficerDetailsService(officers));
        officerProvider.setPasswordEncoder(encoder);
        passwordProviders = new ProviderManager(List.of(new ClientAuthenticationProvider(clients), officerProvider));
        apiProviders = new ProviderManager(List.of(new ClientAuthenticationProvider(clients),
                new OfficersTakeATokenProvider()));
        TokenSettings settings = new TokenSettings(Duration.ofMinutes(15), "", "pramaan-issuer", "pramaan-issuer-api",
                Duration.ofSeconds(30));
        tokens = new OfficerTokens(new TokenKeys(settings, jdbc, clock, true), settings, clock);
        token = tokens.issue(new Caller(OFFICER, Caller.Kind.OFFICER, Set.of(DepartmentCode.of("REV")), false)).value();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public Authentication officerHttpBasic() {
        return passwordProviders.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(OFFICER, PASSWORD));
    }

    @Benchmark
    public Object officerBasicRefused() {
        if (clients.isClient(OFFICER)) {
            throw new IllegalStateException("the officer's name must not be a client id");
        }
        try {
            return apiProviders.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(OFFICER, PASSWORD));
        } catch (OfficersTakeATokenProvider.OfficerBasicRefused refused) {
            return refused;
        }
    }

    @Benchmark
    public Authentication officerToken() {
        return tokens.authentication(tokens.decoder().decode(token));
    }

    @Benchmark
    public Object departmentKey() {
        return clients.authenticate(CLIENT, SECRET).orElseThrow();
    }
}
