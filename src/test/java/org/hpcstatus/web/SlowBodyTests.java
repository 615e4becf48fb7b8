package org.hpcstatus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hpcstatus.support.TestData;

/**
 * Clients that send a body slowly, or never finish it. The test profile gives them 3 s
 * (hpcstatus.ingest.body-read-timeout); the service has 200 worker threads.
 */
@QuarkusTest
class SlowBodyTests {

    @Test
    void aBodyThatStopsArrivingIsA408AndTheConnectionIsClosed() throws IOException {
        try (Socket socket = startPost(TestData.COLLECTOR, TestData.COLLECTOR_PASSWORD)) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("{\"error\":\"Request body not received within 3 s\"}"), answer);
            assertTrue(waited >= 2_000, "answered after " + waited + " ms");
        }
    }

    /** Before bodies were read on the event loop, each of these held a worker thread and the pages stopped. */
    @Test
    void moreTricklingPostsThanWorkerThreadsLeaveThePagesAnswering() throws IOException {
        List<Socket> trickling = new ArrayList<>();
        try {
            for (int i = 0; i < 220; i++) {
                trickling.add(startPost(TestData.COLLECTOR, TestData.COLLECTOR_PASSWORD));
            }
            for (Socket socket : trickling) {
                socket.getOutputStream().write('{');
            }
            long start = System.nanoTime();
            assertEquals(200, RestAssured.given().get("/").statusCode());
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took < 2_000, "the overview took " + took + " ms with 220 bodies trickling");
        } finally {
            for (Socket socket : trickling) {
                socket.close();
            }
        }
    }

    /** A POST whose headers promise a body of 1000 bytes, none of which is sent yet. */
    private static Socket startPost(String username, String password) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
        String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        String head = "POST /api/v1/status/derecho HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

}
