package org.haochaping.conformance.kit;

import org.haochaping.conformance.kit.server.CheckResult;
import org.haochaping.conformance.kit.server.ServerReport;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/**
 * A {@link VectorReport} in the JUnit XML format CI servers read (Jenkins, GitLab, GitHub actions): one
 * {@code testsuite} per vector file, one {@code testcase} per tcId, a {@code failure} with the reason for each
 * failed case and {@code skipped} for expected deviations; or a {@link ServerReport}: one {@code testsuite} for the
 * target, one {@code testcase} per check.
 */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    public static String toXml(VectorReport report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "hcp conformance vectors");
            counts(xml, report.totals(), report.entries());
            xml.writeCharacters("\n");
            for (String file : report.files()) {
                List<VectorReport.Entry> entries = report.entries(file);
                xml.writeCharacters("  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", file);
                counts(xml, report.totals(file), entries);
                xml.writeCharacters("\n");
                for (VectorReport.Entry e : entries) {
                    testcase(xml, e);
                }
                xml.writeCharacters("  ");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JUnit XML report cannot be written", e);
        }
        return text.toString();
    }

    /** A server conformance run: one testsuite (the target), one testcase per check, named with its spec section. */
    public static String toXml(ServerReport report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "hcp conformance server");
            serverCounts(xml, report);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean(report.target()));
            serverCounts(xml, report);
            xml.writeCharacters("\n");
            for (CheckResult r : report.results()) {
                xml.writeCharacters("    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "server");
                xml.writeAttribute("name", clean(r.check().id() + " [" + r.check().section() + "]"));
                xml.writeAttribute("time", seconds(r.nanos()));
                if (!r.passed()) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", clean(r.detail()));
                    xml.writeAttribute("type", "ServerNonConformance");
                    xml.writeCharacters(clean(r.check().description()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeCharacters("  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JUnit XML report cannot be written", e);
        }
        return text.toString();
    }

    private static void serverCounts(XMLStreamWriter xml, ServerReport report) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(report.results().size()));
        xml.writeAttribute("failures", Integer.toString(report.failures().size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(report.results().stream().mapToLong(CheckResult::nanos).sum()));
    }

    private static void counts(XMLStreamWriter xml, VectorReport.Totals t, List<VectorReport.Entry> entries)
            throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(t.cases()));
        xml.writeAttribute("failures", Integer.toString(t.failed()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Integer.toString(t.expectedDeviations()));
        xml.writeAttribute("time", seconds(entries.stream().mapToLong(VectorReport.Entry::nanos).sum()));
    }

    private static void testcase(XMLStreamWriter xml, VectorReport.Entry e) throws XMLStreamException {
        VectorCase c = e.vectorCase();
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "vectors." + c.file().replaceFirst("\\.json$", ""));
        xml.writeAttribute("name", clean("tcId " + c.tcId() + ": " + c.comment()));
        xml.writeAttribute("time", seconds(e.nanos()));
        String detail = "expected " + c.expected() + ", actual " + e.result().actual()
                + (c.section().isEmpty() ? "" : "; " + c.section());
        switch (e.status()) {
            case PASSED -> { }
            case FAILED -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(e.result().reason()));
                xml.writeAttribute("type", "VectorMismatch");
                xml.writeCharacters(clean(detail));
                xml.writeEndElement();
            }
            case EXPECTED_DEVIATION -> {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", clean("expected deviation: " + e.expectedReason() + " ("
                        + e.result().reason() + ")"));
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** Drops the control characters XML 1.0 cannot hold (a vector's comment or an exception message may carry one). */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r')
                .filter(cp -> cp != 0xFFFE && cp != 0xFFFF).forEach(out::appendCodePoint);
        return out.toString();
    }
}
