package org.hpcstatus.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.hibernate.validator.constraints.time.DurationMin;

/** The service's settings except the systems ({@code SystemsConfig}), typed; the README lists each with its default. */
@ConfigMapping(prefix = "hpcstatus")
public interface StatusConfig {

    Ingest ingest();

    Security security();

    Api api();

    Dashboard dashboard();

    Database database();

    History history();

    Live live();

    /** Webhooks by name: hpcstatus.webhooks."chat".url=..., .secret, .events, .systems, .format. */
    Map<String, Webhook> webhooks();

    interface Webhook {
        /** Where events are POSTed. */
        @Pattern(regexp = "https?://\\S+", message = "must be an http:// or https:// URL")
        String url();

        /** When set, each delivery carries X-Hpcstatus-Signature: sha256=HMAC-SHA256(secret, body) in hex. */
        Optional<String> secret();

        /** Which events; a name not among them stops the service at startup rather than never being sent. */
        @WithDefault("state,stale,rejected,outage,maintenance")
        List<Event> events();

        /** Which systems (names); empty: all. */
        Optional<List<String>> systems();

        /** The shape of the body: what the receiving chat (or program) accepts. */
        @WithDefault("text")
        Format format();

        enum Event {
            /** A system turns down, degraded or maintenance, or recovers to operational. */
            STATE,
            /** A collector fell silent. */
            STALE,
            /** A collector's posts are being refused. */
            REJECTED,
            /** An outage opened, updated or resolved. */
            OUTAGE,
            /** A maintenance window starts within 24 hours. */
            MAINTENANCE;

            /** As configured and stored: lower case. */
            public String id() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        enum Format {
            /** {"text": "..."}: Slack and Mattermost incoming webhooks (and Teams' retired Office 365 connectors). */
            TEXT,
            /** A message with one Adaptive Card: Microsoft Teams incoming webhooks made with Workflows. */
            TEAMS,
            /** The event itself: {"event", "system", "text", "at", "data"}. */
            JSON
        }
    }

    interface Live {
        /** How often due webhook deliveries are sent (one replica each period). */
        @WithDefault("10S")
        @DurationMin(seconds = 1)
        Duration webhookEvery();

        /**
         * How often each replica looks at the latest pointers and the unresolved outages for changes to announce
         * on the event stream (and to re-render pages for).
         */
        @WithDefault("2S")
        @DurationMin(millis = 200)
        Duration pollEvery();

        /** How often the stream sends a comment line so that proxies keep an idle connection open. */
        @WithDefault("15S")
        @DurationMin(seconds = 1)
        Duration heartbeatEvery();

        /** Most event-stream clients one replica serves at once; more get a 503. */
        @WithDefault("1000")
        @Min(1)
        int maxClients();
    }

    interface History {
        /** How long raw 5-minute snapshots (and their rows) are kept; hourly and daily summaries outlive them. */
        @WithDefault("35D")
        @DurationMin(days = 2)
        Duration rawRetention();

        /** How long hourly summaries are kept. */
        @WithDefault("400D")
        @DurationMin(days = 2)
        Duration hourlyRetention();

        /** How long daily summaries are kept. */
        @WithDefault("1825D")
        @DurationMin(days = 2)
        Duration dailyRetention();

        /** How long per-user load spans are kept after they ended (personal data: no longer than needed). */
        @WithDefault("90D")
        @DurationMin(days = 1)
        Duration userLoadRetention();

        /** How long a reservation is kept after it ended (or was last reported, when it had no end). */
        @WithDefault("90D")
        @DurationMin(days = 1)
        Duration reservationRetention();

        /** How long a resolved outage (with its timeline) is kept after it ended: the public history. */
        @WithDefault("1825D")
        @DurationMin(days = 91)
        Duration outageRetention();

        /** How often marked hours are rolled up. */
        @WithDefault("1M")
        @DurationMin(seconds = 1)
        Duration rollupEvery();

        /** How often retention runs. */
        @WithDefault("1H")
        @DurationMin(seconds = 1)
        Duration retentionEvery();

        /** Rows deleted per transaction by retention: small enough that no lock is held for long. */
        @WithDefault("500")
        @Min(10)
        @Max(100_000)
        int deleteBatch();
    }

    interface Database {
        /**
         * How often the service tries again to reach a database that was down when it started (it starts anyway,
         * reports not-ready and answers 503 until its migrations have run).
         */
        @WithDefault("5S")
        @DurationMin(millis = 100)
        Duration retryInterval();
    }

    interface Ingest {
        /**
         * Zone in which timestamps without an offset are read (the guide's example collector sends local time); not
         * set: the display zone where that is set, else UTC ({@link Zones#naiveTimestamps}).
         */
        @WithName("naive-timestamp-zone")
        @WithConverter(DisplayZoneConverter.class)
        Optional<ZoneId> naiveTimestampZoneSetting();

        /**
         * Posts one credential may make per minute (a token bucket of this size, refilled over the minute); more are
         * a 429 with Retry-After. A collector posts every 5 minutes; a site with many systems behind one credential
         * stays far below the default.
         */
        @WithDefault("60")
        @Min(1)
        int postsPerMinute();

        /**
         * Client networks (CIDR, IPv4 or IPv6, comma-separated) every post must come from; empty: any. Behind a
         * reverse proxy set quarkus.http.proxy.proxy-address-forwarding so that the client's address is seen.
         */
        Optional<List<String>> allowedNetworks();

        /** Per credential (by username): the networks its posts must come from, on top of allowed-networks. */
        Map<String, List<String>> credentialNetworks();

        /** How far in the future a timestamp may lie (clock skew between collector and service). */
        @WithDefault("5M")
        @DurationMin(seconds = 0)
        Duration maxFutureSkew();

        /**
         * Largest request body accepted, in bytes. A busy day's post with several thousand per-user rows is 2-3 MiB;
         * above 16 MiB raise quarkus.http.limits.max-body-size too, the transport's backstop.
         */
        @WithDefault("8388608")
        @Min(1024)
        int maxBodyBytes();

        /**
         * Longest a client may take to send a request body; after it, a 408 and the connection is closed. Bodies are
         * read without holding a worker thread, so this bounds the connections and memory a trickling client holds.
         */
        @WithDefault("60S")
        @DurationMin(seconds = 1)
        Duration bodyReadTimeout();

        /**
         * Most rows accepted in one array of a post (login nodes, queues, filesystems, node types, hub nodes, queue
         * definitions, reservations); a longer one is a 400 naming it. Real systems have a few hundred at most.
         */
        @WithDefault("5000")
        @Min(1)
        int maxArrayRows();

        /** Most per-user load rows accepted in one post; a busy day at NCAR has about 5,000. */
        @WithDefault("50000")
        @Min(1)
        int maxUserLoadRows();

        /**
         * Per-user load rows that read the same in consecutive posts extend one span; a post further than this after
         * the previous one (the collector was silent) starts every span anew.
         */
        @WithDefault("15M")
        @DurationMin(minutes = 1)
        Duration userLoadSpanGap();

        /** A reservation not re-reported for this long has ended or been cancelled, and is no longer shown. */
        @WithDefault("30M")
        @DurationMin(minutes = 1)
        Duration reservationForgetAfter();
    }

    interface Security {
        /** How long a verified username/password pair is trusted without running bcrypt again. */
        @WithDefault("60S")
        @DurationMin(seconds = 0)
        Duration credentialCacheTtl();

        /** Failed logins allowed per username within the failure window; more are refused with 429. */
        @WithDefault("10")
        @Min(1)
        int maxFailuresPerUser();

        /** Failed logins allowed per client address within the failure window (a NAT may hide several users). */
        @WithDefault("30")
        @Min(1)
        int maxFailuresPerAddress();

        /** Window over which failed logins are counted; also how long a throttled client waits. */
        @WithDefault("5M")
        @DurationMin(seconds = 1)
        Duration failureWindow();

        /** Username of an admin credential created at start-up when no credential of that name exists. */
        @WithName("bootstrap.username")
        Optional<String> bootstrapUsername();

        /** Password for the bootstrap credential; never defaulted. */
        @WithName("bootstrap.password")
        Optional<@Size(min = 12, message = "must be at least 12 characters") String> bootstrapPassword();

        /** How long an operator stays logged in after the form login (a working day); logging out ends it at once. */
        @WithDefault("10H")
        @DurationMin(minutes = 1)
        Duration sessionLifetime();

        /**
         * Mark the session cookie Secure (sent over HTTPS only). On by default; a site that serves plain HTTP on a
         * trusted network (or a test) turns it off. A request that arrived over HTTPS always gets a Secure cookie.
         */
        @WithDefault("true")
        boolean secureCookie();

        /** Operators' logins against the centre's LDAP or Active Directory (connection: quarkus.security.ldap.*). */
        Directory directory();
    }

    interface Directory {
        /**
         * Check a name that is no active local credential against the directory. Off: local credentials only, and
         * the directory is never asked.
         */
        @WithDefault("false")
        boolean enabled();

        /**
         * Directory group (its cn) to the permissions its members get, e.g. "hpc-ops" = EDIT_SYSTEM_STATUS. A group
         * not listed grants nothing, whatever it is called.
         */
        Map<String, List<@Pattern(regexp = "MANAGE_SYSTEM_STATUS|EDIT_SYSTEM_STATUS|VIEW_SYSTEM_STATUS_USER_INFO",
                message = "must be MANAGE_SYSTEM_STATUS, EDIT_SYSTEM_STATUS or VIEW_SYSTEM_STATUS_USER_INFO") String>> groups();
    }

    interface Dashboard {
        /** How often the pages reload themselves (a meta refresh: no JavaScript needed). */
        @WithDefault("60S")
        @DurationMin(seconds = 5)
        Duration refresh();

        /**
         * Zone in which the pages show times (e.g. America/Denver), or "system"; not set: the server's zone
         * ({@link Zones#display}).
         */
        @WithName("display-zone")
        @WithConverter(DisplayZoneConverter.class)
        Optional<ZoneId> displayZoneSetting();

        /**
         * A partition with at least this percent of its nodes down or offline makes its system degraded. A few down
         * nodes are normal on a large cluster; idle nodes (what collectors call available) never count.
         */
        @WithDefault("10")
        @Min(1)
        @Max(100)
        int degradedAtDownPercent();

        /**
         * Most rows a page shows in one table (queues, filesystems, login nodes, node types, hub nodes, queue
         * definitions, reservations); the rest are counted and left to the JSON API, so a page stays small whatever a
         * collector sends.
         */
        @WithDefault("200")
        @Min(1)
        int maxTableRows();

        /** Severities of an active outage that make a system down; any other active outage makes it degraded. */
        @WithDefault("critical")
        List<@Pattern(regexp = "critical|major|minor|maintenance") String> downOutageSeverities();
    }

    interface Api {
        /**
         * When true, every read (the JSON API and the dashboard pages) requires a valid login; enforced by the
         * private-reads HTTP permission in application.properties, which reads this property.
         */
        @WithDefault("false")
        boolean readRequiresLogin();
    }
}
