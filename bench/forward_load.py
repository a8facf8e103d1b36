#!/usr/bin/env python3
"""Load for bench/forward (a bench tool, not Tagwarden code).

ingest BASE KEY CONTAINER PREFIX N          post N Purchase events (batches of 100) with the ingest key; print
                                            "<accepted> <seconds>"
soak BASE1,BASE2 KEY CONTAINER PREFIX RATE SECONDS
                                            post RATE events/s (batches of 10) spread over the bases for SECONDS;
                                            a base that refuses (killed) is skipped until it answers again; print
                                            "<accepted> <refused-requests>"
rate STUB PREFIX N TIMEOUT                  poll the stub until N ids with PREFIX are accepted; print the rate
                                            between 10 % and 90 % of N as "<jobs/s> <seconds to 100 %>"
"""
import http.client
import json
import sys
import time
import urllib.parse
import urllib.request


def event(container, event_id):
    return {"container": container, "event": "Purchase", "event_id": event_id, "url": "https://shop.example.com/thank-you",
            "ip": "203.0.113.7", "user_agent": "Mozilla/5.0 (X11; Linux x86_64) bench",
            "consent": {"analytics": "granted", "marketing": "granted", "source": "bench"},
            "click_ids": {"fbclid": "IwAR-bench"}, "params": {"value": 42.5, "currency": "EUR", "order_id": event_id},
            "user": {"email": "bench@example.com"}}


class Poster:
    def __init__(self, base, key):
        u = urllib.parse.urlparse(base)
        self.host, self.port, self.key = u.hostname, u.port, key
        self.conn = None

    def post(self, events):
        body = json.dumps(events).encode()
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
                self.conn.request("POST", "/collect", body, {"Content-Type": "application/json",
                                                              "Authorization": "Bearer " + self.key})
                r = self.conn.getresponse()
                r.read()
                return r.status
            except (OSError, http.client.HTTPException):
                self.conn = None
                if attempt == 2:
                    return None
        return None


def ingest(base, key, container, prefix, n):
    p, accepted, t0 = Poster(base, key), 0, time.time()
    for start in range(0, n, 100):
        batch = [event(container, f"{prefix}{i}") for i in range(start, min(n, start + 100))]
        status = p.post(batch)
        if status != 204:
            sys.exit(f"ingest: POST /collect answered {status}")
        accepted += len(batch)
    print(accepted, round(time.time() - t0, 2))


def soak(bases, key, container, prefix, rate, seconds):
    posters = [Poster(b, key) for b in bases.split(",")]
    accepted, refused, n, t0 = 0, 0, 0, time.time()
    interval = 10.0 / rate
    turn = 0
    while time.time() - t0 < seconds:
        batch = [event(container, f"{prefix}{n + i}") for i in range(10)]
        sent = False
        for k in range(len(posters)):
            status = posters[(turn + k) % len(posters)].post(batch)
            if status == 204:
                accepted += 10
                n += 10
                sent = True
                break
            refused += 1
        turn += 1
        if not sent:
            time.sleep(0.2)
            continue
        next_at = t0 + (n / 10) * interval
        delay = next_at - time.time()
        if delay > 0:
            time.sleep(delay)
    print(accepted, refused)


def rate(stub, prefix, n, timeout):
    t0, marks = time.time(), {}
    while time.time() - t0 < timeout:
        with urllib.request.urlopen(f"{stub}/count?prefix={prefix}") as r:
            done = int(r.read())
        now = time.time()
        for share in (0.1, 0.9, 1.0):
            if share not in marks and done >= share * n:
                marks[share] = now
        if 1.0 in marks:
            break
        time.sleep(0.1)
    if 1.0 not in marks:
        sys.exit(f"rate: only {done} of {n} delivered within {timeout} s")
    window = max(marks[0.9] - marks[0.1], 0.001)
    print(round(0.8 * n / window), round(marks[1.0] - t0, 1))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "ingest":
        ingest(args[0], args[1], args[2], args[3], int(args[4]))
    elif cmd == "soak":
        soak(args[0], args[1], args[2], args[3], float(args[4]), float(args[5]))
    elif cmd == "rate":
        rate(args[0], args[1], int(args[2]), float(args[3]))
    else:
        sys.exit(__doc__)
