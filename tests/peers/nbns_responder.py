"""A NetBIOS name service responder for the network stories: answers every node-status
question (NBSTAT, UDP port 137) with the workstation name given, a file-server name and a
workgroup, and the MAC address given, as Windows does. Runs until stopped.

    nbns_responder.py NAME MAC
"""
import socket
import struct
import sys

name = sys.argv[1].upper()[:15].ljust(15).encode()
mac = bytes.fromhex(sys.argv[2].replace(":", ""))
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("0.0.0.0", 137))
while True:
    question, source = s.recvfrom(1024)
    if len(question) < 50:
        continue
    names = [
        (b"WORKGROUP".ljust(15), 0x00, 0x8400),
        (name, 0x20, 0x0400),
        (name, 0x00, 0x0400),
    ]
    data = bytes([len(names)])
    data += b"".join(n + bytes([suffix]) + struct.pack(">H", flags) for n, suffix, flags in names)
    data += mac + b"\0" * 40
    answer = question[:2] + struct.pack(">HHHHH", 0x8400, 0, 1, 0, 0) + question[12:46]
    answer += struct.pack(">HHIH", 0x21, 1, 0, len(data)) + data
    s.sendto(answer, source)
