package org.haochaping.conformance.simulator;

import java.nio.file.Path;
import java.nio.file.Paths;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The simulated central platform as an extension of the standalone WireMock server, which loads extensions by
 * class name through a public no-argument constructor ({@code --extensions
 * org.haochaping.conformance.simulator.StandaloneTransformer}). Every response is computed and SM2-signed per
 * request, so no static mapping can stand in for it: the exported catch-all stub names this transformer.
 *
 * <p>It reads its platform key and registered app from the properties file that {@link StandaloneExport} writes:
 * the file named by the system property {@value #CONFIG_PROPERTY}, else {@value StandaloneExport#PROPERTIES} in the
 * working directory. See docs/simulator.md, "Standalone WireMock".
 */
public final class StandaloneTransformer implements ResponseDefinitionTransformerV2 {

    /** The system property naming the properties file. */
    public static final String CONFIG_PROPERTY = "hcp.simulator.config";

    private final PlatformTransformer platform;

    /** Reads the configuration (see the class comment); fails with the file and the missing setting named. */
    public StandaloneTransformer() {
        this(configFile());
    }

    StandaloneTransformer(Path config) {
        this.platform = SimulatedPlatform.transformerFor(StandaloneExport.read(config));
    }

    private static Path configFile() {
        String named = System.getProperty(CONFIG_PROPERTY);
        return named != null && !named.trim().isEmpty() ? Paths.get(named.trim()) : Paths.get(StandaloneExport.PROPERTIES);
    }

    /** The name the exported stub refers to, the same as the embedded simulator's. */
    @Override
    public String getName() {
        return PlatformTransformer.NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        return platform.transform(serveEvent);
    }
}
