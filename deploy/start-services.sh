#!/usr/bin/env bash
# Installs (apt) and starts RabbitMQ and PostgreSQL on this machine, bound to loopback, and creates
# the role and databases the services and tests use. Idempotent: safe to run again at any time.
set -euo pipefail

PG_USER="${TRACKING_PG_USER:-tracking}"
PG_PASSWORD="${TRACKING_PG_PASSWORD:-tracking}"
PG_DATABASES="${TRACKING_PG_DATABASES:-tracking tracking_tests}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_install=()
command -v rabbitmqctl >/dev/null 2>&1 || need_install+=(rabbitmq-server)
command -v pg_ctlcluster >/dev/null 2>&1 || need_install+=(postgresql)
# The browser tests drive Debian's Chromium through Playwright (no `playwright install`); Node builds the GOV.UK assets.
[ -x /usr/bin/chromium ] || need_install+=(chromium)
command -v npm >/dev/null 2>&1 || need_install+=(npm)
if [ ${#need_install[@]} -gt 0 ]; then
  echo "installing: ${need_install[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_install[@]}" >/dev/null
fi

# RabbitMQ: loopback only, management plugin on.
as_root mkdir -p /etc/rabbitmq
as_root tee /etc/rabbitmq/rabbitmq.conf >/dev/null <<'CONF'
listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
CONF
as_root tee /etc/rabbitmq/rabbitmq-env.conf >/dev/null <<'CONF'
NODE_IP_ADDRESS=127.0.0.1
export ERL_EPMD_ADDRESS=127.0.0.1
CONF
as_root rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
if ! as_root rabbitmqctl -q ping >/dev/null 2>&1; then
  as_root service rabbitmq-server start >/dev/null || true
fi
for _ in $(seq 1 90); do
  as_root rabbitmqctl -q await_startup >/dev/null 2>&1 && break
  sleep 1
done
as_root rabbitmqctl -q await_startup
echo "rabbitmq: up on 127.0.0.1:5672"

# PostgreSQL: create a cluster if there is none, start it, create the role and databases.
if ! pg_lsclusters -h | grep -q .; then
  as_root pg_createcluster 15 main >/dev/null
fi
read -r pg_version pg_cluster _ < <(pg_lsclusters -h | head -n 1)
as_root pg_ctlcluster "$pg_version" "$pg_cluster" start 2>/dev/null || true
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
pg_isready -h 127.0.0.1

psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtA $*"; }
if [ "$(psql_admin "-c \"select 1 from pg_roles where rolname='${PG_USER}'\"")" != "1" ]; then
  psql_admin "-c \"create role ${PG_USER} login createdb password '${PG_PASSWORD}'\""
else
  psql_admin "-c \"alter role ${PG_USER} login createdb password '${PG_PASSWORD}'\""
fi
for db in $PG_DATABASES; do
  if [ "$(psql_admin "-c \"select 1 from pg_database where datname='${db}'\"")" != "1" ]; then
    psql_admin "-c \"create database ${db} owner ${PG_USER}\""
  fi
done
echo "postgresql: up on 127.0.0.1:5432 (role ${PG_USER}; databases: ${PG_DATABASES})"
