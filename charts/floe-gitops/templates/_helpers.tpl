{{/* Chart name. */}}
{{- define "floe-gitops.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name: release name, plus the chart name unless the release name already contains it. Kept short enough for suffixes. */}}
{{- define "floe-gitops.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "floe-gitops.admissionName" -}}
{{- printf "%s-admission" (include "floe-gitops.fullname" .) -}}
{{- end -}}

{{/* Common labels; call with (dict "ctx" $ "component" "webhook"). */}}
{{- define "floe-gitops.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "floe-gitops.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Values.image.tag | default .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: floe-gitops
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "floe-gitops.selectorLabels" -}}
app.kubernetes.io/name: {{ include "floe-gitops.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "floe-gitops.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{- define "floe-gitops.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "floe-gitops.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "floe-gitops.admissionServiceAccountName" -}}
{{- if .Values.admission.serviceAccount.create -}}
{{- default (include "floe-gitops.admissionName" .) .Values.admission.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.admission.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Fixed paths and ports inside the pods; the chart owns them so probes, mounts and the config always agree. */}}
{{- define "floe-gitops.configDir" -}}/etc/floe-gitops{{- end -}}
{{- define "floe-gitops.dataDir" -}}/var/lib/floe-gitops{{- end -}}
{{- define "floe-gitops.secretsDir" -}}/var/run/secrets/floe{{- end -}}
{{- /* Beside, not inside, the config mount: a mount point inside a read-only ConfigMap volume cannot be created. */ -}}
{{- define "floe-gitops.tlsDir" -}}/etc/floe-gitops-tls{{- end -}}

{{/* Kafka settings from values.kafka; empty bootstrapServers leaves the embedded broker. */}}
{{- define "floe-gitops.kafkaManaged" -}}
{{- $k := .Values.kafka -}}
{{- $out := dict -}}
{{- if $k.bootstrapServers -}}
{{- $_ := set $out "bootstrapServers" $k.bootstrapServers -}}
{{- $s := $k.security -}}
{{- $sec := dict "protocol" $s.protocol -}}
{{- if hasPrefix "SASL_" $s.protocol -}}
{{- $_ := set $sec "saslMechanism" $s.saslMechanism -}}
{{- $_ := set $sec "username" (dict "secret_ref" $s.username) -}}
{{- $_ := set $sec "password" (dict "secret_ref" $s.password) -}}
{{- end -}}
{{- range $key := list "trustedCertificates" "clientCertificate" "clientKey" -}}
{{- with (get $s $key) -}}
{{- $_ := set $sec $key (dict "secret_ref" .) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $out "security" $sec -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* floe-gitops.yaml of the webhook service: the `config` passthrough merged with the chart-managed keys (which win). */}}
{{- define "floe-gitops.serveConfig" -}}
{{- $cfg := deepCopy (.Values.config | default dict) -}}
{{- $envs := deepCopy (get $cfg "environments" | default dict) -}}
{{- range $env, $_ := .Values.platforms -}}
{{- $e := get $envs $env | default dict -}}
{{- if not (or (hasKey $e "platform") (hasKey $e "platformRepository")) -}}
{{- $_ := set $e "platform" (printf "%s/platforms/%s.yaml" (include "floe-gitops.configDir" $) $env) -}}
{{- end -}}
{{- $_ := set $envs $env $e -}}
{{- end -}}
{{- $_ := set $cfg "environments" $envs -}}
{{- $managed := dict
  "server" (dict "port" 8080)
  "management" (dict "port" 8081)
  "dataDir" (include "floe-gitops.dataDir" .)
  "secretsDir" (include "floe-gitops.secretsDir" .)
  "kafka" (include "floe-gitops.kafkaManaged" . | fromYaml)
  "kubernetes" (dict "secrets" .Values.secrets.kubernetesApi.enabled "namespace" .Release.Namespace) -}}
{{- toYaml (mustMergeOverwrite $cfg $managed) -}}
{{- end -}}

{{/* floe-gitops.yaml of the admission webhook: only what it reads (it sees no repositories and no Kafka). */}}
{{- define "floe-gitops.admissionConfig" -}}
{{- $cfg := dict -}}
{{- range $key := list "profile" "logging" "shutdown" "policy" "admission" -}}
{{- if hasKey $.Values.config $key -}}
{{- $_ := set $cfg $key (deepCopy (get $.Values.config $key)) -}}
{{- end -}}
{{- end -}}
{{- $managed := dict
  "management" (dict "port" 8081)
  "dataDir" (include "floe-gitops.dataDir" .)
  "admission" (dict
    "port" 8443
    "certFile" (printf "%s/tls.crt" (include "floe-gitops.tlsDir" .))
    "keyFile" (printf "%s/tls.key" (include "floe-gitops.tlsDir" .))) -}}
{{- toYaml (mustMergeOverwrite $cfg $managed) -}}
{{- end -}}

{{/* The pod and container security contexts are fixed: the chart promises them (docs/operations.md). */}}
{{- define "floe-gitops.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "floe-gitops.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "floe-gitops.probes" -}}
startupProbe:
  httpGet: {path: /healthz, port: management}
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /healthz, port: management}
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /readyz, port: management}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end -}}
