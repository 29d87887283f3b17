{{/* Name of every object of the release. */}}
{{- define "aro.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels that select the operator's pods. */}}
{{- define "aro.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of every object of the release. */}}
{{- define "aro.labels" -}}
{{ include "aro.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/*
The namespaces the operator watches, comma-separated; empty for all. A list always includes the release namespace:
its AgentRuntimeConfiguration sets the defaults of every watched namespace.
*/}}
{{- define "aro.watchedNamespaces" -}}
{{- if .Values.watchNamespaces -}}
{{- append .Values.watchNamespaces .Release.Namespace | uniq | join "," -}}
{{- end -}}
{{- end -}}

{{/* The generated RBAC rules, by controller (files/rbac-rules.yaml, written by the build from the reconcilers). */}}
{{- define "aro.rbacRules" -}}
{{- .Files.Get "files/rbac-rules.yaml" -}}
{{- end -}}

{{/*
What an admission policy of the chart matches: creates of the given kinds, and updates that change the spec, so that
objects admitted before a policy was enabled can still be labelled, scaled by status writers or deleted.
*/}}
{{- define "aro.policyMatch" -}}
failurePolicy: Fail
matchConstraints:
  resourceRules:
    - apiGroups: [runtime.agentic-layer.ai]
      apiVersions: ["*"]
      operations: [CREATE, UPDATE]
      resources: {{ toJson .resources }}
matchConditions:
  - name: spec-changed
    expression: "request.operation == 'CREATE' || has(object.spec) != has(oldObject.spec) || (has(object.spec) && object.spec != oldObject.spec)"
{{- end -}}

{{/* policies.allowedRegistries as a CEL list of strings (the values schema allows no quotes in them). */}}
{{- define "aro.allowedRegistries" -}}
[{{ range $i, $registry := .Values.policies.allowedRegistries }}{{ if $i }}, {{ end }}'{{ $registry }}'{{ end }}]
{{- end -}}

{{/* The binding of an admission policy of the chart: cluster-wide, with the chart's actions and namespace selector. */}}
{{- define "aro.policyBinding" -}}
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: {{ .name }}
  labels:
    {{- include "aro.labels" .root | nindent 4 }}
spec:
  policyName: {{ .name }}
  validationActions: {{ toJson .root.Values.policies.validationActions }}
  matchResources:
    namespaceSelector: {{ toJson .root.Values.policies.namespaceSelector }}
{{- end -}}
