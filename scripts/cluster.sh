#!/usr/bin/env bash
# Cluster mode as plain processes on one machine, without Docker: MariaDB, Redis, the payment
# service, N silos, M Api instances and nginx in front (the same gateway configuration as the
# containers). For trying the cluster out and for the cluster tests.
#
#   bash scripts/cluster.sh up [--silos N] [--apis M] [--port P] [--dir DIR]
#   bash scripts/cluster.sh status [--dir DIR]
#   bash scripts/cluster.sh down [--dir DIR]
#
# Without --dir the data lives in a throwaway directory that `down` deletes; with --dir it is kept
# between `down` and `up`. Needs Debian's mariadb-server, redis-server and nginx (installed when
# missing, as root) and the .NET SDK; builds the solution in Release if it was not built yet.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CURRENT=/tmp/medplatform-cluster.current
ADMIN_EMAIL=admin@cluster.test

COMMAND=${1:-}
shift || true
SILOS=2 APIS=2 PORT=8080 DIR=""
while [ $# -gt 0 ]; do
  case $1 in
    --silos) SILOS=$2; shift 2 ;;
    --apis) APIS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --dir) DIR=$(realpath -m "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

say() { printf '==> %s\n' "$*"; }
die() { printf 'cluster.sh: %s\n' "$*" >&2; exit 1; }

# A TCP port nothing listens on.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_for() { # what, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  die "timed out waiting for $what"
}

ready() { curl -fsS -m 2 "$1/health/ready"; }

# Starts a .NET host in the background with its log in $DIR/logs; records its pid.
start_dotnet() { # name, project, assembly, env assignments...
  local name=$1 project=$2 assembly=$3; shift 3
  local out="$ROOT/src/$project/bin/Release/net10.0"
  # exec: the recorded pid is the host's own, so `down` and `status` reach it.
  (cd "$out" && exec env "$@" nohup dotnet "$assembly" >>"$DIR/logs/$name.log" 2>&1) &
  echo $! >"$DIR/pids/$name"
}

prerequisites() {
  local needed=()
  [ -x /usr/sbin/mariadbd ] || command -v mariadbd >/dev/null || needed+=(mariadb-server)
  command -v redis-server >/dev/null || needed+=(redis-server)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || needed+=(nginx-light)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || needed+=(libnginx-mod-http-brotli-filter)
  command -v curl >/dev/null || needed+=(curl)
  if [ ${#needed[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || die "missing ${needed[*]}: install them (or run as root)"
    say "Installing ${needed[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
    service mariadb stop >/dev/null 2>&1 || true
    service redis-server stop >/dev/null 2>&1 || true
    service nginx stop >/dev/null 2>&1 || true
  fi
  command -v dotnet >/dev/null || die "the .NET SDK is needed"
  if [ ! -f "$ROOT/src/Silo/bin/Release/net10.0/MedPlatform.Silo.dll" ] || [ ! -f "$ROOT/src/Api/bin/Release/net10.0/MedPlatform.Api.dll" ] \
    || [ ! -f "$ROOT/src/Payments/bin/Release/net10.0/MedPlatform.Payments.dll" ]; then
    say "Building (Release)"
    dotnet build "$ROOT/MedPlatform.sln" -c Release -nologo -clp:ErrorsOnly >/dev/null
  fi
}

write_nginx_config() {
  mkdir -p "$DIR/nginx"
  ln -sfn "$ROOT/deploy/nginx" "$DIR/nginx/medplatform"
  : >"$DIR/nginx/upstream.conf"
  for i in $(seq "$APIS"); do
    # One slow answer must not take an instance out of rotation.
    echo "server 127.0.0.1:$(cat "$DIR/ports/api-$i") max_fails=3 fail_timeout=5s;" >>"$DIR/nginx/upstream.conf"
  done
  sed -e "s|@RUN_DIR@|$DIR/nginx|g" -e "s|@MIME_TYPES@|/etc/nginx/mime.types|g" -e "s|@PORT@|$PORT|g" \
    -e "s|@WEB_ROOT@|$ROOT/src/Api/wwwroot|g" "$ROOT/deploy/nginx/process.conf.template" >"$DIR/nginx/nginx.conf"
}

up() {
  prerequisites
  local throwaway=0
  if [ -z "$DIR" ]; then
    DIR=$(mktemp -d /tmp/medplatform-cluster-XXXXXX)
    throwaway=1
  fi
  mkdir -p "$DIR"
  chmod 755 "$DIR" # nginx's workers run as an unprivileged user and keep their cache in here
  [ -f "$DIR/pids/nginx" ] && kill -0 "$(cat "$DIR/pids/nginx")" 2>/dev/null && die "a cluster is already running in $DIR"
  mkdir -p "$DIR/logs" "$DIR/pids" "$DIR/ports" "$DIR/payments"
  echo "$DIR" >"$CURRENT"
  echo "$throwaway" >"$DIR/throwaway"
  # Secrets are made once per directory and kept in it.
  [ -f "$DIR/secrets" ] || printf 'SIGNING_KEY=%s\nPAYMENTS_KEY=%s\nADMIN_PASSWORD=%s\n' \
    "$(head -c 48 /dev/urandom | base64 -w0)" "$(head -c 24 /dev/urandom | base64 -w0)" "$(head -c 12 /dev/urandom | base64 -w0 | tr -d '/+=')" >"$DIR/secrets"
  # shellcheck disable=SC1091
  . "$DIR/secrets"

  say "MariaDB"
  local mariadb_port; mariadb_port=$(free_port); echo "$mariadb_port" >"$DIR/ports/mariadb"
  if [ ! -d "$DIR/mariadb/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$DIR/mariadb" --auth-root-authentication-method=normal --skip-test-db --user=root >"$DIR/logs/mariadb-install.log" 2>&1
  fi
  nohup "$(command -v mariadbd || echo /usr/sbin/mariadbd)" --no-defaults --datadir="$DIR/mariadb" --port="$mariadb_port" --bind-address=127.0.0.1 \
    --socket="$DIR/mariadb.sock" --pid-file="$DIR/mariadb.pid" --user=root --skip-log-bin --innodb-buffer-pool-size=128M --max-connections=500 \
    >"$DIR/logs/mariadb.log" 2>&1 &
  echo $! >"$DIR/pids/mariadb"
  wait_for "MariaDB" 60 grep -q "ready for connections" "$DIR/logs/mariadb.log"

  say "Redis"
  local redis_port; redis_port=$(free_port); echo "$redis_port" >"$DIR/ports/redis"
  mkdir -p "$DIR/redis"
  nohup redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$DIR/redis" --appendonly yes >"$DIR/logs/redis.log" 2>&1 &
  echo $! >"$DIR/pids/redis"
  wait_for "Redis" 30 redis-cli -p "$redis_port" ping

  say "Mail server (smtp4dev)"
  # A real SMTP server that keeps what it receives (in memory) and shows it in a web page: mail
  # from every silo lands here. The tool is pinned in dotnet-tools.json.
  local smtp_port; smtp_port=$(free_port); echo "$smtp_port" >"$DIR/ports/smtp"
  local mail_web; mail_web=$(free_port); echo "$mail_web" >"$DIR/ports/mail-web"
  # Nothing it starts may keep this script's output open: a caller reading it to the end would wait for ever.
  (cd "$ROOT" && dotnet tool restore </dev/null >/dev/null 2>&1) || die "dotnet tool restore failed (smtp4dev comes from NuGet)"
  # exec, as start_dotnet does: the recorded pid is the tool's, and no subshell keeps this script's output open.
  (cd "$ROOT" && exec nohup dotnet tool run smtp4dev -- --smtpport="$smtp_port" --urls="http://127.0.0.1:$mail_web" --db= --imapport=0 --pop3port=0 \
    --bindaddress=127.0.0.1 --nousersettings --tlsmode=None --messagestokeep=100000 </dev/null >"$DIR/logs/smtp4dev.log" 2>&1) &
  echo $! >"$DIR/pids/smtp4dev"
  wait_for "smtp4dev" 90 curl -fsS -o /dev/null "http://127.0.0.1:$mail_web/api/messages"

  local mariadb="Server=127.0.0.1;Port=$mariadb_port;User ID=root;Password=;Database=medplatform"
  local redis="127.0.0.1:$redis_port"
  local cluster_id; cluster_id=medplatform-$(basename "$DIR")

  say "Payment service"
  local payments_port; payments_port=$(free_port); echo "$payments_port" >"$DIR/ports/payments"
  start_dotnet payments Payments MedPlatform.Payments.dll Urls="http://127.0.0.1:$payments_port" \
    PaymentService__DataDirectory="$DIR/payments" PaymentService__ApiKey="$PAYMENTS_KEY"
  wait_for "the payment service" 60 ready "http://127.0.0.1:$payments_port"

  for i in $(seq "$SILOS"); do
    say "Silo $i"
    local http; http=$(free_port); echo "$http" >"$DIR/ports/silo-$i"
    start_dotnet "silo-$i" Silo MedPlatform.Silo.dll Urls="http://127.0.0.1:$http" \
      ConnectionStrings__Redis="$redis" ConnectionStrings__MariaDb="$mariadb" Orleans__ClusterId="$cluster_id" \
      Orleans__AdvertisedIPAddress=127.0.0.1 Orleans__SiloPort="$(free_port)" Orleans__GatewayPort="$(free_port)" \
      Admin__Email="$ADMIN_EMAIL" Admin__Password="$ADMIN_PASSWORD" Demo__Seed=true \
      Payments__ServiceUrl="http://127.0.0.1:$payments_port" Payments__ApiKey="$PAYMENTS_KEY" \
      Smtp__Host=127.0.0.1 Smtp__Port="$smtp_port" App__PublicUrl="http://127.0.0.1:$PORT"
    wait_for "silo $i" 120 ready "http://127.0.0.1:$http"
  done

  for i in $(seq "$APIS"); do
    say "Api $i"
    local http; http=$(free_port); echo "$http" >"$DIR/ports/api-$i"
    start_dotnet "api-$i" Api MedPlatform.Api.dll Urls="http://127.0.0.1:$http" \
      ConnectionStrings__Redis="$redis" Orleans__ClusterId="$cluster_id" Jwt__SigningKey="$SIGNING_KEY"
    wait_for "Api $i" 120 ready "http://127.0.0.1:$http"
  done

  say "nginx on port $PORT"
  write_nginx_config
  nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" </dev/null >/dev/null 2>"$DIR/logs/nginx.log" || { cat "$DIR/logs/nginx.log" >&2; die "nginx did not start"; }
  wait_for "nginx" 10 test -s "$DIR/nginx/nginx.pid"
  cp "$DIR/nginx/nginx.pid" "$DIR/pids/nginx"
  wait_for "the gateway" 30 ready "http://127.0.0.1:$PORT"

  echo
  echo "MedPlatform cluster is up: http://127.0.0.1:$PORT  ($SILOS silos, $APIS Api instances)"
  echo "  admin: $ADMIN_EMAIL / $ADMIN_PASSWORD   demo accounts: see README (password demo-pass-2026)"
  echo "  mail sent by the platform: http://127.0.0.1:$mail_web (smtp4dev)"
  echo "  data and logs: $DIR"
  echo "  stop: bash scripts/cluster.sh down$([ "$throwaway" = 1 ] || echo " --dir $DIR")"
}

locate() {
  if [ -z "$DIR" ]; then
    [ -f "$CURRENT" ] || die "no cluster was started (or give --dir)"
    DIR=$(cat "$CURRENT")
  fi
  [ -d "$DIR/pids" ] || die "$DIR holds no cluster"
}

status() {
  locate
  local down=0
  for pidfile in "$DIR"/pids/*; do
    local name; name=$(basename "$pidfile")
    local pid; pid=$(cat "$pidfile")
    local health=""
    if [ -f "$DIR/ports/$name" ] && [ "$name" != mariadb ] && [ "$name" != redis ]; then
      health=$(ready "http://127.0.0.1:$(cat "$DIR/ports/$name")" 2>/dev/null | grep -o '"status":"[a-z]*"' | head -1 || true)
    fi
    if kill -0 "$pid" 2>/dev/null; then
      printf '%-10s running  pid %-7s %s\n' "$name" "$pid" "$health"
    else
      printf '%-10s stopped\n' "$name"
      down=1
    fi
  done
  return $down
}

stop_pid() { # pidfile
  local pid; pid=$(cat "$1")
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
}

down() {
  locate
  [ -f "$DIR/nginx/nginx.pid" ] && nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" -s quit 2>/dev/null || true
  for name in $(ls "$DIR/pids" | grep -E '^api-'); do stop_pid "$DIR/pids/$name"; done
  for name in $(ls "$DIR/pids" | grep -E '^silo-'); do stop_pid "$DIR/pids/$name"; done
  for name in payments smtp4dev redis mariadb nginx; do [ -f "$DIR/pids/$name" ] && stop_pid "$DIR/pids/$name"; done
  rm -rf "$DIR/pids"
  if [ "$(cat "$DIR/throwaway" 2>/dev/null)" = 1 ]; then
    rm -rf "$DIR"
    echo "Stopped; the throwaway data is deleted."
  else
    echo "Stopped; the data is kept in $DIR."
  fi
  [ "$(cat "$CURRENT" 2>/dev/null)" = "$DIR" ] && rm -f "$CURRENT"
  return 0
}

case $COMMAND in
  up) up ;;
  status) status ;;
  down) down ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
