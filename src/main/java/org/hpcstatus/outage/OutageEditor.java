package org.hpcstatus.outage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.StaleStateException;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.contract.ConflictException;
import org.hpcstatus.contract.Field;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.contract.PayloadReader;
import org.hpcstatus.contract.PreconditionFailedException;
import org.hpcstatus.contract.Timestamps;
import org.hpcstatus.database.DatabaseErrors;

/**
 * Operators' changes to an outage: a partial update (PATCH) and a timeline entry, each one transaction that also
 * writes the entry saying what changed. A change may name the version it was based on, in its body (an older one is
 * a 409) or as If-Match with the outage's ETag (412), so two operators never overwrite each other unknowingly; a
 * change that names none is applied to whatever is current (last writer wins, as a Kubernetes merge patch), so a
 * script that resolves an outage needs no read first.
 */
@ApplicationScoped
public class OutageEditor {

    /** What a PATCH may change: everything but the system (resolve and open another for that). */
    static final List<Field<Outage>> EDITABLE = OutageFields.ALL.stream()
            .filter(field -> !field.name().equals("system_name")).map(Field::optional).toList();
    /** Fields a PATCH may set to null, which clears them. */
    private static final Set<String> CLEARABLE = Set.of("component", "description", "estimated_resolution", "end_time");
    private static final String VERSION = "version";
    private static final String MESSAGE = "message";
    private static final int MAX_MESSAGE = 4000;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    @Inject
    OutageService outages;

    /**
     * Applies the fields {@code body} carries to outage {@code id}; returns it with its timeline. {@code ifMatch} is
     * the request's If-Match header, or null.
     */
    public Outage edit(long id, JsonNode body, String ifMatch, String by) {
        requireExists(id);
        PayloadReader reader = new PayloadReader(Zones.naiveTimestamps(config));
        Outage sent = reader.read(body, "", EDITABLE, Set.of(VERSION, MESSAGE), new Outage());
        Long version = body.has(VERSION) ? version(body, reader) : null;
        String message = message(body, reader, false);
        List<String> cleared = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
            if (field.getValue().isNull()) {
                if (CLEARABLE.contains(field.getKey())) {
                    cleared.add(field.getKey());
                } else if (!field.getKey().equals(MESSAGE)) {
                    reader.problem(field.getKey() + " cannot be null");
                }
            }
        }
        refuseUnknown(reader);
        reader.throwIfInvalid();
        return inTransaction(() -> {
            Outage outage = current(id, version, ifMatch);
            Instant now = Timestamps.truncate(clock.instant());
            String changes = OutageChanges.between(outage, sent);
            apply(outage, sent, cleared);
            List<String> said = new ArrayList<>();
            if (!changes.isEmpty()) {
                said.add(changes);
            }
            cleared.forEach(field -> said.add(OutageChanges.cleared(field)));
            if (said.isEmpty() && message == null) {
                throw new InvalidPayloadException("Nothing to change: send at least one field, or a message");
            }
            settle(outage, now, by);
            OutageUpdate.of(outage, now, by, message == null ? "Changed " + String.join("; ", said)
                    : message + (said.isEmpty() ? "" : " (changed " + String.join("; ", said) + ")")).persist();
            Log.infof("Outage outage_id=%d changed by %s: %s", id, by, String.join("; ", said));
            return id;
        });
    }

    /** Adds a timeline entry to outage {@code id}, optionally moving its status; returns the outage. */
    public Outage addUpdate(long id, JsonNode body, String ifMatch, String by) {
        requireExists(id);
        PayloadReader reader = new PayloadReader(Zones.naiveTimestamps(config));
        List<Field<Outage>> statusOnly = EDITABLE.stream().filter(f -> f.name().equals("status")).toList();
        Outage sent = reader.read(body, "", statusOnly, Set.of(VERSION, MESSAGE), new Outage());
        Long version = body.has(VERSION) ? version(body, reader) : null;
        String message = message(body, reader, true);
        refuseUnknown(reader);
        reader.throwIfInvalid();
        return inTransaction(() -> {
            Outage outage = current(id, version, ifMatch);
            Instant now = Timestamps.truncate(clock.instant());
            String moved = sent.status != null && !sent.status.equals(outage.status)
                    ? " (status " + outage.status + " → " + sent.status + ")" : "";
            if (sent.status != null) {
                outage.status = sent.status;
            }
            settle(outage, now, by);
            OutageUpdate.of(outage, now, by, message + moved).persist();
            return id;
        });
    }

    private Outage inTransaction(Supplier<Long> change) {
        long id;
        try {
            id = QuarkusTransaction.requiringNew().call(change::get);
        } catch (OptimisticLockException | StaleStateException lost) {
            throw new ConflictException("Another change to this outage was saved first: read it again and retry");
        } catch (PersistenceException failed) {
            if (DatabaseErrors.isConstraintViolation(failed)) {
                // the open_key unique key: reopening or renaming would make two open outages of one name
                throw new ConflictException("An unresolved outage with this system, component and title already exists");
            }
            throw failed;
        }
        return outages.find(id).orElseThrow();
    }

    private static Outage existing(long id) {
        Outage outage = DatabaseErrors.asAnswered(Outage.<Outage>findById(id));
        if (outage == null) {
            throw new NotFoundException("No outage " + id);
        }
        return outage;
    }

    /** 404 before anything else is said about a request for an outage that does not exist. */
    private static void requireExists(long id) {
        QuarkusTransaction.requiringNew().run(() -> existing(id));
    }

    /** The outage as it is now, if it is the version the change was based on (when the change names one). */
    private static Outage current(long id, Long version, String ifMatch) {
        Outage outage = existing(id);
        if (ifMatch != null && !OutageJson.matches(ifMatch, outage)) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " is not the outage's current ETag "
                    + OutageJson.etag(outage).toString() + " (changed by " + outage.updatedBy + " at "
                    + outage.updatedAt + "): read it again and retry");
        }
        if (version != null && outage.version != version) {
            throw new ConflictException("version " + version + " is not the outage's current version " + outage.version
                    + " (changed by " + outage.updatedBy + " at " + outage.updatedAt + "): read it again and retry");
        }
        return outage;
    }

    private static void apply(Outage outage, Outage sent, List<String> cleared) {
        for (Field<Outage> field : EDITABLE) {
            Object value = field.getter().apply(sent);
            if (value != null) {
                field.setter().accept(outage, value);
            } else if (cleared.contains(field.name())) {
                field.setter().accept(outage, null);
            }
        }
    }

    /** What every change does: who and when, the end of a resolved outage, and the key that keeps one open per name. */
    private static void settle(Outage outage, Instant now, String by) {
        if (outage.endTime != null && outage.endTime.isBefore(outage.startTime)) {
            throw new InvalidPayloadException("end_time " + outage.endTime + " is before start_time " + outage.startTime);
        }
        outage.updatedAt = now;
        outage.updatedBy = by;
        OutageService.holdOrFreeName(outage, now);
        // Changing updated_at bumps the version even when only the timeline changed: whoever read the outage before
        // has missed news.
        outage.flush();
    }

    private static long version(JsonNode body, PayloadReader reader) {
        JsonNode node = body.get(VERSION);
        if (node.isNull() || !node.canConvertToExactIntegral() || node.asLong() < 0) {
            reader.problem("version must be the whole number the outage was read with, got " + node);
            return -1;
        }
        return node.asLong();
    }

    private static String message(JsonNode body, PayloadReader reader, boolean required) {
        JsonNode node = body.get(MESSAGE);
        if (node == null || node.isNull()) {
            if (required) {
                reader.missing(MESSAGE);
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > MAX_MESSAGE) {
            reader.problem("message must be text of 1 to " + MAX_MESSAGE + " characters");
            return null;
        }
        return node.asText().strip();
    }

    private static void refuseUnknown(PayloadReader reader) {
        if (!reader.ignored().isEmpty()) {
            reader.problem("Unknown fields: " + String.join(", ", reader.ignored())
                    + " (system_name cannot be changed: resolve the outage and open another)");
        }
    }
}
