package org.hpcstatus.web;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Requests with invented HTTP methods, sent without a login, do not each start a metric series. */
@QuarkusTest
class MetricLabelsTests {

    @Test
    void inventedMethodsShareOneSeries() throws IOException {
        for (int i = 0; i < 30; i++) {
            send("INVENTED" + i + " /api/v1/status/summary HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        }
        String metrics = get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> methods = new TreeSet<>();
        Matcher m = Pattern.compile("http_server_requests_seconds_count\\{[^}]*method=\"([^\"]+)\"").matcher(metrics);
        while (m.find()) {
            methods.add(m.group(1));
        }
        assertTrue(methods.stream().noneMatch(method -> method.startsWith("INVENTED")), methods.toString());
        assertTrue(methods.contains("OTHER"), "the invented methods are counted, together: " + methods);
    }

    private static void send(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            in.read(new byte[1024]);
        }
    }
}
