package org.hpcstatus.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** RestAssured starting points: as the guide's collector, or as anyone else. */
public final class Requests {

    private Requests() {
    }

    public static RequestSpecification asCollector() {
        return as(TestData.COLLECTOR, TestData.COLLECTOR_PASSWORD);
    }

    /** An admin: may see per-user load. */
    public static RequestSpecification asAdmin() {
        return as(TestData.ADMIN, TestData.OTHER_PASSWORD);
    }

    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }
}
