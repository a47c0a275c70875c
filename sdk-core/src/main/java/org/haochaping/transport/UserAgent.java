package org.haochaping.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The {@code User-Agent} the transport sends: SDK version (from a resource Maven filters at build time),
 * Java version and operating system, so that the platform can tell which SDK versions are in the field.
 */
final class UserAgent {

    static final String RESOURCE = "/org/haochaping/sdk-version.properties";
    static final String SDK_VERSION = readSdkVersion();
    static final String VALUE = "hcp-sdk-java/" + SDK_VERSION + " (Java " + System.getProperty("java.version", "?")
            + "; " + System.getProperty("os.name", "?") + ")";

    private UserAgent() {
    }

    private static String readSdkVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown").trim();
            // An unfiltered resource (an IDE build that skipped Maven) still says ${project.version}.
            return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException unreadable) {
            return "unknown";
        }
    }
}
