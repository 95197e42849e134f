package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.scenarios.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker inspect} of a task at exact moments of {@link Runs#SWARM}: the Engine API's
 * {@code swarm.Task} fields in their order, four-space indented as Go writes them, the status the
 * manager stores and the task's address on each network it is on.
 */
class TaskInspectTest {

    static RunResult run;

    @BeforeAll
    static void run() {
        run = Runs.run(Runs.SWARM);
    }

    @Test
    void aRunningTaskOnAnOverlay() {
        assertEquals("""
                [
                    {
                        "ID": "uykq3zkhmb9ogz30x0u4vc9rs",
                        "Version": {
                            "Index": 62
                        },
                        "CreatedAt": "1970-01-01T00:00:00Z",
                        "UpdatedAt": "1970-01-01T00:00:02.05Z",
                        "Name": "web.2",
                        "Labels": {},
                        "Spec": {
                            "ContainerSpec": {
                                "Image": "nginx:1.27",
                                "Init": false,
                                "StopGracePeriod": 10000000000,
                                "DNSConfig": {},
                                "Isolation": "default"
                            },
                            "Resources": {
                                "Limits": {},
                                "Reservations": {}
                            },
                            "RestartPolicy": {
                                "Condition": "any",
                                "Delay": 5000000000,
                                "MaxAttempts": 0
                            },
                            "Placement": {},
                            "Networks": [
                                {
                                    "Target": "m8yf1kmzizolpji4ldw58ecyh",
                                    "Aliases": [
                                        "web"
                                    ]
                                }
                            ],
                            "ForceUpdate": 0
                        },
                        "ServiceID": "rzs4jgx2rvt1xjm5waz7fanoc",
                        "Slot": 2,
                        "NodeID": "rz2qlfschgo0d9y7a2k09yjbu",
                        "Status": {
                            "Timestamp": "1970-01-01T00:00:02.05Z",
                            "State": "running",
                            "Message": "started",
                            "ContainerStatus": {
                                "ContainerID": "5f24dca59456fc0d88ace09f28590e1de2a328e0aa64b78c9a7cf14cf8bc58e1",
                                "PID": 56862,
                                "ExitCode": 0
                            },
                            "PortStatus": {}
                        },
                        "DesiredState": "running",
                        "NetworksAttachments": [
                            {
                                "Network": {
                                    "ID": "m8yf1kmzizolpji4ldw58ecyh",
                                    "Version": {
                                        "Index": 0
                                    },
                                    "CreatedAt": "1970-01-01T00:00:00Z",
                                    "UpdatedAt": "1970-01-01T00:00:00Z",
                                    "Spec": {
                                        "Name": "front",
                                        "Labels": {},
                                        "DriverConfiguration": {
                                            "Name": "overlay"
                                        },
                                        "IPAMOptions": {
                                            "Driver": {
                                                "Name": "default"
                                            },
                                            "Configs": [
                                                {
                                                    "Subnet": "10.0.1.0/24",
                                                    "Gateway": "10.0.1.1"
                                                }
                                            ]
                                        },
                                        "Scope": "swarm"
                                    },
                                    "DriverState": {
                                        "Name": "overlay",
                                        "Options": {
                                            "com.docker.network.driver.overlay.vxlanid_list": "4097"
                                        }
                                    },
                                    "IPAMOptions": {
                                        "Driver": {
                                            "Name": "default"
                                        },
                                        "Configs": [
                                            {
                                                "Subnet": "10.0.1.0/24",
                                                "Gateway": "10.0.1.1"
                                            }
                                        ]
                                    }
                                },
                                "Addresses": [
                                    "10.0.1.4/24"
                                ]
                            }
                        ],
                        "Volumes": null
                    }
                ]
                """, TaskInspect.render(Runs.at(run, "40s"), "web.2").orElseThrow() + "\n");
    }

    /** A pending task's status carries the scheduler's reason as its error, and it has no node or container yet. */
    @Test
    void aPendingTaskHasTheSchedulersError() throws Exception {
        JsonNode task = new ObjectMapper().readTree(TaskInspect.render(Runs.at(run, "40s"), "big.1").orElseThrow()).get(0);
        assertEquals("pending", task.get("Status").get("State").asText());
        assertEquals("no suitable node (insufficient resources on 2 nodes; 1 node not available for new tasks)",
                task.get("Status").get("Err").asText());
        assertTrue(task.get("NodeID") == null && task.get("Status").get("ContainerStatus") == null, task.toString());
        List<String> fields = new ArrayList<>();
        task.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("ID", "Version", "CreatedAt", "UpdatedAt", "Name", "Labels", "Spec", "ServiceID", "Slot",
                "Status", "DesiredState", "Volumes"), fields);
    }

    /** A slot's name finds its newest task; the old task on the dead node is still there by its id. */
    @Test
    void aNameIsTheSlotsNewestTask() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode newest = json.readTree(TaskInspect.render(Runs.at(run, "2m"), "web.1").orElseThrow()).get(0);
        JsonNode old = json.readTree(TaskInspect.render(Runs.at(run, "2m"), "web.1#1").orElseThrow()).get(0);
        assertEquals("running", newest.get("DesiredState").asText());
        assertEquals("shutdown", old.get("DesiredState").asText());
        assertEquals("running", old.get("Status").get("State").asText(), "the dead node never reported otherwise");
        assertEquals(Optional.empty(), TaskInspect.render(Runs.at(run, "2m"), "web.9"));
    }

    /**
     * A task's secrets and configs in its ContainerSpec, as {@code docker inspect} shows them: a
     * secret's File.Name relative to /run/secrets/ (as docker stack deploy sends a target), a config's
     * its path, the mode as Go's os.FileMode number (0400 is 256, 0444 is 292), and a task granted
     * nothing has neither field.
     */
    @Test
    void aTaskSeesItsSecretsAndConfigs() throws Exception {
        RunResult granted = Runs.run("""
                scenario: granted
                seed: 1
                until: 30s
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1}
                secrets:
                  db_password: {file: ./db_password.txt}
                  tls_key: {external: true}
                configs:
                  api_settings: {file: ./api.toml}
                services:
                  api:
                    image: "shop/api:2"
                    secrets:
                      - {source: db_password, target: db, uid: "1000", gid: "1000", mode: 0400}
                      - tls_key
                    configs:
                      - {source: api_settings, target: /etc/api/settings.toml}
                  web: {image: "nginx:1.27"}
                """);
        assertEquals("""
                [
                    {
                        "ID": "quddvi43snq73miiqzzoxjc6u",
                        "Version": {
                            "Index": 35
                        },
                        "CreatedAt": "1970-01-01T00:00:00Z",
                        "UpdatedAt": "1970-01-01T00:00:02.05Z",
                        "Name": "api.1",
                        "Labels": {},
                        "Spec": {
                            "ContainerSpec": {
                                "Image": "shop/api:2",
                                "Init": false,
                                "StopGracePeriod": 10000000000,
                                "DNSConfig": {},
                                "Secrets": [
                                    {
                                        "File": {
                                            "Name": "db",
                                            "UID": "1000",
                                            "GID": "1000",
                                            "Mode": 256
                                        },
                                        "SecretID": "6t564kw4my033rbtqzxe1iv08",
                                        "SecretName": "db_password"
                                    },
                                    {
                                        "File": {
                                            "Name": "tls_key",
                                            "UID": "0",
                                            "GID": "0",
                                            "Mode": 292
                                        },
                                        "SecretID": "c5l0oohzv3o9mvfanyz7q87me",
                                        "SecretName": "tls_key"
                                    }
                                ],
                                "Configs": [
                                    {
                                        "File": {
                                            "Name": "/etc/api/settings.toml",
                                            "UID": "0",
                                            "GID": "0",
                                            "Mode": 292
                                        },
                                        "ConfigID": "7o4bokwsdu8u56z753a1muvio",
                                        "ConfigName": "api_settings"
                                    }
                                ],
                                "Isolation": "default"
                            },
                            "Resources": {
                                "Limits": {},
                                "Reservations": {}
                            },
                            "RestartPolicy": {
                                "Condition": "any",
                                "Delay": 5000000000,
                                "MaxAttempts": 0
                            },
                            "Placement": {},
                            "ForceUpdate": 0
                        },
                        "ServiceID": "l8vuvwl1ho6wld5ud5mx1vk77",
                        "Slot": 1,
                        "NodeID": "lua6tv5aqc2091syvr40u69kp",
                        "Status": {
                            "Timestamp": "1970-01-01T00:00:02.05Z",
                            "State": "running",
                            "Message": "started",
                            "ContainerStatus": {
                                "ContainerID": "1669db55bba4b5f31e5aaae3af5173b0d4cfb3e500c89c28618a2fe1eba5d905",
                                "PID": 52053,
                                "ExitCode": 0
                            },
                            "PortStatus": {}
                        },
                        "DesiredState": "running",
                        "Volumes": null
                    }
                ]
                """, TaskInspect.render(Runs.at(granted, "20s"), "api.1").orElseThrow() + "\n");
        JsonNode web = new ObjectMapper().readTree(TaskInspect.render(Runs.at(granted, "20s"), "web.1").orElseThrow()).get(0);
        List<String> fields = new ArrayList<>();
        web.get("Spec").get("ContainerSpec").fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("Image", "Init", "StopGracePeriod", "DNSConfig", "Isolation"), fields, "web is granted nothing");
    }
}
