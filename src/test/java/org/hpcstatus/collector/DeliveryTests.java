package org.hpcstatus.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import org.hpcstatus.collector.config.CollectorConfig;
import org.hpcstatus.collector.config.CredentialsFile;
import org.hpcstatus.collector.delivery.Delivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a post is retried, against a small HTTP server that answers what it is told to: a Retry-After is honoured,
 * a 4xx other than 408 and 429 is not retried, and a dead service is given up after the configured attempts.
 */
class DeliveryTests {

    private HttpServer server;
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final List<Long> sleeps = new ArrayList<>();
    private int requests;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aBusyServiceIsAskedAgainAfterItsRetryAfter() throws IOException {
        start(429, 503, 201);
        Delivery.Answer answer = delivery(3).post("/api/v1/status/derecho", "{}");
        assertEquals(Delivery.Outcome.DELIVERED, answer.outcome());
        assertEquals(3, requests);
        assertEquals(List.of(7_000L, 7_000L), sleeps, "the service's Retry-After: 7, not the own 1 s and 2 s");
    }

    @Test
    void aRefusedPayloadIsNotRetried() throws IOException {
        start(400, 201);
        Delivery.Answer answer = delivery(3).post("/api/v1/status/derecho", "{}");
        assertEquals(Delivery.Outcome.REFUSED, answer.outcome());
        assertEquals(400, answer.status());
        assertEquals(1, requests);
    }

    @Test
    void aServiceThatIsNotThereIsGivenUpAfterTheAttempts() {
        Delivery.Answer answer = delivery(URI.create("http://127.0.0.1:9"), 3).post("/api/v1/status/derecho", "{}");
        assertEquals(Delivery.Outcome.UNDELIVERED, answer.outcome());
        assertEquals(List.of(1_000L, 2_000L), sleeps);
    }

    private void start(Integer... statuses) throws IOException {
        answers.addAll(List.of(statuses));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests++;
            exchange.getRequestBody().readAllBytes();
            int status = answers.poll();
            if (status == 429 || status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "7");
            }
            byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    private Delivery delivery(int attempts) {
        return delivery(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), attempts);
    }

    private Delivery delivery(URI url, int attempts) {
        CollectorConfig config = new CollectorConfig(url, Path.of("creds"), Duration.ofSeconds(5), attempts, "derecho",
                "cluster", "slurm", List.of(), List.of(), List.of(), "Qlist", List.of(), List.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), List.of(), Path.of("spool"), 10, Duration.ofHours(1), true, true, null, null);
        return new Delivery(config, new CredentialsFile("u", "p"), sleeps::add);
    }
}
