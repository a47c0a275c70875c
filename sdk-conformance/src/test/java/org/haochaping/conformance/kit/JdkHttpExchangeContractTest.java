package org.haochaping.conformance.kit;

import org.haochaping.transport.Exchange;

/**
 * A second, independent {@link Exchange} on the JDK's HTTP client passes the transport contract: the SPI is enough to
 * adapt another HTTP library without rewriting the retry executor.
 */
class JdkHttpExchangeContractTest implements TransportContract {

    @Override
    public Exchange newExchange(String baseUrl, long maxResponseBytes) {
        return new JdkHttpExchange(baseUrl, maxResponseBytes);
    }
}
