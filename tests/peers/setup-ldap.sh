#!/usr/bin/env bash
# A private OpenLDAP for the directory stories, in its own folder and on the ports given, run
# in the foreground by the caller (which stops it): plain LDAP with StartTLS on the first port,
# LDAPS on the second, a self-signed certificate for localhost and 127.0.0.1, the suffix
# dc=example,dc=test with cn=admin as its manager, an Active-Directory look-alike schema
# (sAMAccountName, userPrincipalName, userAccountControl: ldap-adcompat.ldif), the memberOf
# overlay (load entries online with ldapadd so that it fills memberOf), and a size limit below
# what the stories load, so that only paged searches see every entry.
#   setup-ldap.sh DIR LDAP_PORT LDAPS_PORT ADMIN_PASSWORD SIZE_LIMIT   (prints the command to run)
# Needs slapd and ldap-utils (installer/install-test-deps.sh).
set -euo pipefail
D=$1; PLAIN=$2; TLS=$3; ADMINPW=$4; LIMIT=$5
HERE=$(cd "$(dirname "$0")" && pwd)
SUFFIX="dc=example,dc=test"
rm -rf "$D/slapd.d" "$D/data"
mkdir -p "$D/slapd.d" "$D/data"
[ -f "$D/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout "$D/key.pem" -out "$D/cert.pem" \
  -days 3650 -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
cat > "$D/config.ldif" <<CONF
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $D/slapd.pid
olcArgsFile: $D/slapd.args
olcTLSCertificateFile: $D/cert.pem
olcTLSCertificateKeyFile: $D/key.pem

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb
olcModuleLoad: memberof
olcModuleLoad: refint

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif
include: file:///etc/ldap/schema/cosine.ldif
include: file:///etc/ldap/schema/inetorgperson.ldif
include: file:///etc/ldap/schema/nis.ldif
include: file://$HERE/ldap-adcompat.ldif

dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend
olcSizeLimit: $LIMIT

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by dn.exact=gidNumber=0+uidNumber=0,cn=peercred,cn=external,cn=auth manage by * break

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcDbDirectory: $D/data
olcDbMaxSize: 268435456
olcSuffix: $SUFFIX
olcRootDN: cn=admin,$SUFFIX
olcRootPW: $(slappasswd -s "$ADMINPW")
olcSizeLimit: $LIMIT
olcDbIndex: objectClass eq
olcDbIndex: uid,mail,sAMAccountName eq
olcDbIndex: member,memberOf eq
olcAccess: {0}to attrs=userPassword by self write by anonymous auth by * none
olcAccess: {1}to * by users read by * none

dn: olcOverlay={0}memberof,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcMemberOf
olcOverlay: {0}memberof
olcMemberOfRefInt: TRUE
olcMemberOfGroupOC: groupOfNames
olcMemberOfMemberAD: member
olcMemberOfMemberOfAD: memberOf
CONF
slapadd -n 0 -F "$D/slapd.d" -l "$D/config.ldif" >/dev/null
echo "slapd -F $D/slapd.d -h ldap://127.0.0.1:$PLAIN/ ldaps://127.0.0.1:$TLS/ -d 0"
