#!/usr/bin/env bash
# Removes the test LAN of net-up.sh: whatever still runs in its namespaces is stopped, then the
# namespaces go (their links and bridge with them). Safe to run twice.
set -uo pipefail
for n in gd-scan gd-icmp gd-tcp gd-mute gd-wol gd-nbns gd-lan; do
  if ip netns list 2>/dev/null | grep -qw "$n"; then
    pids=$(ip netns pids "$n" 2>/dev/null || true)
    [ -n "$pids" ] && kill $pids 2>/dev/null
    ip netns del "$n" 2>/dev/null
  fi
done
rm -rf /etc/netns/gd-scan
exit 0
