"""A 10,000-post native posts file through the command line, every rule: `python benchmarks/posts_file_speed.py`.

Prints the median wall time of a few runs (warm cache), and the read/check split in-process.
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from speed import realistic_posts  # noqa: E402


def write_schedule(path: Path, count: int) -> None:
    start = dt.datetime(2027, 1, 4, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    entries = []
    for index, text in enumerate(realistic_posts(count, seed=11)):
        entries.append({
            "id": f"post-{index}", "text": text, "platforms": ["twitter", "mastodon"],
            "scheduled_at": (start + dt.timedelta(minutes=37 * index)).isoformat(),
            "tool": "TweetDeck", "account": "@mesaides", "lang": "fr"})
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "schedule.posts.yaml"
        write_schedule(path, count)
        real = Path(sys.executable).parent / "socialrules"
        command = [str(real), "check", "--isolated", str(path), "--output-format", "concise"]
        subprocess.run(command, capture_output=True)  # warms the cache
        times = []
        for _ in range(5):
            begin = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True)
            times.append(time.perf_counter() - begin)
        print(f"{count:,} posts ({path.stat().st_size / 1e6:.1f} MB), every rule, CLI wall: median "
              f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}); "
              f"exit {result.returncode}, {result.stdout.count(chr(10)) - 1} findings")
        from socialrules import Linter
        from socialrules.readers import read_file

        begin = time.perf_counter()
        posts = read_file(path)
        read = time.perf_counter() - begin
        linter = Linter.from_config(discover=False)
        begin = time.perf_counter()
        linter.check_posts(posts)
        checked = time.perf_counter() - begin
        print(f"in process: read {read:.2f} s, check {checked:.2f} s ({len(posts) / checked:,.0f} posts/s)")


if __name__ == "__main__":
    main()
