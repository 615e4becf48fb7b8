#!/usr/bin/env bash
# A private OpenLDAP directory for the operators' directory-login tests: Debian's slapd on its own port, with its own
# configuration and data under one directory, and a test tree:
#   uid=ops1      in cn=hpc-ops       (an operator: EDIT_SYSTEM_STATUS)      password ops1-password
#   uid=viewer1   in cn=hpc-userinfo  (VIEW_SYSTEM_STATUS_USER_INFO)          password viewer1-password
#   uid=nobody1   in no mapped group, only in cn=EDIT_SYSTEM_STATUS (a group   password nobody1-password
#                 named like a permission, which must grant nothing)
#   uid=gone1     in cn=hpc-ops, locked by the password policy (disabled)     password gone1-password
#   bash src/test/ldap/directory.sh start [DIR]   (DIR: target/ldap) starts it afresh and prints its URL
#   bash src/test/ldap/directory.sh stop [DIR]    stops exactly the slapd it started
# Needs Debian's slapd and ldap-utils. Port: LDAP_TEST_PORT (13389).
set -euo pipefail
command=${1:?usage: directory.sh start|stop [DIR]}
dir=$(realpath -m "${2:-target/ldap}")
port=${LDAP_TEST_PORT:-13389}
url=ldap://127.0.0.1:$port
base=dc=hpcstatus,dc=test
log() { echo "ldap-directory: $*" >&2; }

start() {
  rm -rf "$dir" && mkdir -p "$dir/data"
  cat > "$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
pidfile $dir/slapd.pid
argsfile $dir/slapd.args
database mdb
maxsize 104857600
suffix "$base"
rootdn "cn=admin,$base"
rootpw admin-password
directory $dir/data
overlay ppolicy
ppolicy_default "cn=default,ou=policies,$base"
CONF
  slapd -f "$dir/slapd.conf" -h "$url/"
  for _ in $(seq 1 50); do ldapsearch -x -H "$url" -b "" -s base >/dev/null 2>&1 && break; sleep 0.1; done
  {
    printf 'dn: %s\nobjectClass: dcObject\nobjectClass: organization\no: HPC status tests\ndc: hpcstatus\n\n' "$base"
    for ou in people groups policies; do printf 'dn: ou=%s,%s\nobjectClass: organizationalUnit\nou: %s\n\n' "$ou" "$base" "$ou"; done
    printf 'dn: cn=default,ou=policies,%s\nobjectClass: pwdPolicy\nobjectClass: device\ncn: default\npwdAttribute: userPassword\npwdLockout: TRUE\n\n' "$base"
    for user in ops1 viewer1 nobody1 gone1; do
      printf 'dn: uid=%s,ou=people,%s\nobjectClass: inetOrgPerson\nuid: %s\ncn: %s\nsn: Test\nuserPassword: %s-password\n' \
        "$user" "$base" "$user" "$user" "$user"
      [ "$user" = gone1 ] && printf 'pwdAccountLockedTime: 000001010000Z\n'
      printf '\n'
    done
    printf 'dn: cn=hpc-ops,ou=groups,%s\nobjectClass: groupOfNames\ncn: hpc-ops\nmember: uid=ops1,ou=people,%s\nmember: uid=gone1,ou=people,%s\n\n' "$base" "$base" "$base"
    printf 'dn: cn=hpc-userinfo,ou=groups,%s\nobjectClass: groupOfNames\ncn: hpc-userinfo\nmember: uid=viewer1,ou=people,%s\n\n' "$base" "$base"
    printf 'dn: cn=EDIT_SYSTEM_STATUS,ou=groups,%s\nobjectClass: groupOfNames\ncn: EDIT_SYSTEM_STATUS\nmember: uid=nobody1,ou=people,%s\n\n' "$base" "$base"
  } | ldapadd -x -H "$url" -D "cn=admin,$base" -w admin-password >/dev/null
  log "up at $url"
  echo "$url"
}

stop() {
  [ -f "$dir/slapd.pid" ] || return 0
  local pid; pid=$(cat "$dir/slapd.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/slapd.pid"
  log "stopped"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: directory.sh start|stop [DIR]" >&2; exit 2 ;;
esac
