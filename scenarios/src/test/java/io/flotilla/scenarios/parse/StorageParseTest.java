package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.VolumeMount;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Compose's volumes, nodes' plugins, disks and storage drivers, backups and the volume check, as the parser reads them. */
class StorageParseTest {

    private static final String HEAD = """
            scenario: storage
            nodes:
              - {name: manager-1, role: manager}
              - {name: worker-1}
            volumes: {cache: {}, files: {driver: azurefile}}
            """;

    record Case(String name, String yaml, List<String> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> problems() {
        return Stream.of(
                new Case("an undeclared volume, as docker stack deploy says", HEAD + "services: {web: {volumes: [\"cahce:/data\"]}}\n",
                        List.of("6:28: undefined volume 'cahce'; did you mean 'cache'?; declare it under the top-level 'volumes'")),
                new Case("a short form without a target", HEAD + "services: {web: {volumes: [\"cache\"]}}\n",
                        List.of("6:28: volumes: 'cache': an anonymous volume (name it, as in cache:cache) is not simulated yet")),
                new Case("a mode that is not ro or rw", HEAD + "services: {web: {volumes: [\"cache:/data:z\"]}}\n",
                        List.of("6:28: volumes: the mode of \"cache:/data:z\" is ro or rw, got \"z\"")),
                new Case("a relative mount point", HEAD + "services: {web: {volumes: [\"cache:data\"]}}\n",
                        List.of("6:28: volumes: the mount point \"data\" is not an absolute path")),
                new Case("two mounts at one target", HEAD + "services: {web: {volumes: [\"cache:/data\", \"/srv:/data\"]}}\n",
                        List.of("6:43: volumes: duplicate mount point: /data")),
                new Case("a tmpfs mount", HEAD + "services: {web: {volumes: [{type: tmpfs, source: x, target: /t}]}}\n",
                        List.of("6:35: type: a tmpfs mount is not simulated yet")),
                new Case("a bind mount of a name", HEAD + "services: {web: {volumes: [{type: bind, source: cache, target: /t}]}}\n",
                        List.of("6:49: source: a bind mount's source is a host path such as /var/log, got \"cache\"")),
                new Case("driver options", HEAD.replace("{cache: {}", "{cache: {driver_opts: {type: nfs}}") ,
                        List.of("5:19: driver_opts: a volume's driver opts is not simulated yet")),
                new Case("a storage driver Docker Engine removed", HEAD.replace("{name: worker-1}", "{name: worker-1, storage_driver: devicemapper}"),
                        List.of("4:38: storage_driver: the devicemapper storage driver was removed in Docker Engine 25.0; use overlay2")),
                new Case("a storage driver not simulated", HEAD.replace("{name: worker-1}", "{name: worker-1, storage_driver: zfs}"),
                        List.of("4:38: storage_driver: zfs: the zfs storage driver is not simulated yet")),
                new Case("a plugin listed twice", HEAD.replace("{name: worker-1}", "{name: worker-1, plugins: [a, a]}"),
                        List.of("4:35: plugins: 'a' is listed twice")),
                new Case("labels given twice in the list form", HEAD.replace("{cache: {}", "{cache: {labels: [a=1, a=2]}"),
                        List.of("5:33: labels: 'a' is given twice")),
                new Case("a label without its key", HEAD.replace("{cache: {}", "{cache: {labels: [=1]}"),
                        List.of("5:28: labels: expected KEY=VALUE, such as com.example.tier=cache; got \"=1\"")),
                new Case("a prune of an unknown node", HEAD + "timeline:\n  - {at: 1m, volume_prune: {node: worker-2}}\n",
                        List.of("7:35: unknown node 'worker-2'; did you mean 'worker-1'?")),
                new Case("a prune without its node", HEAD + "timeline:\n  - {at: 1m, volume_prune: {all: true}}\n",
                        List.of("7:28: missing key 'node' in volume_prune")),
                new Case("Docker's label!= filter", HEAD + "timeline:\n  - {at: 1m, volume_prune: {node: worker-1, filter: {label: \"!a\"}}}\n",
                        List.of("7:61: label: expected KEY or KEY=VALUE, such as com.example.tier=cache; got \"!a\"")),
                new Case("a prune under kubernetes", HEAD.replace("scenario: storage", "scenario: storage\nstrategy: kubernetes")
                                .replace(", files: {driver: azurefile}", "") + "timeline:\n  - {at: 1m, volume_prune: {node: worker-1}}\n",
                        List.of("8:28: volume_prune: docker volume prune is the Docker engine's; under kubernetes a PersistentVolume "
                                + "goes as its reclaim policy says (Delete, or Released under Retain) when its claim is deleted, and "
                                + "nothing prunes volumes")),
                new Case("a restore from a backup not taken", HEAD + "timeline:\n  - {at: 1m, restore: {volume: cache, from: nightly}}\n",
                        List.of("7:45: from: unknown backup 'nightly'; no backup is taken before this restore")),
                new Case("a restore before its backup", HEAD + """
                        timeline:
                          - {at: 2m, backup: {volume: cache, name: nightly}}
                          - {at: 1m, restore: {volume: cache, from: nightly}}
                        """, List.of("8:45: from: unknown backup 'nightly'; no backup is taken before this restore")),
                new Case("two backups of one name", HEAD + """
                        timeline:
                          - {at: 1m, backup: {volume: cache, name: nightly}}
                          - {at: 2m, backup: {volume: files, name: nightly}}
                        """, List.of("8:44: name: a backup named 'nightly' is taken already, at 1m of volume 'cache'")),
                new Case("a backup of an unknown volume", HEAD + "timeline:\n  - {at: 1m, backup: {volume: cahce, name: b}}\n",
                        List.of("7:31: unknown volume 'cahce'; did you mean 'cache'?; the volumes are cache, files")),
                new Case("a volume check with nothing to check", HEAD + "expect:\n  - {volume: {cache: {}}}\n",
                        List.of("7:22: volume 'cache': expected node, state and/or data_through")),
                new Case("a volume check's state", HEAD + "expect:\n  - {volume: {cache: {state: gone}}}\n",
                        List.of("7:30: state: expected one of attached, detached, lost, got \"gone\"")),
                new Case("a negative replication lag", REPLICATED.formatted("lag: -2s"),
                        List.of("6:40: lag: expected a duration such as 250ms, 30s or 1h30m, got \"-2s\"")),
                new Case("a replication lag without its unit", REPLICATED.formatted("lag: 2"),
                        List.of("6:40: lag: expected a duration such as 250ms, 30s or 1h30m, got \"2\"")),
                new Case("a replication lag with its unit in words", REPLICATED.formatted("lag: 2 seconds"),
                        List.of("6:40: lag: expected a duration such as 250ms, 30s or 1h30m, got \"2 seconds\"")),
                new Case("a replication without its lag", REPLICATED.formatted(""),
                        List.of("6:34: missing key 'lag' in replication")),
                new Case("a replication key that is not simulated", REPLICATED.formatted("lag: 2s, sync: true"),
                        List.of("6:44: unknown key 'sync' in replication")),
                new Case("a replication with no volumes to replicate",
                        REPLICATED.formatted("lag: 2s").replace(", volume_claim_templates: [{name: data, storage_class: ssd, size: 1Gi}]", ""),
                        List.of("6:21: replication: the application replicates what its volumes hold; give volume_claim_templates")),
                new Case("a volume check of a lineage without data_through", REPLICATED.formatted("lag: 2s")
                        + "expect:\n  - {volume: {data-db-1: {of: db-0}}}\n",
                        List.of("8:27: volume 'data-db-1': of says whose writes data_through counts; give data_through too")));
    }

    /** A statefulset whose application replicates, with {@code replication: {%s}}. */
    private static final String REPLICATED = """
            scenario: t
            nodes: [{name: worker-1}]
            storage_classes:
              ssd: {type: local, binding: WaitForFirstConsumer}
            statefulsets:
              db: {replicas: 2, replication: {%s}, volume_claim_templates: [{name: data, storage_class: ssd, size: 1Gi}]}
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reported(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("storage.yaml", c.yaml());
        assertEquals(c.problems(), outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    @Test
    void aServiceCarriesItsMountsWithTheirVolumesDrivers() {
        ParseOutcome outcome = new ScenarioParser().parse("storage.yaml", HEAD + """
                services:
                  web:
                    volumes: ["cache:/var/cache", "files:/srv:ro", "/var/log:/logs", {type: volume, source: files, target: /f, read_only: true}]
                """);
        assertEquals(List.of(), outcome.problems());
        assertEquals(List.of(
                        VolumeMount.volume("cache", "/var/cache", false, "local"),
                        VolumeMount.volume("files", "/srv", true, "azurefile"),
                        VolumeMount.bind("/var/log", "/logs", false),
                        VolumeMount.volume("files", "/f", true, "azurefile")),
                outcome.scenario().orElseThrow().services().get(0).task().mounts());
    }
}
