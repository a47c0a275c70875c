package org.haochaping.conformance.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * One language-neutral vector file ({@code /vectors/*.json} in the kit's jar, Wycheproof style): its kind and its
 * test cases. Read the shipped ones with {@link #shipped()}, or a directory of (possibly modified) copies with
 * {@link #inDirectory(Path)}.
 */
public final class VectorFile {

    /** The files the kit ships, in the order reports list them. */
    public static final List<String> SHIPPED = List.of(
            "payload_validity_unified.json",
            "payload_validity_national.json",
            "sm2_sm3_verify_test.json",
            "sm4_test.json",
            "hmac_sm3_test.json",
            "request_signing_test.json",
            "receipt_code_test.json",
            "working_days_test.json",
            "scorecard_test.json",
            "art16_tracker_test.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final VectorKind kind;
    private final JsonNode document;
    private final List<VectorCase> cases;

    private VectorFile(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        this.kind = VectorKind.ofAlgorithm(name, document.path("algorithm").asText(""));
        JsonNode groups = document.get("testGroups");
        if (groups == null || !groups.isArray()) {
            throw new VectorFileException(name + ": no testGroups array");
        }
        List<VectorCase> out = new ArrayList<>();
        for (JsonNode group : groups) {
            for (JsonNode test : group.path("tests")) {
                if (!test.path("tcId").canConvertToInt() || !test.path("tcId").isIntegralNumber()) {
                    throw new VectorFileException(name + ": a test without an integer tcId");
                }
                String section = test.hasNonNull("specSection") ? test.get("specSection").asText() : test.path("rule").asText("");
                String expected = test.path("result").asText("");
                if (!expected.equals("valid") && !expected.equals("invalid")) {
                    throw new VectorFileException(name + " tcId " + test.get("tcId").asInt()
                            + ": result must be valid or invalid, not '" + expected + "'");
                }
                out.add(new VectorCase(name, test.get("tcId").asInt(), test.path("comment").asText(""), section,
                        expected, group, test));
            }
        }
        this.cases = Collections.unmodifiableList(out);
    }

    /** Parses a vector file's text; {@code name} is how reports call it. */
    public static VectorFile parse(String name, String text) {
        try {
            return new VectorFile(name, JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new VectorFileException(name + ": not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")", e);
        }
    }

    /** One of the {@link #SHIPPED} files, from the kit's jar. */
    public static VectorFile shipped(String name) {
        try (InputStream in = VectorFile.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new VectorFileException(name + ": not in the kit's jar (/vectors/" + name + ")");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VectorFileException(name + ": cannot read from the kit's jar", e);
        }
    }

    /** Every file the kit ships. */
    public static List<VectorFile> shipped() {
        return SHIPPED.stream().map(VectorFile::shipped).toList();
    }

    /** Every {@code *.json} file in a directory, by name. */
    public static List<VectorFile> inDirectory(Path directory) {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new VectorFileException(directory + ": cannot list the directory", e);
        }
        if (files.isEmpty()) {
            throw new VectorFileException(directory + ": no *.json vector files");
        }
        List<VectorFile> out = new ArrayList<>();
        for (Path file : files) {
            try {
                out.add(parse(file.getFileName().toString(), Files.readString(file)));
            } catch (IOException e) {
                throw new VectorFileException(file + ": cannot read", e);
            }
        }
        return out;
    }

    public String name() {
        return name;
    }

    public VectorKind kind() {
        return kind;
    }

    /** The wire profile of a payload file ({@code unified} or {@code national}); empty for other kinds. */
    public String profile() {
        return document.path("profile").asText("");
    }

    /** The whole document, for checks of its header. */
    public JsonNode document() {
        return document;
    }

    /** The test cases, in file order. */
    public List<VectorCase> cases() {
        return cases;
    }

    @Override
    public String toString() {
        return name + " (" + kind + ", " + cases.size() + " cases)";
    }
}
