package org.pramaan.network;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.pramaan.network.identity.Member;
import org.pramaan.network.identity.NetworkMaterial;

/** fabric-gateway clients of a {@link DevNetwork}, connected the way the services connect: TLS with host override. */
final class GatewayClients {

    private GatewayClients() {
    }

    static ManagedChannel channel(DevNetwork network) {
        try {
            ChannelCredentials tls = TlsChannelCredentials.newBuilder()
                    .trustManager(network.material().tlsRootFile().toFile()).build();
            return NettyChannelBuilder.forTarget(network.peerEndpoint(), tls)
                    .overrideAuthority(NetworkMaterial.PEER_HOST).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Gateway gateway(ManagedChannel channel, Member member) {
        return Gateway.newInstance()
                .identity(new X509Identity(member.mspId(), member.certificate()))
                .signer(Signers.newPrivateKeySigner(member.privateKey()))
                .connection(channel)
                .evaluateOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                .endorseOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                .submitOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                .commitStatusOptions(o -> o.withDeadlineAfter(60, TimeUnit.SECONDS))
                .connect();
    }

    static Member client(DevNetwork network, String name) {
        try {
            return network.material().client(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RegisterIssuer argument for {@code department}. */
    static String issuerJson(String department) {
        return "{\"department\":\"" + department + "\",\"names\":{\"en\":\"" + department + " Department\","
                + "\"te\":\"" + department + " శాఖ\",\"hi\":\"" + department + " विभाग\"}}";
    }

}
