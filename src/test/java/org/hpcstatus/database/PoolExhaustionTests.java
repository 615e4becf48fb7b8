package org.hpcstatus.database;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every pooled connection taken (a burst of slow requests, a database that hangs): a request that cannot get one
 * within the acquisition timeout is a 503 with Retry-After, not a 500.
 */
@QuarkusTest
class PoolExhaustionTests {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestThatFindsThePoolEmptyIsA503() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            int max = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
            for (int i = 0; i < max; i++) {
                held.add(dataSource.getConnection());
            }
            get("/api/v1/status/derecho/latest").then().statusCode(503)
                    .header("Retry-After", notNullValue())
                    .body("error", equalTo("Database unavailable; retry later"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        get("/api/v1/status/summary").then().statusCode(200);
    }
}
