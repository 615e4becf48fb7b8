package org.hpcstatus.dashboard;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;

/** The pages as HTML: every state a card can be in, escaping, headers and the 404 page. */
@QuarkusTest
class DashboardPageTests {


    @Inject
    TestClock clock;


    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The HTML of one system's card on the overview. */
    private static String card(String html, String system) {
        int start = html.lastIndexOf("<article", html.indexOf("aria-labelledby=\"card-" + system + "\""));
        assertTrue(start > 0, "no card for " + system);
        // Whitespace collapsed, so that assertions read as the text does and not as the template is indented.
        return html.substring(start, html.indexOf("</article>", start)).replaceAll("\\s+", " ");
    }

    @Test
    void freshOperationalSystemShowsItsFiguresAndWhenItWasUpdated() {
        Seeds.cluster("cheyenne", Seeds.nextCurrent(clock), payload -> { });
        String card = card(get("/").then().statusCode(200).contentType(ContentType.HTML).extract().asString(), "cheyenne");
        assertTrue(card.contains("state-ok"), card);
        assertTrue(card.contains("Operational"), card);
        assertTrue(card.contains("<dt>CPU nodes</dt><dd>2,488 <span class=\"of\">0 busy \u00B7 1,850 idle \u00B7 15 down"
                + " \u00B7 623 reserved</span>"), card);
        assertTrue(card.contains("76.2%"), card);
        assertTrue(card.contains("Updated <time"), card);
        assertTrue(card.contains("just now"), card);
        assertTrue(!card.contains("No update for"), card);
    }

    @Test
    void theOverviewOpensWithAHeadlineAndStatusAloneLeadsToIt() {
        String page = get("/").then().statusCode(200).extract().asString();
        assertTrue(page.matches("(?s).*<p class=\"headline state-[a-z]+\" role=\"status\"><span aria-hidden=\"true\">"
                + "[^<]+</span> [^<]+</p>.*"), page);
        assertTrue(page.indexOf("class=\"headline") < page.indexOf("class=\"card"), "above the cards");
        RestAssured.given().redirects().follow(false).get("/status").then().statusCode(303)
                .header("Location", Matchers.endsWith("/"));
        get("/favicon.svg").then().statusCode(200).contentType(Matchers.containsString("svg"));
        assertTrue(page.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"));
    }

    /** Every system's page and summary entry carry its availability; the arithmetic is AvailabilityTests'. */
    @Test
    void aSystemPageShowsNinetyDayCellsAndTheSummaryThePercentages() {
        String page = get("/status/cheyenne").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h2 id=\"availability-heading\">Availability</h2>"), page);
        assertEquals(90, page.split("<span class=\"day day-", -1).length - 1, "one cell per day");
        assertTrue(page.matches("(?s).*<p class=\"days\" role=\"img\" aria-label=\"Last 90 days: \\d+ with a major or"
                + " critical outage, \\d+ degraded(, \\d+ before the first report \\(no data\\))?\">.*"),
                "a sentence for screen readers");
        RestAssured.get("/api/v1/status/summary").then().statusCode(200)
                .body("systems.find { it.system == 'cheyenne' }.availability_percent.keySet()",
                        Matchers.contains("7d", "30d", "90d"));
    }

    /** A collector may send thousands of rows: the page shows the configured first 200 and says what it left out. */
    @Test
    void aTableLongerThanThePageShowsSaysHowManyItLeftOutAndWhereTheyAre() {
        Seeds.cluster("cheyenne", Seeds.nextCurrent(clock), payload -> {
            var queues = payload.putArray("queues");
            for (int i = 0; i < 1_234; i++) {
                queues.addObject().put("queue_name", "q" + i).put("running_jobs", i).put("pending_jobs", 0);
            }
        });
        String page = get("/status/cheyenne").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<th scope=\"row\"><a href=\"/status/cheyenne/queues/q199\">q199</a></th>"), "the 200th row is shown");
        assertTrue(!page.contains(">q200</a></th>"), "the 201st is not");
        assertTrue(page.contains("1,034 more queues not shown (1,234 in all). Every one of them: <a href=\""
                + "/api/v1/status/cheyenne/latest\">the latest snapshot as JSON</a>."), page);
        assertTrue(!page.contains("more login nodes not shown"), "short tables say nothing");
    }

    @Test
    void aFullMachineReadsOperationalAndBusyNotDown() {
        Seeds.post("cheyenne", "deployed/derecho-full-machine", Seeds.nextCurrent(clock));
        String card = card(get("/").then().statusCode(200).extract().asString(), "cheyenne");
        assertTrue(card.contains("state-ok") && card.contains("Operational"), card);
        assertTrue(card.contains("<dt>CPU nodes</dt><dd>2,488 <span class=\"of\">2,459 busy \u00B7 0 idle \u00B7 29 down"), card);
        assertTrue(card.contains("<dt>GPU nodes</dt><dd>82 <span class=\"of\">82 busy \u00B7 0 idle \u00B7 0 down"), card);
        assertTrue(card.contains("100.0%</span> <span class=\"bar-amounts\">323,712 of 323,712 cores</span>"), card);
        String page = get("/status/cheyenne").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Operational") && !page.contains("Degraded") && !page.contains("Down</span>"), page);
        // Load in percent of each login node's CPUs, on a neutral scale.
        assertTrue(page.replaceAll("\\s+", " ").contains("aria-label=\"derecho1 load, percent of 128 CPUs\">36.8%</meter> 36.8%"),
                page);
    }

    @Test
    void aFailedNodeQuerySaysNodeDataMissingAndKeepsTheStateFromTheRest() {
        Seeds.post("cheyenne", "deployed/derecho-failed-node-query", Seeds.nextCurrent(clock));
        String card = card(get("/").then().statusCode(200).extract().asString(), "cheyenne");
        assertTrue(card.contains("Operational"), card);
        assertTrue(card.contains("<dt>CPU nodes</dt><dd><span class=\"missing\">node data missing</span>"), card);
        assertTrue(card.contains("<li>Node data missing: the collector could not count the nodes</li>"), card);
        String page = get("/status/cheyenne").then().statusCode(200).extract().asString();
        assertTrue(page.contains("node data missing (the collector could not count them)"), page);
    }

    @Test
    void staleSystemSaysSoInWordsAndStaleNessIsPerSystem() {
        Seeds.cluster("cheyenne", Seeds.nextCurrent(clock), payload -> { });
        clock.advance(Duration.ofMinutes(18).plusSeconds(30));
        Seeds.casperShaped("izumi", Seeds.nextCurrent(clock));
        String html = get("/").then().statusCode(200).extract().asString();
        String cheyenne = card(html, "cheyenne");
        assertTrue(cheyenne.contains("Stale"), cheyenne);
        assertTrue(cheyenne.contains("No update for 18 minutes: the collector may be down or the system unreachable."
                + " The figures shown are from "), cheyenne);
        assertTrue(cheyenne.contains("figures old"), "figures are shown as old: " + cheyenne);
        String izumi = card(html, "izumi");
        assertTrue(!izumi.contains("No update for") && !izumi.contains("Stale"), izumi);
    }

    @Test
    void systemWithoutDataSaysNoDataYetNotZeros() {
        String card = card(get("/").then().statusCode(200).extract().asString(), "quiet");
        assertTrue(card.contains("No data yet: no collector has reported for this system."), card);
        assertTrue(card.contains("state-nodata"), card);
        assertTrue(!card.contains("<dl>") && !card.contains("class=\"bar\""), "no figures at all, so none reads 0: " + card);
    }

    @Test
    void metricThatWasNotCollectedShowsNotAvailable() {
        Seeds.cluster("cheyenne", Seeds.nextCurrent(clock), payload -> {
            payload.remove("gpu_utilization_percent");
            payload.remove("active_users");
        });
        String card = card(get("/").then().statusCode(200).extract().asString(), "cheyenne");
        assertTrue(card.matches(".*<span class=\"bar-label\">GPU</span> <span class=\"meter-empty\"></span>"
                + " <span class=\"bar-value\">n/a</span>.*"), card);
        assertTrue(card.contains("<dt>Active users</dt><dd>n/a</dd>"), card);
    }

    @Test
    void activeOutagesStandInABannerMostSevereFirstAndEscaped() {
        String minor = "Slow logins on cheyenne3";
        String critical = "<script>alert(1)</script> Cheyenne is down";
        Seeds.cluster("cheyenne", Seeds.nextCurrent(clock), payload -> { });
        Seeds.outage("cheyenne", "minor", minor);
        Seeds.outage("cheyenne", "critical", critical);
        try {
            String html = get("/").then().statusCode(200).extract().asString();
            int criticalAt = html.indexOf("&lt;script&gt;alert(1)&lt;/script&gt; Cheyenne is down");
            int minorAt = html.indexOf(minor);
            assertTrue(criticalAt > 0 && minorAt > criticalAt, "critical first, then minor");
            assertTrue(!html.contains("<script>"), "no markup from a collector reaches the page");
            String card = card(html, "cheyenne");
            assertTrue(card.contains("state-down") && card.contains("Down"), card);
            get("/status/cheyenne").then().statusCode(200)
                    .body(containsString("Active outages"))
                    .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt; Cheyenne is down"))
                    .body(not(containsString("<script>")));
        } finally {
            Seeds.resolve("cheyenne", "critical", critical);
            Seeds.resolve("cheyenne", "minor", minor);
        }
        String card = card(get("/").then().statusCode(200).extract().asString(), "cheyenne");
        assertTrue(!card.contains("state-down"), "a resolved outage no longer marks the system down");
    }

    @Test
    void unavailableLoginNodeDegradesTheSystemAndSaysWhich() {
        Instant at = Seeds.nextCurrent(clock);
        Seeds.cluster("cheyenne", at, payload -> payload.withArray("login_nodes").forEach(node -> {
            if ("derecho2".equals(node.get("node_name").asText())) {
                ((ObjectNode) node).put("available", false);
            }
        }));
        String card = card(get("/").then().statusCode(200).extract().asString(), "cheyenne");
        assertTrue(card.contains("Degraded") && card.contains("Login node derecho2 is unavailable"), card);
    }

    /** Collectors list login nodes as their probes finish; pages and the API list them by name, as people count. */
    @Test
    void loginNodesAreListedByNameWhateverOrderTheyArrive() {
        Seeds.cluster("cheyenne", Seeds.nextCurrent(clock), payload -> {
            ObjectNode template = (ObjectNode) payload.withArray("login_nodes").get(0);
            var nodes = payload.putArray("login_nodes");
            for (String name : new String[] {"derecho10", "derecho2", "Derecho3", "derecho1"}) {
                nodes.add(template.deepCopy().put("node_name", name));
            }
        });
        String page = get("/status/cheyenne").then().statusCode(200).extract().asString();
        assertTrue(page.indexOf(">derecho1<") < page.indexOf(">derecho2<")
                && page.indexOf(">derecho2<") < page.indexOf(">Derecho3<")
                && page.indexOf(">Derecho3<") < page.indexOf(">derecho10<"), page);
        assertEquals(List.of("derecho1", "derecho2", "Derecho3", "derecho10"),
                get("/api/v1/status/cheyenne/latest").then().statusCode(200).extract().jsonPath()
                        .getList("login_nodes.node_name"));
    }

    @Test
    void detailPageShowsLoginNodesQueuesAndFilesystems() {
        Seeds.cluster("cheyenne", Seeds.nextCurrent(clock), payload -> { });
        get("/status/cheyenne").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<h2 id=\"login-0\">CPU login nodes</h2>"))
                .body(containsString("<h2 id=\"login-1\">GPU login nodes</h2>"))
                .body(containsString("<th scope=\"row\">derecho5</th>"))
                .body(containsString("<th scope=\"row\"><a href=\"/status/cheyenne/queues/gpumain\">gpumain</a></th>"))
                .body(containsString("<th scope=\"row\">campaign</th>"))
                .body(containsString("16,500 / 20,000"))
                .body(containsString("Used / capacity (TiB)"))
                .body(containsString("82.5%"));
    }

    @Test
    void heterogeneousDetailPageShowsNodeTypes() {
        Seeds.casperShaped("izumi", Seeds.nextCurrent(clock), payload -> ((ObjectNode)
                payload.withArray("node_types").get(1)).put("memory_utilization_percent", 61.54));
        get("/status/izumi").then().statusCode(200)
                .body(containsString("Node types"))
                .body(containsString("<th scope=\"col\">Memory used</th>"))
                .body(containsString("<td data-label=\"Memory used\">61.5%</td>"))
                .body(containsString("<th scope=\"row\"><a href=\"/status/izumi/node-types/gpu-v100\">gpu-v100</a></th>"))
                .body(containsString("4 &times; NVIDIA V100"))
                .body(containsString("42 / 64"));
    }

    @Test
    void unknownSystemIsAnHtml404Page() {
        get("/status/frontier").then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("System not found"))
                .body(containsString("Unknown system &#39;frontier&#39;"));
        get("/no/such/page").then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("There is no page at this address."));
    }

    @Test
    void pagesRefreshThemselvesAndSendAStrictContentSecurityPolicy() {
        get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .body(containsString("<meta http-equiv=\"refresh\" content=\"60\">"))
                .body(containsString("<link rel=\"stylesheet\" href=\"/css/dashboard.css\">"));
        get("/css/dashboard.css").then().statusCode(200).body(containsString("light-dark("))
                .body(containsString(":root[data-theme=\"dark\"] { color-scheme: dark; }"));
    }

    @Test
    void aChosenPaletteIsAPlainLinkRememberedInACookie() {
        Response chosen = RestAssured.given().redirects().follow(false)
                .queryParam("back", "/status/cheyenne").get("/theme/dark");
        chosen.then().statusCode(303).header("Location", Matchers.endsWith("/status/cheyenne"));
        assertEquals("dark", chosen.getCookie("hpcstatus_theme"));
        // Written into the page itself: it arrives dark, before any stylesheet, with nothing to flash.
        RestAssured.given().cookie("hpcstatus_theme", "dark").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\" data-theme=\"dark\">"))
                .body(containsString("<meta name=\"color-scheme\" content=\"dark\">"));
        get("/").then().body(containsString("<html lang=\"en\">"))
                .body(containsString("<meta name=\"color-scheme\" content=\"light dark\">"));
        // A made-up cookie value is ignored; "auto" forgets the choice; only this site's paths are gone back to.
        RestAssured.given().cookie("hpcstatus_theme", "\"><script>").get("/").then()
                .body(containsString("<html lang=\"en\">"));
        RestAssured.given().redirects().follow(false).get("/theme/auto?back=/outages").then()
                .statusCode(303).header("Set-Cookie", containsString("Max-Age=0"));
        RestAssured.given().redirects().follow(false).get("/theme/dark?back=//evil.example/x").then()
                .statusCode(303).header("Location", Matchers.not(containsString("evil")));
        get("/theme/purple").then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("The palette is one of auto, light, dark"));
    }

    @Test
    void tabsLeadToEverySystemAndTermsAreExplainedNextToTheFigures() {
        String page = get("/status/cheyenne").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<nav class=\"tabs\" aria-label=\"Systems\">"), page);
        assertTrue(page.contains("<a href=\"/status/cheyenne\" aria-current=\"page\">Cheyenne</a>"), page);
        assertTrue(page.contains("<a href=\"/status/izumi\">Izumi</a>") && page.contains("<a href=\"/\">Overview</a>"), page);
        assertTrue(page.contains("<summary>What these figures mean</summary>"), page);
        for (String term : new String[] {"Idle", "Reserved", "Held", "Pending", "Utilization"}) {
            assertTrue(page.contains("<dt>" + term + "</dt>"), term);
        }
        String overview = get("/").then().statusCode(200).extract().asString();
        assertTrue(overview.contains("<a href=\"/\" aria-current=\"page\">Overview</a>"), overview);
        assertTrue(overview.contains("<dt>Idle</dt><dd>Nodes up and free"), overview);
    }
}
