"""Prepares a running embedded Tandem for bench/http-ratios.sh: stocks every store cell of the demo city with 1,000 more units (the most one receipt may add),
signs in the shoppers (development tokens), opens a session for each, and writes the data file the wrk script reads."""
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor

base, shoppers, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read()
        return json.loads(text) if text else None

def token(role, subject):
    return call("POST", "/api/dev/token", {"role": role, "subject": subject})["accessToken"]

ops = token("ops", "bench-ops")
stores = {l["id"] for l in call("GET", "/api/locations") if l["kind"] == "store"}
skus, skip = [], 0
while True:
    page = call("GET", f"/api/products?skip={skip}&take=100")
    skus += [p["sku"] for p in page["items"]]
    skip += 100
    if skip >= page["total"]:
        break

def cells_of(sku):
    availability = call("GET", f"/api/products/{sku}/availability")
    return [(sku, l["locationId"]) for l in availability["locations"] if l["locationId"] in stores]

with ThreadPoolExecutor(16) as pool:
    cells = [c for found in pool.map(cells_of, skus) for c in found]
    list(pool.map(lambda c: call("POST", f"/api/inventory/{c[0]}/{c[1]}/receipts", {"quantity": 1000, "reference": "bench-" + c[0] + "-" + c[1]}, ops), cells))
    ids = [f"wrk-shopper-{i:05d}" for i in range(shoppers)]
    tokens = list(pool.map(lambda i: token("shopper", i), ids))
    list(pool.map(lambda p: call("POST", f"/api/sessions/{p[0]}/cart", {"sku": skus[0], "quantity": 1}, p[1]), zip(ids, tokens)))

with open(out, "w") as f:
    for i, t in zip(ids, tokens):
        f.write(f"shopper {i} {t}\n")
    for sku, store in cells:
        f.write(f"cell {sku} {store}\n")
print(f"{len(cells)} stocked store cells, {len(ids)} signed-in shoppers with a session", file=sys.stderr)
