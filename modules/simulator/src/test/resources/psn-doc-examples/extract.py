#!/usr/bin/env python3
"""Extracts the example requests and responses of ../shared/api/psn-trophy-api-v2.md into
examples.json, the fixture of PsnDocContractTest. Run from this folder:
    python3 extract.py ../../../../../../../shared/api/psn-trophy-api-v2.md
The doc truncates long lists with '<#-- truncated --#>' lines; they are dropped, and so are the
commas they leave dangling, so that each example parses as JSON."""
import json
import re
import sys

def tolerant_json(text):
    """Drops closers that do not match (left by truncation) and dangling commas, then parses."""
    out, stack, in_string, escape = [], [], False, False
    for ch in text:
        if in_string:
            out.append(ch)
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]":
            if not stack or stack[-1] != ch:
                continue
            stack.pop()
        out.append(ch)
    fixed = "".join(out) + "".join(reversed(stack))
    fixed = re.sub(r",(\s*[\]}])", r"\1", fixed).strip().rstrip(",")
    return json.JSONDecoder().raw_decode(fixed)[0]


doc = open(sys.argv[1], encoding="utf-8").read().splitlines()
examples = []
i = 0
heading = None
url = None
language = None
while i < len(doc):
    line = doc[i]
    if line.startswith("**") and ("Example" in line):
        heading = line.strip("* ")
        url = None
        language = None
    m = re.match(r"^https://m\.np\.playstation\.com(/api/.+)$", line.strip())
    if m:
        url = m.group(1)
    m = re.search(r'-Headers @\{"Accept-Language"="([^"]+)"\}', line)
    if m and "Invoke-RestMethod" in line:
        language = m.group(1)
        u = re.search(r'-Uri "https://m\.np\.playstation\.com(/api/[^"]+)"', line)
        url = u.group(1)
        heading = "Support for Language"
    if line.strip() == "```json":
        j = i + 1
        body = []
        while doc[j].strip() != "```":
            if "truncated" not in doc[j] and not doc[j].strip().startswith("//"):
                body.append(doc[j])
            j += 1
        text = "\n".join(body)
        parsed = tolerant_json(text)
        kind = "response" if url else "fragment"
        if url and "graphql" in url:
            kind = "graphql"
        examples.append({"heading": heading, "kind": kind, "url": url, "acceptLanguage": language, "body": parsed})
        url = None if kind != "fragment" else url
        language = None
        i = j
    i += 1
json.dump(examples, open("examples.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
for e in examples:
    print(e["kind"], e["heading"], e["url"], e["acceptLanguage"])
