#!/usr/bin/env bash
# A private MariaDB for the GestSup import stories, in its own folder and on the port given,
# run in the foreground by the caller (which stops it): this script only writes its
# configuration and creates its system tables, then prints the command that runs it. Root logs
# in over the folder's socket only; the account gestsup@127.0.0.1 (password gestsup-pass),
# which the stories read through, is made by the caller once the server answers.
#   setup-mariadb.sh DIR PORT      (DIR must be traversable by the mysql user: mode 755)
# Needs mariadb-server and mariadb-client (installer/install-test-deps.sh).
set -euo pipefail
D=$1; PORT=$2
command -v mariadbd >/dev/null || { echo "mariadbd is not installed (installer/install-test-deps.sh)" >&2; exit 1; }
mkdir -p "$D/data" "$D/run" "$D/log"
cat > "$D/my.cnf" <<CNF
[mysqld]
user=mysql
datadir=$D/data
socket=$D/run/mysqld.sock
pid-file=$D/run/mysqld.pid
port=$PORT
bind-address=127.0.0.1
log-error=$D/log/error.log
character-set-server=utf8mb4
collation-server=utf8mb4_general_ci
skip-name-resolve
innodb_buffer_pool_size=64M
innodb_log_file_size=16M
[client]
socket=$D/run/mysqld.sock
CNF
chmod 755 "$D"
chown -R mysql:mysql "$D/data" "$D/run" "$D/log"
su -s /bin/sh mysql -c "test -w '$D/data'" || { echo "the mysql user cannot reach $D: a parent folder is not o+x" >&2; exit 1; }
[ -d "$D/data/mysql" ] || mariadb-install-db --defaults-file="$D/my.cnf" --user=mysql --skip-test-db > "$D/log/install.log" 2>&1
echo "mariadbd --defaults-file=$D/my.cnf"
