package io.flotilla.scenarios.parse;

import io.flotilla.network.driver.Driver;
import io.flotilla.scenarios.model.NetworkDecl;
import io.flotilla.scenarios.model.StorageClassDecl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named declarations other sections refer to: {@code networks}, {@code storage_classes}
 * ({@code registries} and {@code images} are {@link ImagesBinder}'s).
 */
final class DeclarationsBinder {

    static final List<String> NETWORK_KEYS = List.of("driver", "subnet", "encrypted");
    static final List<String> STORAGE_CLASS_KEYS = List.of("type", "binding");
    static final Map<String, Driver> DRIVERS =
            Values.choices("overlay", Driver.OVERLAY, "bridge", Driver.BRIDGE, "macvlan", Driver.MACVLAN);
    static final Map<String, String> VOLUME_TYPES = Values.choices("local", "local", "network", "network");
    static final Map<String, String> BINDINGS =
            Values.choices("Immediate", "Immediate", "WaitForFirstConsumer", "WaitForFirstConsumer");

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    private DeclarationsBinder() {}

    static TreeMap<String, NetworkDecl> networks(Fields top) {
        TreeMap<String, NetworkDecl> out = new TreeMap<>();
        Map<String, String> subnets = new HashMap<>();
        top.section("networks", "networks", null).ifPresent(map -> {
            for (Fields.Entry e : map.entries()) {
                if (e.name().equals("ingress")) {
                    map.problems().add(e.key(), "network name 'ingress' is taken by the routing mesh's own network");
                } else {
                    Names.swarm(e.name()).ifPresent(why -> map.problems().add(e.key(),
                            "network name '" + e.name() + "' is invalid: " + why + " (" + Names.SWARM_RULE + ")"));
                }
                Optional<Fields> f = Fields.of(e.value(), e.name(), "network '" + e.name() + "'", map.problems(), NETWORK_KEYS);
                f.ifPresent(n -> {
                    Driver driver = n.choice("driver", DRIVERS, Driver.OVERLAY);
                    boolean encrypted = n.bool("encrypted", false);
                    if (encrypted && driver != Driver.OVERLAY) {
                        // Docker's encrypted option is IPsec between the hosts' VTEPs: only an overlay has them.
                        n.problems().add(n.value("encrypted").orElseThrow(), "encrypted: only an overlay network is encrypted "
                                + "(IPsec between hosts); a " + driver.key() + " network never is");
                    }
                    if (driver == Driver.MACVLAN && !n.has("subnet")) {
                        // Docker takes a macvlan's addresses from the parent interface's segment, which it cannot guess.
                        n.problems().add(n.value("driver").orElseThrow(), "driver: a macvlan network needs the subnet of the "
                                + "hosts' own segment, such as subnet: 192.168.10.0/24");
                    }
                    Optional<String> subnet = n.string("subnet");
                    subnet.ifPresent(s -> {
                        if (!isCidr(s)) {
                            n.problems().add(n.value("subnet").orElseThrow(),
                                    "subnet: expected an IPv4 subnet such as 10.0.9.0/24, got " + Yaml.quote(s));
                        } else {
                            String other = subnets.putIfAbsent(s, e.name());
                            if (other != null) {
                                n.problems().add(n.value("subnet").orElseThrow(),
                                        "subnet " + s + " is already the subnet of network '" + other + "'");
                            }
                        }
                    });
                    out.put(e.name(), new NetworkDecl(e.name(), driver, subnet, encrypted, Yaml.pos(e.key())));
                });
            }
        });
        return out;
    }

    static TreeMap<String, StorageClassDecl> storageClasses(Fields top) {
        TreeMap<String, StorageClassDecl> out = new TreeMap<>();
        top.section("storage_classes", "storage_classes", null).ifPresent(map -> {
            for (Fields.Entry e : map.entries()) {
                Fields.of(e.value(), e.name(), "storage class '" + e.name() + "'", map.problems(), STORAGE_CLASS_KEYS)
                        .ifPresent(f -> {
                            Optional<String> type = f.required("type").flatMap(n -> Values.choice(n, "type", VOLUME_TYPES, f.problems()));
                            String binding = f.choice("binding", BINDINGS, "Immediate");
                            type.ifPresent(t -> out.put(e.name(), new StorageClassDecl(e.name(), t, binding, Yaml.pos(e.key()))));
                        });
            }
        });
        return out;
    }

    private static boolean isCidr(String text) {
        Matcher m = CIDR.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return Integer.parseInt(m.group(5)) <= 32;
    }
}
