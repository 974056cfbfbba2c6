# shellcheck shell=bash
# Shared by build-template.sh and run-template.sh (sourced, not run): one-line errors and the
# checks both scripts make on their settings.

# Prints "<script>: <message>" on stderr and exits 2 (bad usage), as vaar's own errors do.
die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# require_set VALUE FLAG VARIABLE: a setting given neither as a flag nor in the environment.
require_set() {
  [[ -n "$1" ]] || die "missing $2: give $2 VALUE or export $3"
}

# require_gs URL WHAT: Dataflow reads and writes Cloud Storage only.
require_gs() {
  [[ "$1" == gs://?* ]] || die "$2 must be a Cloud Storage URL (gs://BUCKET/PATH), not '$1'"
}

# require_gcloud: the Google Cloud CLI, with a hint where to get it.
require_gcloud() {
  command -v gcloud >/dev/null 2>&1 \
    || die "gcloud is not installed or not on PATH; install the Google Cloud CLI" \
      "(https://cloud.google.com/sdk/docs/install) and run gcloud auth login"
}

# option_value ARG NEXT: the value of --name=value or of --name value (then NEXT is the value).
option_value() {
  if [[ "$1" == *=* ]]; then
    echo "${1#*=}"
  elif [[ $# -ge 2 && "$2" != --* ]]; then
    echo "$2"
  else
    die "${1} needs a value; see --help"
  fi
}
