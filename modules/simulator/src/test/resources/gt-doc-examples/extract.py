#!/usr/bin/env python3
"""Extracts the example responses of ../shared/api/gt-sport-profile-api.md and gtgridstats-api.md
into examples.json, the fixture of GtDocContractTest, each with the concrete request that the
example shows (placeholders filled with the example's own ids). Run from this folder:
    python3 extract.py ../../../../../../../shared/api"""
import json
import re
import sys

api = sys.argv[1]


def tolerant(text):
    text = re.sub(r"(?<!:)//[^\n\]]*", "", text)
    text = re.sub(r",(\s*[\]}])", r"\1", text)
    return json.JSONDecoder().raw_decode(text.strip())[0]


examples = []
gt = open(api + "/gt-sport-profile-api.md", encoding="utf-8").read()
for m in re.finditer(r"Example Request: POST https://www\.gran-turismo\.com/us/api/gt7sp(/profile/\?[^\s]+)\s+Example Response:\s+(\{.*?\n    \})\n", gt, re.S):
    examples.append({"api": "gt", "method": "POST", "path": m.group(1), "body": tolerant(m.group(2))})

grid = open(api + "/gtgridstats-api.md", encoding="utf-8").read()
requests = {
    "/api/assets/manufacturers": ("GET", "/api/assets/manufacturers", None),
    "/api/assets/manufacturers/{code}": ("GET", "/api/assets/manufacturers/zh", None),
    "/api/assets/cars": ("GET", "/api/assets/cars", None),
    "/api/assets/cars/{identifier}/{locale?}": ("GET", "/api/assets/cars/613/zh", None),
    "/api/assets/manufacturer/{manufacturer_id}/cars/{locale?}": ("GET", "/api/assets/manufacturer/78/cars", None),
    "/api/assets/manufacturer/{manufacturer_id}/{car_class}/{locale?}": ("GET", "/api/assets/manufacturer/78/Gr.3", None),
    "/api/assets/regions": ("GET", "/api/assets/regions", None),
    "/api/racers": ("POST", "/api/racers", {"psn_ids": ["skino2024", "SparksTheory", "OFFICIAL_001"]}),
    "/api/racers/{identifiers}": ("GET", "/api/racers/skino2024,SparksTheory,OFFICIAL_001", None),
    "/api/series-{series}/drivers/{psn_list}": ("GET", "/api/series-1564/drivers/skino2024", None),
}
parts = re.split(r"^(/api/\S+)$", grid, flags=re.M)
for i in range(1, len(parts), 2):
    endpoint, rest = parts[i], parts[i + 1]
    start = min(x for x in (rest.find("{"), rest.find("[")) if x >= 0)
    method, path, payload = requests[endpoint]
    examples.append({"api": "gridstats", "method": method, "path": path, "payload": payload, "body": tolerant(rest[start:])})

json.dump(examples, open("examples.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
for e in examples:
    print(e["api"], e["method"], e["path"])
