package org.hpcstatus.operator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.outage.Outage;
import org.jboss.resteasy.reactive.RestForm;

/**
 * An outage form as the operator filled it in: the JSON API's field names, values as typed, times as a browser's
 * date-and-time input sends them ({@code 2026-12-01T08:00}) in the display zone. It becomes the same JSON the API
 * takes, so the forms and the API share every rule and every error message.
 */
public class OutageForm {

    /** What a datetime-local input shows and sends. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @RestForm("system_name")
    public String systemName;
    @RestForm
    public String component;
    @RestForm
    public String severity;
    @RestForm
    public String status;
    @RestForm
    public String title;
    @RestForm
    public String description;
    @RestForm("start_time")
    public String startTime;
    @RestForm("estimated_resolution")
    public String estimatedResolution;
    @RestForm("end_time")
    public String endTime;
    @RestForm
    public String message;
    @RestForm
    public String version;
    @RestForm
    public String csrf;

    /** A blank form; maintenance preselected when scheduling. */
    static OutageForm blank(String severity, String status) {
        OutageForm form = new OutageForm();
        form.severity = severity;
        form.status = status;
        return form;
    }

    /** The form to edit an outage, filled with what it says now. */
    static OutageForm of(Outage outage, ZoneId zone) {
        OutageForm form = new OutageForm();
        form.systemName = outage.systemName;
        form.component = outage.component;
        form.severity = outage.severity;
        form.status = outage.status;
        form.title = outage.title;
        form.description = outage.description;
        form.startTime = local(outage.startTime, zone);
        form.estimatedResolution = local(outage.estimatedResolution, zone);
        form.endTime = local(outage.endTime, zone);
        form.version = Long.toString(outage.version);
        return form;
    }

    /** The body of POST /api/v1/status/outage: every field filled in, blank ones left out. */
    ObjectNode newOutage(ZoneId zone) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        text(json, "system_name", systemName);
        text(json, "title", title);
        text(json, "severity", severity);
        text(json, "status", status);
        text(json, "component", component);
        text(json, "description", description);
        time(json, "start_time", startTime, zone);
        time(json, "estimated_resolution", estimatedResolution, zone);
        time(json, "end_time", endTime, zone);
        return json;
    }

    /**
     * The body of a PATCH: only what differs from the outage as it is (so the timeline names real changes), a blank
     * optional field as null (cleared), the version the form was read with, and the message when one was written.
     */
    ObjectNode changesTo(Outage current, ZoneId zone) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        changed(json, "title", title, current.title);
        changed(json, "severity", severity, current.severity);
        changed(json, "status", status, current.status);
        changed(json, "component", component, current.component);
        changed(json, "description", description, current.description);
        changedTime(json, "start_time", startTime, current.startTime, zone);
        changedTime(json, "estimated_resolution", estimatedResolution, current.estimatedResolution, zone);
        changedTime(json, "end_time", endTime, current.endTime, zone);
        version(json);
        text(json, "message", message);
        return json;
    }

    /** The body of POST .../updates: the message, the status it moves to, the version. */
    ObjectNode update() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("message", message == null ? "" : message.strip());
        text(json, "status", status);
        version(json);
        return json;
    }

    /** Resolving: status resolved, end now, the version, an optional message. */
    ObjectNode resolution() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("status", Outage.RESOLVED);
        version(json);
        text(json, "message", message);
        return json;
    }

    private void version(ObjectNode json) {
        try {
            json.put("version", Long.parseLong(version == null ? "" : version.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidPayloadException("version is missing from the form: reload the page");
        }
    }

    private static void text(ObjectNode json, String name, String value) {
        if (value != null && !value.isBlank()) {
            json.put(name, value.strip());
        }
    }

    private static void changed(ObjectNode json, String name, String value, String current) {
        String sent = value == null || value.isBlank() ? null : value.strip();
        if (!Objects.equals(sent, current)) {
            if (sent == null) {
                json.putNull(name);
            } else {
                json.put(name, sent);
            }
        }
    }

    private static void time(ObjectNode json, String name, String value, ZoneId zone) {
        Instant instant = instant(name, value, zone);
        if (instant != null) {
            json.put(name, instant.toString());
        }
    }

    private static void changedTime(ObjectNode json, String name, String value, Instant current, ZoneId zone) {
        Instant sent = instant(name, value, zone);
        Instant shown = current == null ? null : current.truncatedTo(ChronoUnit.MINUTES);
        if (Objects.equals(sent, shown)) {
            return; // the form shows minutes: an unchanged field keeps the stored seconds
        }
        if (sent == null) {
            json.putNull(name);
        } else {
            json.put(name, sent.toString());
        }
    }

    /**
     * A time typed in the display zone, as an instant. In the hour a DST change repeats, the earlier offset is
     * taken; a time the change skips moves forward by the gap (java.time's rules for local times).
     */
    static Instant instant(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidPayloadException(name + " must be a date and time such as 2026-12-01T08:00, got '"
                    + value.strip() + "'");
        }
    }

    static String local(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL.format(instant.atZone(zone));
    }
}
