"""A real SMTP server for Coproduce's tests: it accepts every message and writes
each one, as received, to a numbered .eml file in a folder.

    python sink.py --port 2525 --dir /tmp/mail [--delay 0.3]

With --delay it waits that many seconds before accepting each message, as a slow
server would, so a test can stop a sender in the middle of a batch. It prints "ready" once it is listening, and stops on SIGTERM or when stdin closes.
"""
import argparse
import asyncio
import itertools
import pathlib
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, folder: pathlib.Path, delay: float):
        self.folder = folder
        self.delay = delay
        self.count = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            n = next(self.count)
        path = self.folder / f"{n:04d}.eml"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(envelope.original_content or envelope.content)
        tmp.rename(path)
        return "250 Message accepted"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    folder = pathlib.Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(Keep(folder, args.delay), hostname="127.0.0.1", port=args.port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    print("ready", flush=True)
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
