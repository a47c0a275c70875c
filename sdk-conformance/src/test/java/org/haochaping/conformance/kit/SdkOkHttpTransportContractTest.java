package org.haochaping.conformance.kit;

import org.haochaping.transport.Exchange;
import org.haochaping.transport.OkHttpTransport;

import java.util.IdentityHashMap;
import java.util.Map;

/** The SDK's own exchange, {@link OkHttpTransport#exchange()}, passes the transport contract. */
class SdkOkHttpTransportContractTest implements TransportContract {

    private final Map<Exchange, OkHttpTransport> transports = new IdentityHashMap<>();

    @Override
    public Exchange newExchange(String baseUrl, long maxResponseBytes) {
        OkHttpTransport transport = OkHttpTransport.builder(baseUrl).maxResponseBytes(maxResponseBytes).build();
        transports.put(transport.exchange(), transport);
        return transport.exchange();
    }

    @Override
    public void release(Exchange exchange) {
        transports.remove(exchange).close();
    }
}
