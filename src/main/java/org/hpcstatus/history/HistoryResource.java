package org.hpcstatus.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.kind.SeriesScope;
import org.hpcstatus.live.Changes;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.Conditional;

/**
 * A metric over time: GET /api/v1/status/{system}/history?metric=...&from=...&to=... (ISO-8601 instants; the last
 * 24 h by default), of the system or of one queue, filesystem, login node, node type or hub node
 * ({@code &queue=main}); the same as CSV at history.csv. Metrics are the payload's own field names.
 */
@Path("/api/v1/status")
@Singleton // one instance: its answers cache outlives a request
public class HistoryResource {

    private static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    private static final Duration LONGEST_RANGE = Duration.ofDays(3660);

    @Inject
    History history;

    @Inject
    SystemCatalog systems;

    @Inject
    Clock clock;

    /** A request understood: whose series, which metric, over what. */
    private record Asked(ConfiguredSystem system, SeriesScope scope, String scopeName, SeriesScope.Metric metric,
            Instant from, Instant to) {

        String key() {
            return system.name() + "\0" + scope.key() + "\0" + scopeName + "\0" + metric.name() + "\0" + from + "\0" + to;
        }
    }

    /**
     * Answers as sent, per question and version of the data ({@link Changes}: any write, or a change another
     * replica made): a dashboard or Grafana panel asking again gets the same bytes without a query. "to" defaults
     * to now in whole seconds, so that repeated questions about "the last 24 hours" are the same question.
     */
    private final Cache<String, String> answers = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    /** As the other read answers: a reverse proxy may answer for a few seconds. */
    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    @Inject
    Changes changes;

    @Inject
    ObjectMapper mapper;

    @GET
    @Path("/{system}/history")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("system") String systemName, @Context UriInfo uri, @Context Request request) {
        Asked asked = understand(systemName, uri);
        String body = answers.get("json\0" + changes.version() + "\0" + asked.key(), k -> {
            try {
                return mapper.writeValueAsString(jsonOf(asked));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A series is plain maps, strings and numbers", e);
            }
        });
        return Conditional.of(request, body, Conditional.tagOf(body), MediaType.APPLICATION_JSON,
                Conditional.shared(MAX_AGE), false);
    }

    private Map<String, Object> jsonOf(Asked asked) {
        History.Series series = read(asked);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("system", asked.system().name());
        if (!asked.scope().isSystem()) {
            body.put(asked.scope().key(), asked.scopeName());
        }
        body.put("metric", asked.metric().name());
        body.put("from", asked.from().toString());
        body.put("to", asked.to().toString());
        body.put("source", series.plan().source().label());
        body.put("step_seconds", series.plan().step().toSeconds());
        List<Map<String, Object>> points = new ArrayList<>(series.points().size());
        for (History.Point point : series.points()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("time", point.time().toString());
            shown.put("value", point.value());
            shown.put("min", point.min());
            shown.put("max", point.max());
            shown.put("samples", point.samples());
            points.add(shown);
        }
        body.put("points", points);
        return body;
    }

    @GET
    @Path("/{system}/history.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("system") String systemName, @Context UriInfo uri, @Context Request request) {
        Asked asked = understand(systemName, uri);
        String csv = answers.get("csv\0" + changes.version() + "\0" + asked.key(), k -> csvOf(asked));
        String file = asked.system().name() + "-" + asked.metric().name() + ".csv";
        Response answer = Conditional.of(request, csv, Conditional.tagOf(csv), "text/csv; charset=utf-8",
                Conditional.shared(MAX_AGE), false);
        return Response.fromResponse(answer).header("Content-Disposition", "inline; filename=\"" + file + "\"")
                .build();
    }

    private String csvOf(Asked asked) {
        History.Series series = read(asked);
        StringBuilder csv = new StringBuilder("time,value,min,max,samples\n");
        for (History.Point point : series.points()) {
            csv.append(point.time()).append(',').append(number(point.value())).append(',').append(number(point.min()))
                    .append(',').append(number(point.max())).append(',').append(point.samples()).append('\n');
        }
        return csv.toString();
    }

    private History.Series read(Asked asked) {
        return history.read(asked.system(), asked.scope(), asked.scopeName(), asked.metric(), asked.from(), asked.to());
    }

    private Asked understand(String systemName, UriInfo uri) {
        ConfiguredSystem system = systems.require(systemName);
        var query = uri.getQueryParameters();
        SeriesScope scope = SeriesScope.SYSTEM;
        String scopeName = "";
        for (SeriesScope candidate : SeriesScope.values()) {
            if (candidate.isSystem() || !query.containsKey(candidate.key())) {
                continue;
            }
            if (!scope.isSystem()) {
                throw new InvalidPayloadException("Ask for one of queue, filesystem, login_node, node_type, hub_node at"
                        + " a time; got " + scope.key() + " and " + candidate.key());
            }
            scope = candidate;
            scopeName = query.getFirst(candidate.key());
        }
        List<SeriesScope.Metric> metrics = new ArrayList<>(scope.metrics(system.kind()));
        if (scope.isSystem()) {
            metrics.add(new SeriesScope.Metric(SeriesScope.SNAPSHOTS, null, false));
        }
        String metricName = query.getFirst("metric");
        String scopeWords = scope.isSystem() ? system.name() : "a " + scope.key().replace('_', ' ') + " of " + system.name();
        if (metricName == null || metricName.isBlank()) {
            throw new InvalidPayloadException("metric is required: one of " + names(metrics) + " for " + scopeWords);
        }
        SeriesScope.Metric metric = metrics.stream().filter(m -> m.name().equals(metricName.strip())).findFirst()
                .orElseThrow(() -> new InvalidPayloadException("metric '" + metricName + "' is not a number " + scopeWords
                        + " reports: one of " + names(metrics)));
        Instant to = instant(query.getFirst("to"), "to", clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Instant from = instant(query.getFirst("from"), "from", to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) {
            throw new InvalidPayloadException("from (" + from + ") must be before to (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw new InvalidPayloadException("from to to spans more than 10 years");
        }
        if (!scope.isSystem() && (scopeName == null || scopeName.isBlank() || !history.knows(system, scope, scopeName))) {
            throw new InvalidPayloadException(scope.key() + " '" + scopeName + "': " + system.name() + " has reported no "
                    + scope.key().replace('_', ' ') + " of that name");
        }
        return new Asked(system, scope, scopeName, metric, from, to);
    }

    private static String names(List<SeriesScope.Metric> metrics) {
        return String.join(", ", metrics.stream().map(SeriesScope.Metric::name).toList());
    }

    private static Instant instant(String value, String parameter, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Instant parsed = OffsetDateTime.parse(value.strip()).toInstant();
            if (parsed.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || parsed.isAfter(Instant.parse("9999-01-01T00:00:00Z"))) {
                throw new InvalidPayloadException(parameter + " must be from 2000 on, got '" + value + "'");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new InvalidPayloadException(parameter + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z,"
                    + " got '" + value + "'");
        }
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue()) : value.toString();
    }
}
