package org.haochaping.jdbc;

import java.nio.file.Paths;
import java.time.Duration;
import org.haochaping.client.HcpClient;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.transport.RetryPolicy;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One instance of a department system for {@link TwoInstancesSigkillTest}: delivers the shared PostgreSQL outbox to
 * the simulated platform through the SDK client, printing {@code DELIVERING n} and {@code DELIVERED n}, until killed.
 *
 * <p>Arguments: base URL, app id, app private key PEM, platform public key PEM, JDBC URL, table prefix, instance id.
 */
public final class OutboxInstanceChild {

    private OutboxInstanceChild() {
    }

    public static void main(String[] args) throws Exception {
        PrivateKeyMaterial appKey = PemKeys.privateKey(Paths.get(args[2]));
        PublicKeyMaterial platformKey = PemKeys.publicKey(Paths.get(args[3]));
        HcpClient client = HcpClient.builder().baseUrl(args[0]).appId(args[1])
                .signer(Sm2Signer.builder(appKey).keyId(appKey.publicKey().defaultKeyId()).build())
                .platformVerifier(Sm2Verifier.builder().key(platformKey.defaultKeyId(), platformKey).build())
                .retryPolicy(RetryPolicy.builder().maxRetries(1).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20)).build())
                .build();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[4]);
        dataSource.setUser("hcp");
        dataSource.setPassword("hcp");
        OutboxSink toPlatform = client.outboxSink();
        OutboxSink printing = record -> {
            System.out.println("DELIVERING " + record.sequence());
            System.out.flush();
            toPlatform.deliver(record);
            System.out.println("DELIVERED " + record.sequence());
            System.out.flush();
        };
        JdbcOutboxStore.builder(dataSource, printing).tables(JdbcTables.withPrefix(args[5])).instanceId(args[6])
                .lease(Duration.ofSeconds(3)).batchSize(5).pollInterval(Duration.ofMillis(100))
                .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(500)).start();
        System.out.println("STARTED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
