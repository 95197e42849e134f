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
}
