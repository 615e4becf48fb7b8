package org.hpcstatus.database;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.RawHttp;
import org.hpcstatus.support.TestData;

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

    @Test
    void aLoginThatCannotReachTheDatabaseIsA503AndNoFailedGuess() throws SQLException {
        String payload = TestData.freshPayload("jupyterhub-guide").toString();
        List<Connection> held = new ArrayList<>();
        try {
            int max = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
            for (int i = 0; i < max; i++) {
                held.add(dataSource.getConnection());
            }
            assertEquals(503, RawHttp.post("127.0.0.6", "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                    "not-checked", payload));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        // Four real failures, below the test profile's five per user and address: the 503 above did not count.
        for (int i = 0; i < 4; i++) {
            assertEquals(401, RawHttp.post("127.0.0.6", "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                    "guess-" + i, payload));
        }
        assertEquals(201, RawHttp.post("127.0.0.6", "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                TestData.OTHER_PASSWORD, TestData.freshPayload("jupyterhub-guide").toString()));
    }
}
