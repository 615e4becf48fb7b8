package org.hpcstatus.notify;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hpcstatus.database.DatabaseErrors;

/**
 * The one owner of the outbox (webhook_delivery): events recorded by every replica's board watch, delivered by one.
 * Each call is its own short transaction.
 */
@ApplicationScoped
public class WebhookOutbox {

    private static final int KEY_LENGTH = 255;
    private static final int ERROR_LENGTH = 500;

    @Inject
    EntityManager em;

    /**
     * Records an event for a hook, due now; true when the row is there (inserted now, or recorded before, here or by
     * another replica: the unique key of hook and event makes it one row).
     */
    public boolean record(String hook, String eventKey, String eventType, String body, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.hookName = hook;
        delivery.eventKey = eventKey.length() > KEY_LENGTH ? eventKey.substring(0, KEY_LENGTH) : eventKey;
        delivery.eventType = eventType;
        delivery.body = body;
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        try {
            QuarkusTransaction.requiringNew().run(() -> em.persist(delivery));
            return true;
        } catch (RuntimeException e) {
            if (DatabaseErrors.isConstraintViolation(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Deliveries due by {@code now} that have attempts left, oldest first, at most {@code limit}. */
    public List<WebhookDelivery> due(Instant now, int maxAttempts, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("from WebhookDelivery d"
                + " where d.deliveredAt is null and d.nextAttemptAt <= :now and d.attempts < :max order by d.id",
                WebhookDelivery.class).setParameter("now", now).setParameter("max", maxAttempts).setMaxResults(limit)
                .getResultList());
    }

    public void delivered(long id, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update WebhookDelivery d set d.deliveredAt = :at,"
                + " d.attempts = d.attempts + 1, d.lastError = null where d.id = :id").setParameter("at", at)
                .setParameter("id", id).executeUpdate());
    }

    public void failed(long id, String error, Instant nextAttempt) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update WebhookDelivery d set d.nextAttemptAt"
                + " = :next, d.attempts = d.attempts + 1, d.lastError = :error where d.id = :id")
                .setParameter("next", nextAttempt).setParameter("id", id)
                .setParameter("error", error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error)
                .executeUpdate());
    }

    /** Deletes the rows recorded before {@code cutoff}, delivered or given up; returns how many (retention). */
    public int deleteBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("delete from WebhookDelivery d"
                + " where d.createdAt < :cutoff").setParameter("cutoff", cutoff).executeUpdate());
    }
}
