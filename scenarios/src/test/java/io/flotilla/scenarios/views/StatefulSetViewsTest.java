package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.run.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A StatefulSet's pods in the views, at exact moments of {@link Runs#STATEFUL}: named by their
 * ordinal whichever pod of it they are, controlled by the StatefulSet, their claims as volumes;
 * and under Swarm, an ordinal's task with its volume among its container's mounts.
 */
class StatefulSetViewsTest {

    static RunResult run;

    @BeforeAll
    static void run() {
        run = Runs.run(Runs.STATEFUL);
    }

    /** db-0 created again after its forced deletion is still db-0 to kubectl (the log's id is db-0#2). */
    @Test
    void podsGoByTheirOrdinalsName() {
        assertEquals("""
                NAME   READY   STATUS    RESTARTS   AGE
                db-0   1/1     Running   0          30s
                db-1   1/1     Running   0          48s
                """, PodTable.render(Runs.at(run, "1m"), false));
    }

    @Test
    void describeShowsTheSetTheLabelsAndTheClaim() {
        RunMoment m = Runs.at(run, "1m");
        String described = PodDescription.render(m, KubernetesApi.pod(m, "db-0").orElseThrow());
        String head = described.substring(0, described.indexOf("Containers:"));
        assertEquals("""
                Name:             db-0
                Namespace:        default
                Priority:         0
                Service Account:  default
                Node:             worker-2/
                Start Time:       Thu, 01 Jan 1970 00:00:30 +0000
                Labels:           app=db
                                  apps.kubernetes.io/pod-index=0
                                  statefulset.kubernetes.io/pod-name=db-0
                Annotations:      <none>
                Status:           Running
                IP:
                IPs:              <none>
                Controlled By:    StatefulSet/db
                """, head);
        String mounts = described.substring(described.indexOf("    Mounts:"), described.indexOf("Conditions:"));
        assertEquals("""
                    Mounts:
                      /data from data (rw)
                """, mounts);
        String volumes = described.substring(described.indexOf("Volumes:"), described.indexOf("QoS Class:"));
        assertEquals("""
                Volumes:
                  data:
                    Type:        PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
                    ClaimName:   data-db-0
                    ReadOnly:    false
                """, volumes);
    }

    @Test
    void anOrdinalsTaskUnderSwarmMountsItsVolume() {
        RunResult swarm = Runs.run("""
                scenario: sinspect
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                storage_classes:
                  ssd: {type: local, binding: WaitForFirstConsumer}
                statefulsets:
                  db: {image: "postgres:16", replicas: 1, volume_claim_templates: [{name: data, storage_class: ssd, size: 1Gi}]}
                """);
        String inspected = TaskInspect.render(Runs.at(swarm, "30s"), "db-0").orElseThrow();
        String mounts = inspected.substring(inspected.indexOf("                \"Mounts\""), inspected.indexOf("                \"StopGracePeriod\""));
        assertEquals("""
                                "Mounts": [
                                    {
                                        "Type": "volume",
                                        "Source": "data-db-0",
                                        "Target": "/data",
                                        "VolumeOptions": {
                                            "DriverConfig": {
                                                "Name": "local"
                                            }
                                        }
                                    }
                                ],
                """, mounts);
    }
}
