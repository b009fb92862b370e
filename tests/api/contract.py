"""Holds the running server to its OpenAPI document with schemathesis.

Starts `coproduce serve --demo` on a free port in a temporary folder, signs in as the
demo administrator through the real sign-in form, makes a write API token through the
account page's form, and runs `schemathesis run` with every check over every operation,
authenticated with that token. Exits with schemathesis's status: non-zero when it found
a failure.

    python tests/api/contract.py                       # the short run of scripts/test.sh
    python tests/api/contract.py --max-examples 400    # a longer run (see docs/api.md)

Any argument it does not know is passed on to `schemathesis run`.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Demo:
    """`coproduce serve --demo` in a temporary folder, with what it printed."""

    def __init__(self, binary: Path) -> None:
        self.dir = tempfile.TemporaryDirectory(prefix="coproduce-contract-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [str(binary), "serve", "--demo", "--addr", f"127.0.0.1:{self.port}"],
            cwd=self.dir.name,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "RUST_LOG": os.environ.get("RUST_LOG", "warn")},
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    def wait_ready(self, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while True:
            if self.process.poll() is not None:
                raise SystemExit("coproduce exited early:\n" + "".join(self.output))
            try:
                with urllib.request.urlopen(f"{self.base}/readyz", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError):
                pass
            if time.monotonic() > deadline:
                raise SystemExit("coproduce did not start:\n" + "".join(self.output))
            time.sleep(0.1)

    def sign_ins(self) -> dict[str, tuple[str, str]]:
        """The sign-in printed for each role: "  Role   email   password"."""
        found = re.findall(
            r"^ {2}(.+?) {2,}(\S+@\S+) +(demo-[0-9a-f]+)$", "".join(self.output), re.M
        )
        return {role.strip(): (email, password) for role, email, password in found}

    def server_errors(self) -> list[str]:
        """Lines the server logged at error level, or a panic."""
        plain = (re.sub(r"\x1b\[[0-9;]*m", "", line) for line in self.output)
        return [line for line in plain if re.search(r"\bERROR\b|panicked", line)]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.dir.cleanup()


class Browser:
    """Just enough of a browser to sign in and fill in a form: cookies, no script."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as r:
            return r.read().decode()

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(
            self.base + path,
            data=data,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.base,
            },
        )
        try:
            with self.opener.open(request, timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()


def write_token(demo: Demo) -> str:
    """Signs in as the demo administrator and makes a write token on the account page."""
    email, password = demo.sign_ins()["Administrator"]
    browser = Browser(demo.base)
    status, page = browser.post("/sign-in", {"email": email, "password": password, "next": ""})
    if status != 200 or 'name="csrf"' not in browser.get("/account"):
        raise SystemExit(f"could not sign in as {email} ({status}):\n{page[:2000]}")
    account = browser.get("/account")
    csrf = re.search(r'name="csrf" value="([^"]+)"', account)
    if not csrf:
        raise SystemExit("the account page has no form token")
    status, page = browser.post(
        "/account/tokens",
        {"name": "API contract checks", "scope": "write", "csrf": csrf.group(1)},
    )
    token = re.search(r"\b(cpt_[A-Za-z0-9_\-]+)", page)
    if status != 201 or not token:
        raise SystemExit(f"could not make an API token ({status}):\n{page[:2000]}")
    return token.group(1)


def api_ids(base: str, token: str, path: str) -> list[int]:
    """Every id in a list of the API, following `next`."""
    ids: list[int] = []
    address: str | None = f"{path}{'&' if '?' in path else '?'}limit=200"
    while address:
        request = urllib.request.Request(
            base + address, headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=30) as r:
            page = json.load(r)
        ids += [item["id"] for item in page["items"]]
        address = page["next"]
    return ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--binary",
        type=Path,
        default=Path(os.environ.get("COPRODUCE_BIN", ROOT / "target/debug/coproduce")),
    )
    parser.add_argument("--max-examples", type=int, default=5)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--schemathesis",
        default=str(Path(sys.executable).parent / "schemathesis"),
        help="the schemathesis command",
    )
    args, rest = parser.parse_known_args()

    demo = Demo(args.binary.resolve())
    try:
        demo.wait_ready()
        token = write_token(demo)
        # Records that exist, for the references in generated bodies (see hooks.py).
        known = {
            name: api_ids(demo.base, token, f"/api/v1/{name}")
            for name in (
                "organisations", "projects", "activities", "people", "opportunities", "forms"
            )
        }
        # The demo's feedback form and its project, for changing a form.
        with urllib.request.urlopen(
            urllib.request.Request(
                f"{demo.base}/api/v1/forms?limit=1", headers={"Authorization": f"Bearer {token}"}
            ),
            timeout=30,
        ) as r:
            forms = json.load(r)["items"]
        if forms:
            known["form"] = [forms[0]["id"]]
            known["form_project"] = [forms[0]["project_id"]]
        # An input with a response and an owner, for giving responses and recording
        # feedback by hand.
        request = urllib.request.Request(
            f"{demo.base}/api/v1/inputs?limit=200", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=30) as r:
            answered = [
                i for i in json.load(r)["items"] if i["response"] and i["owner_account_id"]
            ]
        if answered:
            known["answered_input"] = [answered[0]["id"]]
            known["input_owner"] = [answered[0]["owner_account_id"]]
        # An open opportunity for anyone, and the people it is for: those of its
        # organisation.
        with urllib.request.urlopen(f"{demo.base}/api/v1/open-opportunities", timeout=30) as r:
            open_for_anyone = [o for o in json.load(r) if o["who_may_apply"] == "public"]
        if open_for_anyone:
            chosen = open_for_anyone[0]
            known["open_opportunity"] = [chosen["id"]]
            known["open_opportunity_people"] = api_ids(
                demo.base, token, f"/api/v1/people?organisation_id={chosen['organisation_id']}"
            )
        env = {
            **os.environ,
            "SCHEMATHESIS_HOOKS": "hooks",
            "PYTHONPATH": os.pathsep.join(
                [str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])]
            ),
            "COPRODUCE_CONTRACT_IDS": json.dumps(known),
        }
        command = [
            args.schemathesis,
            "run",
            f"{demo.base}/api/openapi.json",
            "--checks",
            "all",
            "--header",
            f"Authorization: Bearer {token}",
            "--max-examples",
            str(args.max_examples),
            "--generation-database",
            "none",
            "--no-color",
        ]
        if args.seed is not None:
            command += ["--seed", str(args.seed)]
        command += rest
        started = time.monotonic()
        # schemathesis keeps a cache of what failed in the working folder; the run
        # leaves none behind in the repository.
        cache = ROOT / ".schemathesis"
        had_cache = cache.exists()
        try:
            status = subprocess.call(command, env=env, cwd=ROOT)
        finally:
            if not had_cache:
                shutil.rmtree(cache, ignore_errors=True)
        print(f"\nschemathesis finished in {time.monotonic() - started:.0f} s with status {status}")
        errors = demo.server_errors()
        if errors:
            print("The server logged errors:\n" + "".join(errors), file=sys.stderr)
            status = status or 1
        return status
    finally:
        demo.stop()


if __name__ == "__main__":
    sys.exit(main())
