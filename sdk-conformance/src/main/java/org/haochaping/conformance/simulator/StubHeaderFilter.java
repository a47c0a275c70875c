package org.haochaping.conformance.simulator;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Drops the headers WireMock adds to every matched response ({@code Matched-Stub-Id}, {@code Matched-Stub-Name}):
 * they are not part of the interface, and a client must not come to depend on them.
 */
final class StubHeaderFilter implements ResponseTransformerV2 {

    static final String NAME = "hcp-stub-header-filter";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        if (response.getFault() != null || response.getHeaders() == null) {
            return response;
        }
        List<HttpHeader> kept = new ArrayList<>();
        boolean dropped = false;
        for (HttpHeader h : response.getHeaders().all()) {
            if (h.key().regionMatches(true, 0, "Matched-Stub-", 0, "Matched-Stub-".length())) {
                dropped = true;
            } else {
                kept.add(h);
            }
        }
        return dropped ? Response.Builder.like(response).but().headers(new HttpHeaders(kept)).build() : response;
    }
}
