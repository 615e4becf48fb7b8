package org.hpcstatus.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

/**
 * Readiness with the database gone, without a database: a data source whose every connection fails as MariaDB's
 * driver does when the server is down (the suite's real database cannot be stopped under the other tests).
 */
class DatabaseCheckTests {

    @Test
    void anUnreachableDatabaseIsDownWithoutItsAddressOrTheDriversMessage() {
        DatabaseCheck check = new DatabaseCheck();
        check.dataSource = (AgroalDataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AgroalDataSource.class}, (proxy, method, args) -> {
                    throw new SQLNonTransientConnectionException(
                            "Socket fail to connect to host:address=(host=db.internal.example)(port=3306)(type=primary)."
                                    + " Connection refused", "08000");
                });
        HealthCheckResponse response = check.call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(Map.of("database", "unreachable"), response.getData().orElseThrow());
        assertTrue(!response.toString().contains("db.internal.example"), response.toString());
    }
}
