package org.hpcstatus.feed;

import static org.hpcstatus.support.Requests.asAdmin;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hamcrest.Matchers;
import org.hpcstatus.support.TestData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The feeds as their readers take them: Atom through a real XML parser, iCalendar by RFC 5545's rules. */
@QuarkusTest
class FeedTests {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void theAtomFeedHasAnEntryPerTimelineEntryAndParses() throws Exception {
        ObjectNode outage = TestData.payload("outage-guide");
        outage.put("title", "Feed: GPU nodes rebooting & <slow>");
        outage.remove("end_time");
        int id = asCollector().body(outage.toString()).post("/api/v1/status/outage").then().statusCode(201)
                .extract().path("outage_id");
        asAdmin().body("{\"message\": \"Firmware rolled back \\u0007 on half the nodes\", \"status\": \"monitoring\"}")
                .post("/api/v1/status/outages/" + id + "/updates").then().statusCode(201);

        byte[] body = RestAssured.get("/outages.atom").then().statusCode(200)
                .contentType(Matchers.startsWith("application/atom+xml")).extract().asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element root = feed.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            Instant.parse(child(entry, "updated")); // RFC 3339
            assertTrue(child(entry, "id").startsWith("urn:hpc-status:outage:"));
            String href = ((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href");
            assertTrue(href.startsWith("http://"), href);
            if (child(entry, "title").contains("Feed: GPU nodes rebooting & <slow>")) {
                ours.add(child(entry, "content"));
            }
        }
        assertEquals(List.of("Firmware rolled back  on half the nodes (status investigating \u2192 monitoring)",
                "Opened: major, investigating. Detailed description of issue and impact"), ours, "newest first");
    }

    @Test
    void theCalendarFollowsRfc5545() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        ObjectNode maintenance = TestData.payload("outage-guide");
        maintenance.put("system_name", "derecho").put("severity", "maintenance").put("status", "identified")
                .put("title", "Feed: Lustre upgrade; all queues drained, jobs held")
                .put("description", "A long description: " + "the upgrade touches every OST and MDT, ".repeat(6)
                        + "and ends with a reboot.\nPlease save your work.")
                .put("start_time", start.toString()).put("end_time", start.plus(20, ChronoUnit.HOURS).toString());
        maintenance.remove("estimated_resolution");
        asCollector().body(maintenance.toString()).post("/api/v1/status/outage").then().statusCode(201);

        String ics = new String(RestAssured.get("/maintenance.ics").then().statusCode(200)
                .contentType(Matchers.startsWith("text/calendar")).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(ics.endsWith("\r\n"));
        assertTrue(!ics.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
        }
        String unfolded = ics.replace("\r\n ", "");
        List<String> lines = List.of(unfolded.split("\r\n"));
        assertEquals("BEGIN:VCALENDAR", lines.get(0));
        assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
        assertTrue(lines.contains("VERSION:2.0") && lines.stream().anyMatch(l -> l.startsWith("PRODID:")));
        assertEquals(lines.stream().filter("BEGIN:VEVENT"::equals).count(),
                lines.stream().filter("END:VEVENT"::equals).count());
        Pattern utc = Pattern.compile("\\d{8}T\\d{6}Z");
        List<String> event = eventWith(lines,
                "SUMMARY:Derecho maintenance: Feed: Lustre upgrade\\; all queues drained\\, jobs held");
        for (String property : List.of("UID:", "DTSTAMP:", "DTSTART:", "DTEND:")) {
            String value = event.stream().filter(l -> l.startsWith(property)).findFirst().orElseThrow()
                    .substring(property.length());
            if (!property.equals("UID:")) {
                assertTrue(utc.matcher(value).matches(), property + value);
            }
        }
        assertTrue(event.contains("DESCRIPTION:A long description: "
                + "the upgrade touches every OST and MDT\\, ".repeat(6) + "and ends with a reboot.\\nPlease save your work."),
                event.toString());
    }

    private static List<String> eventWith(List<String> lines, String summary) {
        int at = lines.indexOf(summary);
        assertTrue(at > 0, "no event " + summary + " in " + lines);
        int begin = lines.subList(0, at).lastIndexOf("BEGIN:VEVENT");
        int end = at + lines.subList(at, lines.size()).indexOf("END:VEVENT");
        return lines.subList(begin, end);
    }

    private static String child(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }
}
