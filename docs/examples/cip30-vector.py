#!/usr/bin/env python3
# The known-answer vector of org.biodid.wallet.WalletSignatureTest, computed independently of the service:
# run `python3 docs/examples/cip30-vector.py` (needs the `cryptography` package) and compare the hex.
# Independent computation of a CIP-30 signData vector: pyca/cryptography Ed25519, hashlib BLAKE2b, CBOR by hand.
import hashlib
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

def head(major, n):
    if n < 24: return bytes([major << 5 | n])
    if n < 256: return bytes([major << 5 | 24, n])
    return bytes([major << 5 | 25]) + n.to_bytes(2, 'big')
def bstr(b): return head(2, len(b)) + b
def tstr(s): b = s.encode(); return head(3, len(b)) + b

seed = bytes(range(32))
sk = Ed25519PrivateKey.from_private_bytes(seed)
pub = sk.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
keyhash = hashlib.blake2b(pub, digest_size=28).digest()
address = bytes([0x60]) + keyhash     # enterprise, testnet
payload = ("BioDID wallet challenge\naction: enroll\nwallet: WALLET\n"
           "nonce: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nexpires: 2026-12-01T22:05:00Z").encode()
prot = bytes([0xa2, 0x01, 0x27]) + tstr("address") + bstr(address)
sig_structure = bytes([0x84]) + tstr("Signature1") + bstr(prot) + bstr(b"") + bstr(payload)
sig = sk.sign(sig_structure)
cose_sign1 = bytes([0x84]) + bstr(prot) + bytes([0xa1]) + tstr("hashed") + bytes([0xf4]) + bstr(payload) + bstr(sig)
cose_key = bytes([0xa4, 0x01, 0x01, 0x03, 0x27, 0x20, 0x06, 0x21]) + bstr(pub)
print("pub", pub.hex()); print("address", address.hex()); print("payload", payload.decode().replace("\n","\\n"))
print("sig", sig.hex()); print("sign1", cose_sign1.hex()); print("key", cose_key.hex())
