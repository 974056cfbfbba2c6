#!/usr/bin/env bash
# Launches one vaar audit on Google Cloud Dataflow from the Flex Template that
# build-template.sh built. It returns once Dataflow has accepted the job; the results appear
# below the output (analysis/vaar.json, report.html) when the job ends.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/dataflow/common.sh
source "$here/common.sh"

usage() {
  cat <<'USAGE'
Usage: deploy/dataflow/run-template.sh --config gs://BUCKET/PATH.yaml [options]

Runs a vaar audit on Dataflow from the Flex Template.

Options (each may instead come from the environment variable shown):
  --config URL           run config in Cloud Storage (required)     VAAR_CONFIG
  --run-id ID            run id, replacing the config's run.id        VAAR_RUN_ID
                         (a scheduled launch's dated id: weekly-2026-48)
  --output URL           output, replacing the config's run.output   VAAR_OUTPUT
  --project ID           Google Cloud project                         VAAR_GCP_PROJECT
  --region REGION        Dataflow region, e.g. europe-west1           VAAR_GCP_REGION
  --bucket BUCKET        bucket for temp and staging files            VAAR_GCS_BUCKET
  --template URL         template spec file                           VAAR_TEMPLATE
                         default: gs://BUCKET/templates/vaar-audit.json
  --max-workers N        upper bound of autoscaling (default 4)       VAAR_MAX_WORKERS
  --machine-type TYPE    worker machine type (default n2-standard-4)  VAAR_WORKER_MACHINE_TYPE
  --service-account SA   worker service account e-mail (optional)     VAAR_SERVICE_ACCOUNT
  --archive-shards N     archive files per record type (optional)     VAAR_ARCHIVE_SHARDS
  --job-name NAME        Dataflow job name (default vaar-audit-UTCTIME) VAAR_JOB_NAME
  --dry-run              print the gcloud command instead of running it
  -h, --help             this help
USAGE
}

config="${VAAR_CONFIG:-}"
output="${VAAR_OUTPUT:-}"
run_id="${VAAR_RUN_ID:-}"
project="${VAAR_GCP_PROJECT:-}"
region="${VAAR_GCP_REGION:-}"
bucket="${VAAR_GCS_BUCKET:-}"
template="${VAAR_TEMPLATE:-}"
max_workers="${VAAR_MAX_WORKERS:-4}"
machine_type="${VAAR_WORKER_MACHINE_TYPE:-n2-standard-4}"
service_account="${VAAR_SERVICE_ACCOUNT:-}"
archive_shards="${VAAR_ARCHIVE_SHARDS:-}"
job_name="${VAAR_JOB_NAME:-vaar-audit-$(date -u +%Y%m%d-%H%M%S)}"
dry_run=false

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --dry-run) dry_run=true; shift; continue ;;
    --config|--config=*) config="$(option_value "$@")" ;;
    --output|--output=*) output="$(option_value "$@")" ;;
    --run-id|--run-id=*) run_id="$(option_value "$@")" ;;
    --project|--project=*) project="$(option_value "$@")" ;;
    --region|--region=*) region="$(option_value "$@")" ;;
    --bucket|--bucket=*) bucket="$(option_value "$@")" ;;
    --template|--template=*) template="$(option_value "$@")" ;;
    --max-workers|--max-workers=*) max_workers="$(option_value "$@")" ;;
    --machine-type|--machine-type=*) machine_type="$(option_value "$@")" ;;
    --service-account|--service-account=*) service_account="$(option_value "$@")" ;;
    --archive-shards|--archive-shards=*) archive_shards="$(option_value "$@")" ;;
    --job-name|--job-name=*) job_name="$(option_value "$@")" ;;
    *) die "unknown argument '$1'; see --help" ;;
  esac
  if [[ "$1" == *=* ]]; then shift; else shift 2; fi
done

require_set "$config" --config VAAR_CONFIG
require_set "$project" --project VAAR_GCP_PROJECT
require_set "$region" --region VAAR_GCP_REGION
require_set "$bucket" --bucket VAAR_GCS_BUCKET
require_gs "$config" --config
[[ -z "$output" ]] || require_gs "$output" --output
template="${template:-gs://${bucket}/templates/vaar-audit.json}"
require_gs "$template" --template
[[ "$max_workers" =~ ^[1-9][0-9]*$ ]] || die "--max-workers must be a positive whole number, not '$max_workers'"
[[ -z "$run_id" || "$run_id" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] \
  || die "--run-id may hold letters, digits, '.', '_' and '-', starting with a letter or digit, not '$run_id'"
[[ -z "$archive_shards" || "$archive_shards" =~ ^[1-9][0-9]*$ ]] \
  || die "--archive-shards must be a positive whole number, not '$archive_shards'"
[[ "$job_name" =~ ^[a-z]([-a-z0-9]*[a-z0-9])?$ ]] \
  || die "--job-name may hold lower-case letters, digits and '-' only, not '$job_name'"
for value in "$config" "$output"; do
  # gcloud separates --parameters with commas.
  [[ "$value" != *,* ]] || die "'$value' contains a comma, which --parameters cannot carry; rename it"
done

parameters="config=${config}"
[[ -z "$run_id" ]] || parameters+=",runId=${run_id}"
[[ -z "$output" ]] || parameters+=",output=${output}"
[[ -z "$archive_shards" ]] || parameters+=",archiveShards=${archive_shards}"

command=(gcloud dataflow flex-template run "$job_name"
  --project="$project"
  --region="$region"
  --template-file-gcs-location="$template"
  --temp-location="gs://${bucket}/temp"
  --staging-location="gs://${bucket}/staging"
  --max-workers="$max_workers"
  --worker-machine-type="$machine_type"
  --parameters="$parameters")
[[ -z "$service_account" ]] || command+=(--service-account-email="$service_account")

if [[ "$dry_run" == true ]]; then
  echo "${command[*]}"
  exit 0
fi
require_gcloud
"${command[@]}"
