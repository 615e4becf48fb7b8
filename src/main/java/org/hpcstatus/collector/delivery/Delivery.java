package org.hpcstatus.collector.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.hpcstatus.collector.config.CollectorConfig;
import org.hpcstatus.collector.config.CredentialsFile;

/**
 * Posts to the service, retrying what may pass on a second try: no connection, a timeout, 429 and 5xx, waiting as
 * long as a {@code Retry-After} asks (at most {@link #MAX_WAIT_SECONDS}), else 1, 2, 4 ... seconds. A 4xx other than
 * 408 and 429 is the payload's fault and is not retried: posting it again would get the same answer.
 */
public class Delivery {

    static final long MAX_WAIT_SECONDS = 60;

    /** How a post ended: delivered (2xx), refused for good (a 4xx), or not delivered (worth trying later). */
    public enum Outcome { DELIVERED, REFUSED, UNDELIVERED }

    public record Answer(Outcome outcome, int status, String body) {

        /** The answer in one line, for the log. */
        public String summary() {
            return status == 0 ? body : status + " " + body.strip().replaceAll("\\s+", " ");
        }
    }

    private final HttpClient http;
    private final URI service;
    private final String authorization;
    private final Duration timeout;
    private final int attempts;
    private final LongConsumer sleeper;

    public Delivery(CollectorConfig config, CredentialsFile credentials, LongConsumer sleeper) {
        this.http = HttpClient.newBuilder().connectTimeout(config.httpTimeout()).build();
        this.service = config.serviceUrl();
        this.authorization = credentials.basic();
        this.timeout = config.httpTimeout();
        this.attempts = config.postAttempts();
        this.sleeper = sleeper;
    }

    /** POSTs {@code json} to {@code path} (e.g. /api/v1/status/derecho), with up to the configured attempts. */
    public Answer post(String path, String json) {
        Answer answer = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            long waitSeconds = 1L << (attempt - 1);
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(service + path)).timeout(timeout)
                        .header("Content-Type", "application/json").header("Authorization", authorization)
                        .header("User-Agent", "hpc-status-collector")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return new Answer(Outcome.DELIVERED, status, response.body());
                }
                if (status != 408 && status != 429 && status / 100 == 4) {
                    return new Answer(Outcome.REFUSED, status, response.body());
                }
                answer = new Answer(Outcome.UNDELIVERED, status, response.body());
                waitSeconds = retryAfter(response).orElse(waitSeconds);
            } catch (IOException e) {
                answer = new Answer(Outcome.UNDELIVERED, 0, "no answer from " + service + ": " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(Outcome.UNDELIVERED, 0, "interrupted");
            }
            if (attempt < attempts) {
                sleeper.accept(Math.min(waitSeconds, MAX_WAIT_SECONDS) * 1000);
            }
        }
        return answer;
    }

    private static Optional<Long> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Math.max(0, Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();  // an HTTP date: take the own backoff
            }
        });
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
