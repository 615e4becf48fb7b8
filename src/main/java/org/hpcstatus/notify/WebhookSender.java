package org.hpcstatus.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.database.DatabaseNotReady;
import org.hpcstatus.history.JobRuns;

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

    private record Due(long id, String hook, String body, int attempts) {
    }

    @Inject
    StatusConfig config;

    @Inject
    DataSource dataSource;

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
        for (Due due : due()) {
            StatusConfig.Webhook hook = config.webhooks().get(due.hook());
            String error = hook == null ? "no hook of that name is configured any more" : send(hook, due.body());
            update(due, error);
            if (error == null) {
                delivered++;
            } else {
                Log.warnf("Webhook %s: delivery %d failed (attempt %d of %d): %s", due.hook(), due.id(),
                        due.attempts() + 1, MAX_ATTEMPTS, error);
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

    private List<Due> due() {
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT delivery_id, hook_name, body, attempts"
                        + " FROM webhook_delivery WHERE delivered_at IS NULL AND next_attempt_at <= ? AND attempts < ?"
                        + " ORDER BY delivery_id LIMIT " + BATCH)) {
            select.setObject(1, utc(clock.instant()));
            select.setInt(2, MAX_ATTEMPTS);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the webhook outbox", e);
        }
        return due;
    }

    private void update(Due due, String error) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(error == null
                        ? "UPDATE webhook_delivery SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE delivery_id = ?"
                        : "UPDATE webhook_delivery SET next_attempt_at = ?, attempts = attempts + 1, last_error = ? WHERE delivery_id = ?")) {
            if (error == null) {
                update.setObject(1, utc(now));
                update.setLong(2, due.id());
            } else {
                update.setObject(1, utc(now.plus(backoff(due.attempts() + 1))));
                update.setString(2, error.length() > 500 ? error.substring(0, 500) : error);
                update.setLong(3, due.id());
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update webhook delivery " + due.id(), e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
