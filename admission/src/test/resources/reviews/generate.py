#!/usr/bin/env python3
"""Writes the golden review requests (request.json, config.json) of this folder.

expected.json is written by the test itself with -Dgolden.update=true and then read by a person before
it is committed. Every secret here is fake and format-valid; SECRETS lists them, and the test asserts
that none of them appears in any response.
"""
import json, os, uuid

HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = "adm-hunter2-Zq9"                                   # under a secret-named key
GITHUB = "ghp_FAKEPLyiccb7oCnlV5mus47TcZ57xH092Bzw"            # ghp_ + 36
AWS = "AKIAFAKEFAKEFAKE2345"
URL_PASSWORD = "Sup3rS3cretUrlPw"
HEADER_TOKEN = "dG9rZW4tZmFrZS1mb3ItdGVzdHMtMTIzNDU2"
SECRETS = [PASSWORD, GITHUB, AWS, URL_PASSWORD, HEADER_TOKEN]

def container(env=None, args=None, name="app", probe_headers=None):
    c = {"name": name, "image": "ghcr.io/acme/app:1.2.3"}
    if env is not None: c["env"] = env
    if args is not None: c["args"] = args
    if probe_headers is not None:
        c["livenessProbe"] = {"httpGet": {"path": "/healthz", "port": 8080, "httpHeaders": probe_headers}}
    return c

LEAK = [{"name": "LOG_LEVEL", "value": "info"}, {"name": "DB_PASSWORD", "value": PASSWORD}]
CLEAN = [{"name": "LOG_LEVEL", "value": "info"},
         {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}]

def pod_spec(env, **kw):
    return {"containers": [container(env, **kw)]}

def meta(name, ns="shop", **extra):
    m = {"name": name, "namespace": ns}
    m.update(extra)
    return m

def workload(kind, api, name, env, ns="shop"):
    tmpl = {"metadata": {"labels": {"app": name}}, "spec": pod_spec(env)}
    if kind == "Pod":
        spec = pod_spec(env)
    elif kind == "CronJob":
        spec = {"schedule": "*/5 * * * *", "jobTemplate": {"spec": {"template": tmpl}}}
    elif kind == "Job":
        spec = {"template": tmpl}
    elif kind == "ReplicationController":
        spec = {"replicas": 1, "selector": {"app": name}, "template": tmpl}
    else:
        spec = {"replicas": 2, "selector": {"matchLabels": {"app": name}}, "template": tmpl}
    return {"apiVersion": api, "kind": kind, "metadata": meta(name, ns), "spec": spec}

GVK = {"Pod": ("", "v1", "pods"), "Deployment": ("apps", "v1", "deployments"), "StatefulSet": ("apps", "v1", "statefulsets"),
       "DaemonSet": ("apps", "v1", "daemonsets"), "ReplicaSet": ("apps", "v1", "replicasets"), "Job": ("batch", "v1", "jobs"),
       "CronJob": ("batch", "v1", "cronjobs"), "ReplicationController": ("", "v1", "replicationcontrollers"),
       "ConfigMap": ("", "v1", "configmaps"), "Secret": ("", "v1", "secrets")}

def review(case, obj, op="CREATE", old=None, dry=False, config=None, kind=None, sub=None, name=None, ns=None, resource=None):
    k = kind or (obj or old)["kind"]
    group, version, res = GVK.get(k, ("acme.io", "v1", k.lower() + "s"))
    m = (obj or old or {}).get("metadata", {})
    req = {
        "uid": str(uuid.uuid5(uuid.NAMESPACE_URL, "floe-gitops/" + case)),
        "kind": {"group": group, "version": version, "kind": k},
        "resource": {"group": group, "version": version, "resource": resource or res},
        "requestKind": {"group": group, "version": version, "kind": k},
        "requestResource": {"group": group, "version": version, "resource": resource or res},
        "name": m.get("name", "") if name is None else name,
        "namespace": m.get("namespace", "") if ns is None else ns,
        "operation": op,
        "userInfo": {"username": "system:serviceaccount:argocd:argocd-application-controller", "groups": ["system:serviceaccounts"]},
        "object": obj,
        "oldObject": old,
        "dryRun": dry,
        "options": {"apiVersion": "meta.k8s.io/v1", "kind": op.capitalize() + "Options"} if op != "CONNECT" else None,
    }
    if sub: req["subResource"] = sub
    if req["name"] == "": del req["name"]
    write(case, {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": req}, config)

def write(case, body, config=None):
    d = os.path.join(HERE, case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "request.json"), "w") as f:
        json.dump(body, f, indent=2); f.write("\n")
    cfg = os.path.join(d, "config.json")
    if config:
        with open(cfg, "w") as f:
            json.dump(config, f, indent=2); f.write("\n")
    elif os.path.exists(cfg):
        os.remove(cfg)

# Every workload kind, with a literal password: denied in enforce mode.
for kind, api in [("Pod", "v1"), ("Deployment", "apps/v1"), ("StatefulSet", "apps/v1"), ("DaemonSet", "apps/v1"),
                  ("ReplicaSet", "apps/v1"), ("Job", "batch/v1"), ("CronJob", "batch/v1"), ("ReplicationController", "v1")]:
    review("deny-" + kind.lower() + "-env-password", workload(kind, api, "billing-" + kind.lower(), LEAK))
    review("allow-" + kind.lower() + "-secretkeyref", workload(kind, api, "billing-" + kind.lower(), CLEAN))

# pods/ephemeralcontainers: kubectl debug adds a container through the subresource (UPDATE).
pod = workload("Pod", "v1", "billing-pod", CLEAN)
debug = json.loads(json.dumps(pod))
debug["spec"]["ephemeralContainers"] = [container([{"name": "API_TOKEN", "value": GITHUB}], name="debugger")]
review("deny-pod-ephemeralcontainer-token", debug, op="UPDATE", old=pod, sub="ephemeralcontainers")

# ConfigMaps
review("deny-configmap-properties-password", {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("app-config"),
        "data": {"application.properties": "server.port=8080\nspring.datasource.password=" + PASSWORD + "\n"}})
review("deny-configmap-url-credentials", {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("db-config"),
        "data": {"DATABASE_URL": "postgres://app:" + URL_PASSWORD + "@db.shop.svc:5432/app"}})
review("allow-configmap-clean", {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("app-config"),
        "data": {"LOG_LEVEL": "info", "DB_PASSWORD_FILE": "/var/run/secrets/db/password", "DB_USER": "app"}})
review("deny-configmap-last-applied-secret-data", {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("leaky", annotations={
        "kubectl.kubernetes.io/last-applied-configuration": json.dumps({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"},
                                                                         "stringData": {"password": PASSWORD}})}),
        "data": {"a": "b"}})

# Secret objects are allowed at admission (SPEC §7), whatever they hold.
review("allow-secret-opaque", {"apiVersion": "v1", "kind": "Secret", "metadata": meta("db"), "type": "Opaque",
        "stringData": {"password": PASSWORD, "token": GITHUB}})
review("allow-secret-data-base64", {"apiVersion": "v1", "kind": "Secret", "metadata": meta("aws"), "type": "Opaque",
        "data": {"AWS_ACCESS_KEY_ID": "QUtJQTYyTEU0N0pVMldWTkhVS1g="}})

# Custom resources with pod templates, wherever they are nested.
review("deny-crd-nested-podtemplate", {"apiVersion": "acme.io/v1", "kind": "WorkerPool", "metadata": meta("pool"),
        "spec": {"pools": [{"name": "gpu", "podTemplate": {"spec": pod_spec([{"name": "QUEUE_PASSWORD", "value": PASSWORD}])}}]}})
review("deny-crd-argo-rollout", {"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "metadata": meta("web"),
        "spec": {"replicas": 3, "template": {"spec": pod_spec([{"name": "GITHUB_TOKEN", "value": GITHUB}])}}})
review("allow-crd-clean", {"apiVersion": "acme.io/v1", "kind": "WorkerPool", "metadata": meta("pool"),
        "spec": {"pools": [{"name": "cpu", "podTemplate": {"spec": pod_spec(CLEAN)}}]}})

# Token formats and places
d = workload("Deployment", "apps/v1", "sync", None)
d["spec"]["template"]["spec"]["containers"][0]["args"] = ["--token=" + GITHUB, "--verbose"]
review("deny-args-github-token", d)
d = workload("Deployment", "apps/v1", "s3-sync", [{"name": "AWS_ACCESS_KEY_ID", "value": AWS}])
review("deny-env-aws-access-key", d)
d = workload("Deployment", "apps/v1", "web", CLEAN)
d["spec"]["template"]["spec"]["containers"][0]["livenessProbe"] = {"httpGet": {"path": "/healthz", "port": 8080,
        "httpHeaders": [{"name": "Authorization", "value": "Bearer " + HEADER_TOKEN}]}}
review("deny-probe-authorization-header", d)
review("allow-generate-name", {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"generateName": "migrate-", "namespace": "shop"},
        "spec": {"template": {"spec": pod_spec(CLEAN)}}})

# Operations
leaky = workload("Deployment", "apps/v1", "legacy", LEAK)
clean = workload("Deployment", "apps/v1", "legacy", CLEAN)
scaled = json.loads(json.dumps(leaky)); scaled["spec"]["replicas"] = 5
review("allow-delete-object-null", None, op="DELETE", old=leaky)
review("allow-connect-exec", {"apiVersion": "v1", "kind": "PodExecOptions", "command": ["sh"], "container": "app"},
       op="CONNECT", kind="Pod", sub="exec", name="billing-pod", ns="shop", resource="pods")
review("warn-update-preexisting-finding", scaled, op="UPDATE", old=leaky)
review("deny-update-preexisting-when-enforced", scaled, op="UPDATE", old=leaky, config={"oldObjectFindings": "enforce"})
review("deny-update-new-finding", leaky, op="UPDATE", old=clean)
added = json.loads(json.dumps(leaky))
added["spec"]["template"]["spec"]["containers"][0]["env"].append({"name": "GITHUB_TOKEN", "value": GITHUB})
review("deny-update-new-and-preexisting", added, op="UPDATE", old=leaky)
review("allow-update-clean", clean, op="UPDATE", old=leaky)

# dryRun gets the same verdict
review("deny-dryrun-create", workload("Deployment", "apps/v1", "trial", LEAK), dry=True)
review("allow-dryrun-clean", workload("Deployment", "apps/v1", "trial", CLEAN), dry=True)

# Modes
review("warn-mode-warn", workload("Deployment", "apps/v1", "billing", LEAK), config={"mode": "warn"})
review("allow-mode-audit", workload("Deployment", "apps/v1", "billing", LEAK), config={"mode": "audit"})
review("allow-mode-warn-clean", workload("Deployment", "apps/v1", "billing", CLEAN), config={"mode": "warn"})
many = [{"name": "SERVICE_%d_PASSWORD" % i, "value": PASSWORD + str(i)} for i in range(12)]
review("warn-mode-warn-many-findings", workload("Deployment", "apps/v1", "many", many), config={"mode": "warn"})
review("deny-many-findings-shortened", workload("Deployment", "apps/v1", "many", many))
long_key = "settings-" + "nested-" * 12 + "file.yaml"
review("warn-long-path-shortened", {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("c" * 60, ns="team-" + "x" * 50),
        "data": {long_key: "database:\n  primary:\n    connection:\n      password: " + PASSWORD + "\n"}}, config={"mode": "warn"})

# Exemptions come from the server's configuration only
EX_NS = {"exemptions": [{"namespaces": ["legacy-billing"], "reason": "BILL-142: migration to external-secrets, owner team-billing"}]}
EX_RULE = {"exemptions": [{"names": ["billing-*"], "rules": ["secret-named-key"], "reason": "BILL-143: password rotation in progress"}]}
review("allow-exempt-namespace", workload("Deployment", "apps/v1", "billing", LEAK, ns="legacy-billing"), config=EX_NS)
review("deny-exempt-other-namespace", workload("Deployment", "apps/v1", "billing", LEAK, ns="shop"), config=EX_NS)
review("allow-exempt-name-glob-rule", workload("Deployment", "apps/v1", "billing-api", LEAK), config=EX_RULE)
mixed = workload("Deployment", "apps/v1", "billing-api", LEAK + [{"name": "GH_TOKEN", "value": GITHUB}])
review("deny-exempt-rule-other-rule-still-counts", mixed, config=EX_RULE)
review("deny-exempt-name-not-matching", workload("Deployment", "apps/v1", "payments-api", LEAK), config=EX_RULE)
selfexempt = workload("Deployment", "apps/v1", "sneaky", LEAK)
selfexempt["metadata"]["annotations"] = {"floe-gitops.dev/exempt": "true", "floe-gitops.dev/reason": "trust me"}
selfexempt["metadata"]["labels"] = {"floe-gitops.dev/exempt": "true"}
review("deny-object-cannot-exempt-itself", selfexempt, config=EX_NS)

with open(os.path.join(HERE, "secrets.txt"), "w") as f:
    f.write("\n".join(SECRETS) + "\n")
