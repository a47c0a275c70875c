package org.haochaping.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annex's indicator catalogue (附表: 服务事项评价指标 and 服务人员评价指标), bundled as the resource
 * {@code indicators.tsv} beside this class and looked up by code (Art. 6, 7).
 */
public final class IndicatorCatalogue {

    private static final String RESOURCE = "indicators.tsv";
    private static final IndicatorCatalogue STANDARD = load();

    private final Map<String, Indicator> byCode;

    private IndicatorCatalogue(Map<String, Indicator> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** The catalogue of the annex to the Tianjin rules. */
    public static IndicatorCatalogue standard() {
        return STANDARD;
    }

    /** The indicator with this code, or {@code null} when the annex has none. */
    public Indicator find(String code) {
        return code == null ? null : byCode.get(code);
    }

    /**
     * The indicator with this code.
     *
     * @throws IllegalArgumentException naming the code when the annex has no such indicator
     */
    public Indicator get(String code) {
        Indicator indicator = find(code);
        if (indicator == null) {
            throw new IllegalArgumentException("unknown indicator code '" + code + "' (annex to Art. 6-7)");
        }
        return indicator;
    }

    /** Every indicator, in annex order. */
    public List<Indicator> all() {
        return Collections.unmodifiableList(new ArrayList<>(byCode.values()));
    }

    /** The indicators of one table and grade, in annex order. */
    public List<Indicator> of(Target target, Grade grade) {
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : byCode.values()) {
            if (i.target() == target && i.grade() == grade) {
                out.add(i);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static IndicatorCatalogue load() {
        Map<String, Indicator> map = new LinkedHashMap<>();
        InputStream in = IndicatorCatalogue.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + RESOURCE + " missing from the sdk-core jar");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("malformed line in " + RESOURCE + ": " + line);
                }
                Indicator i = new Indicator(f[0], Target.valueOf(f[1]), Grade.valueOf(f[2]), f[3]);
                if (map.put(i.code(), i) != null) {
                    throw new IllegalStateException("duplicate indicator code " + i.code() + " in " + RESOURCE);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        return new IndicatorCatalogue(map);
    }
}
