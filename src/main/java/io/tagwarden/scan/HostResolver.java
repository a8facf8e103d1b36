package io.tagwarden.scan;

import io.micronaut.context.annotation.DefaultImplementation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name → addresses, a seam so the address policy can be tested without DNS. */
@DefaultImplementation(HostResolver.System.class)
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver. */
    @jakarta.inject.Singleton
    final class System implements HostResolver {
        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return List.of(InetAddress.getAllByName(host));
        }
    }
}
