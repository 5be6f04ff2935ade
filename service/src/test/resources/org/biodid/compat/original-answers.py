#!/usr/bin/env python3
"""Regenerates original-answers.json: runs the original servers' unchanged source and records their raw answers.

Needs: Debian bookworm's python3-fastapi (0.92) and python3-httpx, and a checkout of
FractionEstate/decentralized-did (7cd6e40) at ORIGINAL (core/api, sdk/src). The SDK's network client (Koios),
slowapi and the base58 package are replaced by the small stand-ins below; the servers' own code runs as written,
except that api_server_secure.py's two `min_length` list constraints (pydantic 2) must be spelled `min_items`
for pydantic 1 (a copy is enough). datetime.now is frozen so that enrollmentTimestamp and tx_hash are fixed.

    ORIGINAL=/path/to/decentralized-did /usr/bin/python3 original-answers.py > original-answers.json
"""
import sys, types, importlib.util, json, datetime as _dt, os
OUT, sys.stdout = sys.stdout, sys.stderr  # the servers print start-up banners
ROOT = os.environ["ORIGINAL"]
os.chdir(os.environ.get("TMPDIR", "/tmp"))
os.environ["RATE_LIMIT_ENABLED"] = "false"
os.environ["API_SECRET_KEY"] = "k" * 40
os.environ["JWT_SECRET_KEY"] = "j" * 40
os.environ["CARDANO_NETWORK"] = "testnet"

ALPH = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
def b58encode(b):
    n = int.from_bytes(b, "big"); out = ""
    while n: n, r = divmod(n, 58); out = ALPH[r] + out
    return ("1" * (len(b) - len(b.lstrip(b"\0"))) + out).encode()
sys.modules["base58"] = types.SimpleNamespace(b58encode=b58encode)
for name in ["decentralized_did", "decentralized_did.did", "decentralized_did.cardano"]:
    m = types.ModuleType(name); m.__path__ = []; sys.modules[name] = m
spec = importlib.util.spec_from_file_location("decentralized_did.did.generator", ROOT + "/sdk/src/decentralized_did/did/generator.py")
gen = importlib.util.module_from_spec(spec); sys.modules[spec.name] = gen; spec.loader.exec_module(gen)
cache = types.ModuleType("decentralized_did.cardano.cache"); cache.TTLCache = lambda **kw: object()
sys.modules[cache.__name__] = cache
EXISTING = {"value": None}
class KoiosError(Exception): pass
class KoiosClient:
    def __init__(self, **kw): self.cache = None
    async def check_did_exists(self, did, label=None): return EXISTING["value"]
    async def close(self): pass
kc = types.ModuleType("decentralized_did.cardano.koios_client"); kc.KoiosClient = KoiosClient; kc.KoiosError = KoiosError
sys.modules[kc.__name__] = kc
class Limiter:
    def __init__(self, **kw): pass
    def limit(self, s): return lambda f: f
class RateLimitExceeded(Exception): pass
sl = types.ModuleType("slowapi"); sl.Limiter = Limiter; sl._rate_limit_exceeded_handler = None
sys.modules["slowapi"] = sl
sys.modules["slowapi.util"] = types.SimpleNamespace(get_remote_address=None)
sys.modules["slowapi.errors"] = types.SimpleNamespace(RateLimitExceeded=RateLimitExceeded)

FIXED = _dt.datetime(2026, 11, 28, 2, 29, 53, 123456, tzinfo=_dt.timezone.utc)
class FrozenDateTime(_dt.datetime):
    @classmethod
    def now(cls, tz=None): return FIXED if tz else FIXED.replace(tzinfo=None)

from fastapi.testclient import TestClient
def load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT + "/core/api/" + name + ".py")
    mod = importlib.util.module_from_spec(spec); sys.modules[name] = mod; spec.loader.exec_module(mod)
    mod.datetime = FrozenDateTime
    return mod

W = "addr_test1qpz8j0xfwhm652z0mk7cd5q2tqkvhx5a6h7fr4x6s2c6tw4kz5q03xmysyz"
F = [{"finger_id": "left_thumb", "minutiae": [[100.5, 200.3, 45.0], [150.2, 180.9, 90.5]]},
     {"finger_id": "left_index", "minutiae": [[110.2, 210.5, 50.0], [160.5, 190.2, 95.5]]}]
H = {"left_thumb": {"finger_id": "left_thumb", "salt_b64": "10pZSiM_wmwXXv4m8JmScQ", "auth_b64": "4HKw3bRWHyyipbkkB81l5z2E2LYLMUJTLKPlUVB3Dr0", "grid_size": 0.05, "angle_bins": 32},
     "left_index": {"finger_id": "left_index", "salt_b64": "mD0iQkcFys7ul-rMLCyaRg", "auth_b64": "HgboLlwxRZZgYUlkjWNbb7WaHSAuPuSgIa8Nc80kloM", "grid_size": 0.05, "angle_bins": 32}}
IDH = "BLmcF7aSnhgrjn_QYo0ampN-VTBovkQBfPi_937HY9c"
G = "/api/biometric/generate"; V = "/api/biometric/verify"
d = json.dumps
cases = [
 {"name": "generate_golden", "path": G, "body": d({"wallet_address": W, "storage": "inline", "format": "json", "fingers": F})},
 {"name": "generate_external", "path": G, "body": d({"wallet_address": W, "storage": "external", "fingers": F})},
 {"name": "generate_non_ascii", "path": G, "body": d({"wallet_address": W, "fingers": [{"finger_id": "pouce_\u00e9", "minutiae": [[1, 2, 3]]}, {"finger_id": "\u5de6\u624b", "minutiae": [[1e-05, 1e16, 0.1]]}]})},
 {"name": "generate_repeated_finger", "path": G, "body": d({"wallet_address": W, "fingers": [{"finger_id": "b", "minutiae": [[1.5, 2.5, 3.5]]}, {"finger_id": "a", "minutiae": [[4.0, 5.0, 6.0]]}, {"finger_id": "b", "minutiae": [[7.0, 8.0, 9.0]]}]})},
 {"name": "verify_golden", "path": V, "body": d({"fingers": F, "helpers": H, "expected_id_hash": IDH})},
 {"name": "verify_mismatch", "path": V, "body": d({"fingers": F, "helpers": H, "expected_id_hash": "A" * 43})},
 {"name": "verify_insufficient", "path": V, "body": d({"fingers": [F[0], {"finger_id": "right_ring", "minutiae": [[1.0, 2.0, 3.0]]}], "helpers": H, "expected_id_hash": IDH})},
]

answers = {}
for server in ["api_server", "api_server_secure"]:
    mod = load(server)
    client = TestClient(mod.app, raise_server_exceptions=False)
    headers = {"Content-Type": "application/json"}
    if server == "api_server_secure":
        headers["Authorization"] = "Bearer " + mod.create_access_token("tester")
    answers[server] = [client.post(c["path"], content=c["body"].encode(), headers=headers) for c in cases]
for c, basic, secure in zip(cases, answers["api_server"], answers["api_server_secure"]):
    assert basic.content == secure.content, c["name"]
json.dump({"provenance": "Answers of the original basic server core/api/api_server.py (FractionEstate/decentralized-did"
                         " 7cd6e40, unchanged source) run under FastAPI 0.92 / pydantic 1.10 with datetime.now frozen at"
                         " 2026-11-28T02:29:53.123456Z and CARDANO_NETWORK=testnet; the secure server"
                         " (api_server_secure.py, authenticated) gave byte-identical answers for every case. Produced by"
                         " original-answers.py beside this file.",
           "enrollmentTime": "2026-11-28T02:29:53.123456Z",
           "cases": [{"name": c["name"], "request": c["body"], "status": r.status_code, "answer": r.content.decode()}
                     for c, r in zip(cases, answers["api_server"])]},
          OUT, ensure_ascii=False, indent=1)
