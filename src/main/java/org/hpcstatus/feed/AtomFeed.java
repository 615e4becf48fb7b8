package org.hpcstatus.feed;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageUpdate;

/**
 * Outages and their updates as an Atom feed (RFC 4287), one entry per timeline entry, so that a feed reader or a
 * chat integration hears of an outage opening, every change, and its resolution.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String render(List<Map.Entry<OutageUpdate, Outage>> entries, URI base, Instant now,
            Function<String, String> displayName) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", base.resolve("/outages.atom").toString());
            text(xml, "title", "HPC system status: outages and maintenance");
            text(xml, "updated", (entries.isEmpty() ? now : entries.get(0).getKey().createdAt).toString());
            link(xml, "self", base.resolve("/outages.atom").toString());
            link(xml, "alternate", base.resolve("/").toString());
            xml.writeStartElement("author");
            text(xml, "name", "HPC system status");
            xml.writeEndElement();
            for (Map.Entry<OutageUpdate, Outage> entry : entries) {
                OutageUpdate update = entry.getKey();
                Outage outage = entry.getValue();
                String system = outage.allSystems() ? "All systems" : displayName.apply(outage.systemName);
                xml.writeStartElement("entry");
                text(xml, "id", "urn:hpc-status:outage:" + outage.id + ":update:" + update.id);
                text(xml, "title", system + ": " + outage.title + " (" + outage.severity + ", " + update.status + ")");
                text(xml, "updated", update.createdAt.toString());
                link(xml, "alternate", base.resolve(outage.allSystems() ? "/" : "/status/" + outage.systemName)
                        .toString());
                xml.writeStartElement("author");
                text(xml, "name", update.createdBy);
                xml.writeEndElement();
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(clean(update.message));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the Atom feed", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    /** XML 1.0 has no way to write most control characters, which a posted text may hold: they are left out. */
    private static String clean(String value) {
        return value == null ? "" : value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
