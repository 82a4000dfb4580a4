#!/usr/bin/env bash
# Adds one EF Core migration, under the same name, for both database providers of one service:
#   deploy/add-migration.sh NAME SERVICE      (SERVICE: recommendations | scheduling | planning | identity | public | notifications)
# Each service has an abstract context and one derived context per provider with its own migrations folder;
# the design-time factories next to the contexts mean no database is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -ne 2 ]; then
  echo "usage: $0 NAME SERVICE   (SERVICE: recommendations | scheduling | planning | identity | public | notifications)" >&2
  exit 2
fi
name="$1"
case "${2,,}" in
  recommendations) service=Recommendations ;;
  scheduling) service=Scheduling ;;
  planning) service=Planning ;;
  identity) service=Identity ;;
  public) service=Public; context=PublicTracker ;;
  notifications) service=Notifications ;;
  *) echo "unknown service '$2': expected recommendations, scheduling, planning, identity, public or notifications" >&2; exit 2 ;;
esac
# The context's name is the service's unless it says otherwise (the public tracker's project is Tracking.Public).
context="${context:-$service}"
if ! [[ "$name" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "migration name '$name' must be PascalCase letters and digits" >&2
  exit 2
fi

project="src/Tracking.${service}"
dotnet tool restore >/dev/null
dotnet build "$project" -c Debug -nologo -v quiet

for provider in Sqlite Postgres; do
  dotnet dotnet-ef migrations add "$name" --no-build \
    --project "$project" --startup-project "$project" \
    --context "${context}${provider}DbContext" \
    --output-dir "Data/Migrations/${provider}" \
    --namespace "Tracking.${service}.Data.Migrations.${provider}"
done

# A context's first migration puts its snapshot under a namespace-shaped folder; later ones update it in place.
for provider in Sqlite Postgres; do
  stray="${project}/Tracking/${service}/Data/Migrations/${provider}"
  if [ -d "$stray" ]; then
    mv "$stray"/*ModelSnapshot.cs "${project}/Data/Migrations/${provider}/"
  fi
done
# Removed only after both snapshots moved: removing it inside the loop lost the second provider's.
rm -rf "${project}/Tracking"

echo "added migration ${name} to ${project}/Data/Migrations/{Sqlite,Postgres}"
