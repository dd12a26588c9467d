# shellcheck shell=bash
# Real storage servers for the storage contract suite. Meant to be SOURCED (by .ci/run):
#
#   source .ci/test-servers.sh          # starts Swift (S3) + vsftpd/sshd, exports TEST_* variables
#   trap offsite_test_servers_stop EXIT # or call offsite_test_servers_stop when done
#
# Uses ../shared/test-servers (beside the clone) when it exists; otherwise it exports nothing and
# the tests fall back to in-process servers (s3rver, ftp-srv, ssh2) and print what they skip.
# Knobs: OFFSITE_TEST_SERVERS_DIR (default: a new temp dir), OFFSITE_SWIFT_PORT (18080),
# FTP_PORT (2121), SFTP_PORT (2222), PASV_MIN/PASV_MAX (30000-30009) as in the ftp-sftp script.
# Exports:
#   TEST_S3_ENDPOINT TEST_S3_REGION TEST_S3_ACCESS_KEY TEST_S3_SECRET_KEY
#   TEST_S3_ACCESS_KEY2 TEST_S3_SECRET_KEY2 TEST_S3_ACCESS_KEY3 TEST_S3_SECRET_KEY3 TEST_S3_PID
#   TEST_FTP_URL TEST_FTPS_CA_FILE TEST_FTP_ROOT TEST_FTP_PID
#   TEST_SFTP_URL TEST_SFTP_KEY_USER TEST_SFTP_KEY_FILE TEST_SFTP_HOST_KEY_FILE TEST_SFTP_ROOT TEST_SFTP_PID
#   OFFSITE_TEST_SERVERS_DIR OFFSITE_TEST_SERVERS_SCRIPTS (used by offsite_test_servers_stop)

offsite_test_servers_start() {
  local here shared base swift_port
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  shared="${OFFSITE_SHARED_DIR:-$here/../shared}/test-servers"
  if [ ! -d "$shared" ]; then
    echo "[test-servers] $shared not found: storage tests will use in-process fallbacks" >&2
    return 0
  fi
  base="${OFFSITE_TEST_SERVERS_DIR:-$(mktemp -d /tmp/offsite-test-servers.XXXXXX)}"
  # mktemp makes it 0700: the FTP/SFTP users' homes are under it and they must be able to reach them
  chmod 755 "$base"
  export OFFSITE_TEST_SERVERS_DIR="$base"
  export OFFSITE_TEST_SERVERS_SCRIPTS="$shared"
  swift_port="${OFFSITE_SWIFT_PORT:-18080}"

  # ---- S3: Swift with s3api (writes $base/swift/env)
  if bash "$shared/swift-s3/start.sh" "$base/swift" "$swift_port" >"$base/swift-start.log" 2>&1; then
    local S3_ENDPOINT S3_REGION S3_ACCESS_KEY_ID S3_SECRET_ACCESS_KEY S3_ACCESS_KEY_ID_SAME_ACCOUNT \
      S3_SECRET_ACCESS_KEY_SAME_ACCOUNT S3_ACCESS_KEY_ID_NONADMIN S3_SECRET_ACCESS_KEY_NONADMIN
    # shellcheck disable=SC1091
    source "$base/swift/env"
    export TEST_S3_ENDPOINT="$S3_ENDPOINT"
    export TEST_S3_REGION="$S3_REGION"
    export TEST_S3_ACCESS_KEY="$S3_ACCESS_KEY_ID"
    export TEST_S3_SECRET_KEY="$S3_SECRET_ACCESS_KEY"
    export TEST_S3_ACCESS_KEY2="$S3_ACCESS_KEY_ID_SAME_ACCOUNT"
    export TEST_S3_SECRET_KEY2="$S3_SECRET_ACCESS_KEY_SAME_ACCOUNT"
    export TEST_S3_ACCESS_KEY3="$S3_ACCESS_KEY_ID_NONADMIN"
    export TEST_S3_SECRET_KEY3="$S3_SECRET_ACCESS_KEY_NONADMIN"
    export TEST_S3_PID="$(cat "$base/swift/run/proxy.pid")"
    echo "[test-servers] Swift s3api at $TEST_S3_ENDPOINT" >&2
  else
    echo "[test-servers] Swift failed to start (see $base/swift-start.log); S3 tests use s3rver" >&2
    tail -5 "$base/swift-start.log" >&2
  fi

  # ---- FTP/FTPS (vsftpd) + SFTP (sshd); the script writes no env file, its layout is fixed.
  # start.sh keeps the home of users made by an earlier run (maybe in a deleted temp dir) but writes
  # the new client key into $base: point existing users at this run's homes first.
  local u
  for u in "${PW_USER:-offsite}" "${KEY_USER:-offsitekey}"; do
    if id "$u" >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then usermod -d "$base/ftp-sftp/home/$u" "$u" || echo "[test-servers] usermod $u failed" >&2; fi
  done
  if bash "$shared/ftp-sftp/start.sh" "$base/ftp-sftp" >"$base/ftp-sftp-start.log" 2>&1; then
    local lab="$base/ftp-sftp"
    export TEST_FTP_URL="ftp://${PW_USER:-offsite}:${PW_PASS:-backup-pass}@127.0.0.1:${FTP_PORT:-2121}"
    export TEST_FTPS_CA_FILE="$lab/tls/server.crt"
    # the users' real homes (useradd keeps the home of a first run on a reused machine)
    export TEST_FTP_ROOT="$(getent passwd "${PW_USER:-offsite}" | cut -d: -f6)"
    export TEST_FTP_PID="$(awk '$1=="vsftpd"{print $2}' "$lab/run/pids")"
    export TEST_SFTP_URL="sftp://${PW_USER:-offsite}:${PW_PASS:-backup-pass}@127.0.0.1:${SFTP_PORT:-2222}"
    export TEST_SFTP_KEY_USER="${KEY_USER:-offsitekey}"
    export TEST_SFTP_KEY_FILE="$lab/ssh/client_ed25519"
    export TEST_SFTP_HOST_KEY_FILE="$lab/ssh/ssh_host_ed25519_key.pub"
    export TEST_SFTP_ROOT="$TEST_FTP_ROOT"
    export TEST_SFTP_PID="$(awk '$1=="sshd"{print $2}' "$lab/run/pids")"
    echo "[test-servers] vsftpd at 127.0.0.1:${FTP_PORT:-2121}, sshd at 127.0.0.1:${SFTP_PORT:-2222}" >&2
  else
    echo "[test-servers] vsftpd/sshd failed to start (see $base/ftp-sftp-start.log); FTP/SFTP tests use fallbacks" >&2
    tail -5 "$base/ftp-sftp-start.log" >&2
  fi
}

# Stops what offsite_test_servers_start started (by the PIDs the start scripts recorded).
offsite_test_servers_stop() {
  local base="${OFFSITE_TEST_SERVERS_DIR:-}" shared="${OFFSITE_TEST_SERVERS_SCRIPTS:-}"
  [ -n "$base" ] && [ -n "$shared" ] || return 0
  [ -d "$base/swift" ] && bash "$shared/swift-s3/stop.sh" "$base/swift" >/dev/null 2>&1 || true
  [ -d "$base/ftp-sftp" ] && bash "$shared/ftp-sftp/stop.sh" "$base/ftp-sftp" >/dev/null 2>&1 || true
  unset TEST_S3_ENDPOINT TEST_S3_REGION TEST_S3_ACCESS_KEY TEST_S3_SECRET_KEY TEST_S3_ACCESS_KEY2 \
    TEST_S3_SECRET_KEY2 TEST_S3_ACCESS_KEY3 TEST_S3_SECRET_KEY3 TEST_S3_PID TEST_FTP_URL TEST_FTPS_CA_FILE \
    TEST_FTP_ROOT TEST_FTP_PID TEST_SFTP_URL TEST_SFTP_KEY_USER TEST_SFTP_KEY_FILE TEST_SFTP_HOST_KEY_FILE \
    TEST_SFTP_ROOT TEST_SFTP_PID
}

offsite_test_servers_start
