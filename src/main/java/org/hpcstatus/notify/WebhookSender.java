package org.hpcstatus.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.database.DatabaseNotReady;
import org.hpcstatus.jobs.JobRuns;

/**
 * Delivers the outbox: due rows POSTed to their hook (HMAC-signed when it has a secret), a 2xx marks one delivered,
 * anything else is tried again after 30 s, 1, 2, 4 ... minutes (at most an hour apart), {@value #MAX_ATTEMPTS} times.
 * One replica per period does it (a {@link JobRuns} lease), so each event is sent once.
 */
@Singleton
public class WebhookSender {

    static final int MAX_ATTEMPTS = 12;
    static final String SIGNATURE = "X-Hpcstatus-Signature";
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    @Inject
    StatusConfig config;

    @Inject
    WebhookOutbox outbox;

    @Inject
    JobRuns runs;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Scheduled(identity = "webhooks", every = "${hpcstatus.live.webhook-every:10S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DatabaseNotReady.class)
    void scheduled() {
        if (!config.webhooks().isEmpty()) {
            runs.runOnce("webhooks", JobRuns.periodStart(clock.instant(), config.live().webhookEvery()), LEASE,
                    this::deliverDue);
        }
    }

    /** Sends every due delivery once; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        for (WebhookDelivery due : outbox.due(clock.instant(), MAX_ATTEMPTS, BATCH)) {
            StatusConfig.Webhook hook = config.webhooks().get(due.hookName);
            String error = hook == null ? "no hook of that name is configured any more" : send(hook, due.body);
            Instant now = clock.instant();
            if (error == null) {
                outbox.delivered(due.id, now);
                delivered++;
            } else {
                outbox.failed(due.id, error, now.plus(backoff(due.attempts + 1)));
                Log.warnf("Webhook %s: delivery %d failed (attempt %d of %d): %s", due.hookName, due.id,
                        due.attempts + 1, MAX_ATTEMPTS, error);
            }
        }
        return delivered;
    }

    /** null when the receiver answered 2xx, else what went wrong. */
    private String send(StatusConfig.Webhook hook, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("User-Agent", "hpc-status-webhook")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (hook.secret().isPresent()) {
                request.header(SIGNATURE, "sha256=" + hmac(hook.secret().get(), body));
            }
            HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2 ? null : "HTTP " + answer.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    static String hmac(String secret, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static Duration backoff(int attempts) {
        long seconds = 30L << Math.min(attempts - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }
}
