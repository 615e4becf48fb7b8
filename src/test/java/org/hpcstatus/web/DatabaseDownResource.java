package org.hpcstatus.web;

import java.sql.SQLNonTransientConnectionException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only endpoints that fail as a request does when the database refuses connections (SQL state 08001), wrapped
 * as Hibernate wraps it, so that the 503 answers can be checked without taking the shared database down.
 */
@Path("/")
public class DatabaseDownResource {

    static final PersistenceException REFUSED = new PersistenceException("Unable to acquire JDBC Connection",
            new SQLNonTransientConnectionException("Socket fail to connect to host:address=(host=127.0.0.1)", "08001"));

    @GET
    @Path("api/v1/test/database-down")
    public String json() {
        throw REFUSED;
    }

    @GET
    @Path("test/database-down")
    public String page() {
        throw REFUSED;
    }
}
