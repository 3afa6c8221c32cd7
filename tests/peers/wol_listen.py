"""Listens for one Wake-on-LAN magic packet on UDP port 9 (all addresses) for at most the
seconds given, prints "ready" once bound, then the hex of each datagram received until a magic
packet came (102 bytes: six 0xFF, then one MAC address sixteen times)."""
import socket
import sys

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 9))
s.settimeout(float(sys.argv[1]) if len(sys.argv) > 1 else 10)
print("ready", flush=True)
try:
    while True:
        data, src = s.recvfrom(2048)
        print(f"{src[0]} {data.hex()}", flush=True)
        if len(data) == 102 and data[:6] == b"\xff" * 6 and data[6:] == data[6:12] * 16:
            break
except socket.timeout:
    print("timeout", flush=True)
