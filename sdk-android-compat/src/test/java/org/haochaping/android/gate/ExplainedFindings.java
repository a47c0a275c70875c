package org.haochaping.android.gate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The explained findings of {@code android-gate/dependency-findings.txt}; see the format in that file. */
final class ExplainedFindings {

    static final String RESOURCE = "android-gate/dependency-findings.txt";

    record Explanation(int line, String signatureId, String originClass, String reference) {

        boolean explains(SignatureScan.Finding finding) {
            if (!finding.signatureId().equals(signatureId) || !finding.originClass().equals(originClass)) {
                return false;
            }
            // animal-sniffer writes nested types with '.', binary names use '$'.
            String target = finding.target();
            String wanted = reference.replace('$', '.');
            if (wanted.endsWith(".*")) {
                return target.startsWith(wanted.substring(0, wanted.length() - 1));
            }
            return target.equals(wanted) || target.startsWith(wanted + ".");
        }

        @Override
        public String toString() {
            return RESOURCE + ":" + line + ": " + signatureId + " " + originClass + " " + reference;
        }
    }

    private ExplainedFindings() {
    }

    static List<Explanation> load() {
        List<Explanation> explanations = new ArrayList<>();
        try (InputStream in = ExplainedFindings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                text = text.trim();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+");
                if (parts.length != 3 || !DependencyClosure.SIGNATURES.containsKey(parts[0])) {
                    throw new IllegalStateException(RESOURCE + ":" + line
                            + ": expected '<java-8|android-api-26> <class> <reference>', got: " + text);
                }
                explanations.add(new Explanation(line, parts[0], parts[1], parts[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(explanations);
    }
}
