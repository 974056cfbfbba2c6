#!/usr/bin/env bash
# Builds vaar's Dataflow Flex Template: the runnable jar, the launcher image (Cloud Build, from
# deploy/dataflow/Dockerfile) and the template spec file in Cloud Storage that
# run-template.sh (or the Dataflow console) launches.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=deploy/dataflow/common.sh
source "$here/common.sh"

usage() {
  cat <<'USAGE'
Usage: deploy/dataflow/build-template.sh [options]

Builds vaar.jar, builds and pushes the Flex Template launcher image with Cloud Build, and
writes the template spec file to Cloud Storage.

Options (each may instead come from the environment variable shown):
  --project ID        Google Cloud project                      VAAR_GCP_PROJECT
  --region REGION     Dataflow and Artifact Registry region     VAAR_GCP_REGION
  --bucket BUCKET     Cloud Storage bucket (name, no gs://)     VAAR_GCS_BUCKET
  --image IMAGE       launcher image                            VAAR_TEMPLATE_IMAGE
                      default: REGION-docker.pkg.dev/PROJECT/vaar/vaar-template:latest
  --template URL      template spec file                        VAAR_TEMPLATE
                      default: gs://BUCKET/templates/vaar-audit.json
  --no-jar-build      use pipeline/target/vaar.jar as it is
  -h, --help          this help

The Artifact Registry repository must exist once:
  gcloud artifacts repositories create vaar --repository-format=docker --location=REGION
USAGE
}

project="${VAAR_GCP_PROJECT:-}"
region="${VAAR_GCP_REGION:-}"
bucket="${VAAR_GCS_BUCKET:-}"
image="${VAAR_TEMPLATE_IMAGE:-}"
template="${VAAR_TEMPLATE:-}"
build_jar=true

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --no-jar-build) build_jar=false; shift; continue ;;
    --project|--project=*) project="$(option_value "$@")" ;;
    --region|--region=*) region="$(option_value "$@")" ;;
    --bucket|--bucket=*) bucket="$(option_value "$@")" ;;
    --image|--image=*) image="$(option_value "$@")" ;;
    --template|--template=*) template="$(option_value "$@")" ;;
    *) die "unknown argument '$1'; see --help" ;;
  esac
  if [[ "$1" == *=* ]]; then shift; else shift 2; fi
done

require_set "$project" --project VAAR_GCP_PROJECT
require_set "$region" --region VAAR_GCP_REGION
require_set "$bucket" --bucket VAAR_GCS_BUCKET
image="${image:-${region}-docker.pkg.dev/${project}/vaar/vaar-template:latest}"
template="${template:-gs://${bucket}/templates/vaar-audit.json}"
require_gs "$template" --template
require_gcloud

jar="$root/pipeline/target/vaar.jar"
if [[ "$build_jar" == true ]]; then
  echo "building $jar"
  (cd "$root" && mvn -q -pl pipeline -am package -DskipTests)
fi
[[ -f "$jar" ]] || die "$jar does not exist; build it (mvn -pl pipeline -am package -DskipTests) or drop --no-jar-build"

# Cloud Build gets a small context (the Dockerfile and the jar), not the whole repository.
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
mkdir -p "$context/pipeline/target" "$context/deploy/dataflow"
cp "$jar" "$context/pipeline/target/vaar.jar"
cp "$here/Dockerfile" "$context/deploy/dataflow/Dockerfile"
cat > "$context/cloudbuild.yaml" <<YAML
steps:
  - name: gcr.io/cloud-builders/docker
    args: [build, -f, deploy/dataflow/Dockerfile, -t, "${image}", .]
images: ["${image}"]
YAML

echo "building and pushing $image"
gcloud builds submit "$context" --project="$project" --config="$context/cloudbuild.yaml"

echo "writing the template $template"
gcloud dataflow flex-template build "$template" \
  --project="$project" \
  --image="$image" \
  --sdk-language=JAVA \
  --metadata-file="$here/metadata.json"

echo "built: run it with deploy/dataflow/run-template.sh --template $template --config gs://…"
