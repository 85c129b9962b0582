#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Write the hand-made PCSCFRecord test vectors (DER) into a directory.

Usage: python3 tests/vectors/make_vectors.py [OUTDIR]   (default: the
directory of this script)

Every vector is built here by hand, tag by tag, with a tiny DER writer that
knows nothing about the ASN.1 module; the oracles in tests/oracle/ (asn1c
and Erlang asn1) must both decode each record and re-encode it to the
same bytes.  DER rules applied by hand below: SET components in ascending
tag order, SET OF elements sorted by their encodings, DEFAULT values left
out, minimal lengths and minimal INTEGER contents.
"""

import os
import sys

# Our extension OID (include/webrtc_chg/webrtc_ext.h): 2.25.<UUID as integer>,
# a UUID arc (ITU-T X.667) that needs no registration.
WEBRTC_OID = (2, 25, 5598156561435908837116669823258990788)

UNIVERSAL, CONTEXT = 0x00, 0x80
PRIMITIVE, CONSTRUCTED = 0x00, 0x20


def ident(cls, cons, num):
    if num < 31:
        return bytes([cls | cons | num])
    out = [num & 0x7F]
    num >>= 7
    while num:
        out.append(0x80 | (num & 0x7F))
        num >>= 7
    return bytes([cls | cons | 31]) + bytes(reversed(out))


def length(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(identifier, content):
    return identifier + length(len(content)) + content


# --- context-specific tags (IMPLICIT unless a helper says otherwise) ---

def ctx_prim(num, content):
    return tlv(ident(CONTEXT, PRIMITIVE, num), content)


def ctx_cons(num, *parts):
    return tlv(ident(CONTEXT, CONSTRUCTED, num), b"".join(parts))


# --- universal types ---

def seq(*parts):
    return tlv(b"\x30", b"".join(parts))


def set_of(elements):
    """SET OF contents: the element encodings sorted (X.690 11.6)."""
    return b"".join(sorted(elements))


def set_(fields):
    """SET contents from (tag number, encoding) pairs, all context class."""
    return b"".join(enc for _, enc in sorted(fields, key=lambda f: f[0]))


def int_content(v):
    n = (v.bit_length() + 8) // 8  # room for the sign bit
    return v.to_bytes(n, "big", signed=True)


def graphic(s):
    return tlv(b"\x19", s.encode("ascii"))


def oid(arcs):
    first = 40 * arcs[0] + arcs[1]
    out = b""
    for arc in (first,) + tuple(arcs[2:]):
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(chunk))
    return tlv(b"\x06", out)


def timestamp(yy, mo, dd, hh, mi, ss, sign, oh, om):
    """TimeStamp: BCD YYMMDDhhmmss, ASCII sign, BCD hhmm of the UTC offset."""
    def bcd(v):
        return ((v // 10) << 4) | (v % 10)
    return bytes([bcd(yy), bcd(mo), bcd(dd), bcd(hh), bcd(mi), bcd(ss),
                  ord(sign), bcd(oh), bcd(om)])


# --- PCSCFRecord pieces ---

def record(fields):
    """IMSRecord.pCSCFRecord [64]: an implicitly tagged SET."""
    return ctx_cons(64, set_(fields))


def f_prim(num, content):
    return (num, ctx_prim(num, content))


def f_cons(num, *parts):
    return (num, ctx_cons(num, *parts))


def f_int(num, v):
    return f_prim(num, int_content(v))


def f_str(num, s):
    return f_prim(num, s.encode("utf-8"))


def party(uri):
    """InvolvedParty alternative chosen from the URI scheme."""
    if uri.startswith("sip:") or uri.startswith("sips:"):
        return ctx_prim(0, uri.encode("ascii"))
    if uri.startswith("tel:"):
        return ctx_prim(1, uri.encode("ascii"))
    if uri.startswith("urn:"):
        return ctx_prim(2, uri.encode("ascii"))
    raise ValueError(uri)


def ipv4(a):
    """IPAddress: iPBinV4Address [0]."""
    return ctx_prim(0, bytes(int(x) for x in a.split(".")))


def ipv6(hexstr):
    """IPAddress: iPBinV6Address [1]."""
    return ctx_prim(1, bytes.fromhex(hexstr))


def ipv6_prefix(hexstr, plen):
    """IPAddress: iPBinV6AddressWithPrefix [4]; 64 is the DEFAULT."""
    parts = [tlv(b"\x04", bytes.fromhex(hexstr))]
    if plen != 64:
        parts.append(tlv(b"\x02", int_content(plen)))
    return ctx_cons(4, *parts)


def management_extension(arcs, info, significance=False):
    parts = [oid(arcs)]
    if significance:                     # DEFAULT FALSE is left out
        parts.append(ctx_prim(1, b"\xff"))
    parts.append(ctx_cons(2, info))      # [2] on an open type: explicit
    return seq(*parts)


def webrtc_info(waf=None, wwsf=None):
    parts = []
    if waf is not None:
        parts.append(ctx_prim(0, waf.encode("utf-8")))
    if wwsf is not None:
        parts.append(ctx_prim(1, wwsf.encode("utf-8")))
    return seq(*parts)


# --- the vectors ---

def v_minimal():
    return record([f_int(0, 64)])


def v_webrtc():
    sdp_component = seq(
        ctx_prim(0, b"audio 49170 RTP/AVP 0 8 97"),
        ctx_cons(1, graphic("a=rtpmap:97 opus/48000/2"),
                 graphic("a=sendrecv")),
        ctx_prim(2, int_content(0x1234)),        # gPRS-Charging-Id
    )
    media = seq(
        ctx_prim(0, timestamp(24, 1, 15, 13, 45, 30, "+", 1, 0)),
        ctx_prim(1, timestamp(24, 1, 15, 13, 45, 31, "+", 1, 0)),
        ctx_cons(2, sdp_component),
        ctx_prim(8, int_content(0)),             # sDP-offer
    )
    ext = management_extension(
        WEBRTC_OID, webrtc_info("waf.example.com", "wwsf.example.net"))
    return record([
        f_int(0, 64),
        f_str(2, "INVITE"),
        f_int(3, 0),                             # originating
        f_cons(4, ctx_cons(0, ipv4("192.168.0.1"))),
        f_str(5, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6@example.com"),
        f_cons(6, party("sip:alice@example.com")),
        f_cons(7, party("tel:+1")),
        f_prim(9, timestamp(24, 1, 15, 13, 45, 30, "+", 1, 0)),
        f_str(19, "icid-0001@pcscf.example.com"),
        f_cons(21, media),
        f_cons(25, set_of([ext])),
    ])


def v_full():
    """Most fields once, long lengths, high tags, two extensions."""
    ts = timestamp(23, 12, 31, 23, 59, 59, "-", 5, 30)
    sdp_component = seq(
        ctx_prim(0, b"video 51372 RTP/AVP 99"),
        ctx_cons(1, graphic("a=rtpmap:99 H264/90000")),
        ctx_prim(4, b"anci-7"),                  # accessNetworkChargingIdentifier
        ctx_prim(5, b"\x00"),
        ctx_prim(6, b"\xff"),
        ctx_prim(7, b"\x00"),
    )
    media = seq(
        ctx_prim(0, ts),
        ctx_cons(2, sdp_component),
        ctx_prim(3, b""),                        # mediaInitiatorFlag
        ctx_cons(4, graphic("v=0"), graphic("o=- 1 1 IN IP6 2001:db8::1")),
        ctx_cons(5, party("sip:bob@example.org")),
        ctx_prim(6, int_content(120)),
        ctx_prim(7, int_content(999)),
        ctx_prim(8, int_content(1)),             # sDP-answer
    )
    early = seq(
        ctx_prim(0, ts),
        ctx_prim(1, ts),
        ctx_cons(2, seq(ctx_prim(0, b"audio 0 RTP/AVP 0"))),
        ctx_prim(5, int_content(0)),
    )
    body = seq(
        ctx_prim(0, b"application/sdp"),
        ctx_prim(1, b"session"),
        ctx_prim(2, int_content(300)),
        ctx_cons(3, party("sip:alice@example.com")),
    )
    sub_e164 = tlv(b"\x31", set_([(0, ctx_prim(0, int_content(0))),
                                  (1, ctx_prim(1, b"15551234567"))]))
    sub_uri = tlv(b"\x31", set_([(1, ctx_prim(1, b"sip:alice@example.com")),
                                 (0, ctx_prim(0, int_content(2)))]))
    ours = management_extension(WEBRTC_OID, webrtc_info("waf.example.com",
                                                        "wwsf.example.net"))
    # A foreign extension under 2.25.1: mediation must be able to skip it.
    foreign = management_extension((2, 25, 1), tlv(b"\x04", b"\x01\x02"),
                                    significance=True)
    atinfo = seq(
        ctx_prim(0, int_content(2)),             # pSToPS
        ctx_prim(3, b""),
        ctx_prim(4, b"icid-related"),
        ctx_cons(5, ctx_prim(1, b"atcf.example.com")),
        ctx_prim(6, ts),
        ctx_cons(7, ctx_prim(0, int_content(0)), ctx_prim(1, b"\x35\x10")),
    )
    long_route = ("<sip:" + "p" * 150 + ".example.com;lr>").encode("ascii")
    return record([
        f_int(0, 64),
        f_prim(1, b""),                          # retransmission
        f_str(2, "REGISTER"),
        f_int(3, 1),
        f_cons(4, ctx_prim(1, b"pcscf.example.com")),   # domainName
        f_str(5, "call-1@example.com"),
        f_cons(6, party("sip:alice@example.com"), party("tel:+15551234567")),
        f_cons(7, party("urn:service:sos")),
        f_str(8, "alice@ims.example.com"),
        f_prim(9, ts), f_prim(10, ts), f_prim(11, ts),
        f_prim(12, ts), f_prim(13, ts),
        f_cons(14, ctx_prim(0, b"orig.example.com"),
               ctx_prim(1, b"term.example.net")),
        f_int(15, 4294967295),
        f_int(16, 3),
        f_int(17, 5),                            # managementIntervention
        f_cons(18, ctx_prim(0, b"\x00"), ctx_prim(1, int_content(2)),
               ctx_prim(2, b"\xff")),
        f_str(19, "icid-0002"),
        f_cons(21, media),
        f_cons(22, ctx_cons(0, ipv6("20010db8000000000000000000000001"))),
        f_str(23, "486 Busy Here"),
        f_cons(24, body),
        f_cons(25, set_of([ours, foreign])),
        f_int(26, 3600),
        f_cons(27, party("sip:alice@example.com")),
        f_str(28, "reg"),
        f_prim(29, b"3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=00101000100000101"),
        f_str(30, "32260@3gpp.org"),
        f_cons(31, sub_e164, sub_uri),
        f_cons(32, early),
        f_prim(33, b"urn:urn-7:3gpp-service.ims.icsi.mmtel"),
        f_int(36, 0),
        f_int(37, 0), f_int(38, 500), f_int(39, 999),
        f_cons(41, party("sip:req@example.com")),
        f_cons(42, party("sip:asserted@example.com")),
        f_cons(46, ctx_prim(0, int_content(1)), ctx_prim(1, int_content(2)),
               ctx_prim(2, int_content(0)),
               ctx_cons(3, ipv4("10.0.0.1"))),
        f_prim(47, bytes.fromhex("8200f110000100f1100000001b")),
        f_prim(48, b"\x40\x00"),
        f_cons(50, ipv6_prefix("20010db8000000010000000000000000", 56)),
        f_prim(51, b"<sip:alice@example.com>;tag=1"),
        f_prim(52, b""),
        f_cons(53, graphic("transit1.example.com"),
               graphic("transit2.example.com")),
        f_prim(54, b"visited.example.com"),
        f_cons(55, graphic("SIP;cause=200;text=\"done\"")),
        f_prim(56, b"IEEE-802.11"),
        f_prim(57, b"<urn:gsma:imei:35000000-000000-0>"),
        f_cons(58, ctx_prim(0, int_content(0)),
               ctx_prim(1, bytes.fromhex("3500000000000010"))),
        f_prim(59, long_route),
        f_prim(60, b"<sip:scscf.example.com;lr>"),
        f_cons(62, seq(ctx_prim(0, b"ani-1"), ctx_prim(2, ts))),
        f_cons(63, seq(ctx_cons(0, party("tel:+15550000")),
                       ctx_prim(1, ts))),
        f_prim(64, b"\x01\x02\x03"),
        f_str(105, "icid-initial"),
        f_cons(106, atinfo),
        f_str(107, "icid-related"),
        f_cons(108, ctx_cons(0, ipv4("192.0.2.7"))),
        f_cons(109, graphic("fe1.example.com"), graphic("fe2.example.com")),
    ])


def v_text_addresses():
    """IP text forms, IPv6 with the DEFAULT prefix length, an empty list."""
    return record([
        f_int(0, 64),
        f_cons(4, ctx_cons(0, ctx_prim(2, b"192.0.2.1"))),
        f_cons(22, ctx_cons(0, ctx_prim(3, b"2001:db8::abcd:1"))),
        f_cons(25, set_of([management_extension(WEBRTC_OID,
                                                webrtc_info(waf="w"))])),
        f_cons(50, ipv6_prefix("20010db8000000020000000000000000", 64)),
        f_cons(53),                              # empty SEQUENCE OF
    ])


VECTORS = [
    ("01-minimal.der", v_minimal),
    ("02-webrtc.der", v_webrtc),
    ("03-full.der", v_full),
    ("04-text-addresses.der", v_text_addresses),
]


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    os.makedirs(outdir, exist_ok=True)
    records = []
    for name, build in VECTORS:
        data = build()
        records.append(data)
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    # Several records back to back, as in a CDR stream.
    with open(os.path.join(outdir, "05-concatenated.der"), "wb") as f:
        f.write(b"".join(records))

    assert records[0] == bytes.fromhex("BF4003800140")
    assert bytes.fromhex("A408A0068004C0A80001") in records[1]
    assert bytes.fromhex("A7088106") + b"tel:+1" in records[1]


if __name__ == "__main__":
    main()
