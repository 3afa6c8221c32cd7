#!/usr/bin/env bash
# A private test LAN made only of network namespaces, for the network tools' stories (nothing
# touches this machine's own interfaces; traffic never leaves the namespaces). Idempotent.
#   gd-lan  : the switch (bridge br0)
#   gd-scan : 10.79.0.1  where the Gestdesk under test runs
#   gd-icmp : 10.79.0.2  an ordinary host: answers pings and TCP
#   gd-tcp  : 10.79.0.3  ignores pings, answers TCP (refuses connections, as a closed port does)
#   gd-mute : 10.79.0.4  answers nothing at all (not even ARP)
#   gd-wol  : 10.79.0.5  where the stories listen for magic packets
#   gd-nbns : 10.79.0.6  a Windows-like host: answers pings and NetBIOS node-status questions
#                        with the name FILESERVER-01
# Programs started by `ip netns exec gd-scan` read /etc/netns/gd-scan/hosts as their hosts
# file: it gives 10.79.0.3 the reverse name nas.test.lan, and resolv.conf points at nothing.
# Every host's MAC is 02:79:00:00:00:0N. Needs root and iproute2.
set -euo pipefail
ns() { ip netns list | grep -qw "$1" || ip netns add "$1"; ip -n "$1" link set lo up; }
ns gd-lan
ip -n gd-lan link show br0 >/dev/null 2>&1 || ip -n gd-lan link add br0 type bridge
ip -n gd-lan link set br0 up
attach() {   # namespace, last byte of its address
  ns "$1"
  if ! ip -n "$1" link show eth0 >/dev/null 2>&1; then
    ip link add "v-$1" type veth peer name eth0 netns "$1"
    ip link set "v-$1" netns gd-lan
    ip -n gd-lan link set "v-$1" master br0 up
    ip -n "$1" link set eth0 address "02:79:00:00:00:0$2"
    ip -n "$1" addr add "10.79.0.$2/24" dev eth0
  fi
  ip -n "$1" link set eth0 up
  # Broadcasts to 255.255.255.255 leave through the namespace's only link.
  ip -n "$1" route replace default dev eth0
}
attach gd-scan 1
attach gd-icmp 2
attach gd-tcp 3
attach gd-mute 4
attach gd-wol 5
attach gd-nbns 6
ip netns exec gd-tcp sysctl -q -w net.ipv4.icmp_echo_ignore_all=1
ip -n gd-mute link set eth0 arp off
mkdir -p /etc/netns/gd-scan
printf '127.0.0.1 localhost\n10.79.0.3 nas.test.lan\n' > /etc/netns/gd-scan/hosts
printf 'nameserver 127.0.0.1\n' > /etc/netns/gd-scan/resolv.conf
if [ -z "$(ip netns pids gd-nbns)" ]; then
  here=$(cd "$(dirname "$0")" && pwd)
  ip netns exec gd-nbns setsid python3 "$here/nbns_responder.py" FILESERVER-01 02:79:00:00:00:06 \
    >/dev/null 2>&1 < /dev/null &
fi
ip netns exec gd-scan ping -q -c1 -W2 10.79.0.2 >/dev/null 2>&1 || true
echo "test LAN up: 10.79.0.0/24"
