"""Build the offline bundle: a zip of the site that works opened from the file system.

    python scripts/offline.py [--out build/jiceng-zhili-offline.zip] [--project DIR]

Builds with ``OFFLINE=true`` (Material's offline plugin and hooks/offline.py: file links, the
search index as a script, the local iframe-worker shim) into a temporary folder, strictly, then
zips it under one folder with a short note on how to open it. Nothing is written into the
project except the zip (build/ is ignored by git).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "jiceng-zhili-offline"
NOTE = """基层治理模式库 · 离线版 / Grassroots Governance Models, offline copy

1. 解压整个压缩包（不要只打开其中一个文件）。
2. 用浏览器（Chrome、Edge、Firefox、手机浏览器均可）打开 index.html。
   繁體中文：zh-Hant/index.html；English: en/index.html
3. 搜索、筛选和打印都可以离线使用。

Unzip everything, then open index.html in a web browser. Search, filters and printing work offline.
"""


def build(project: Path, site: Path) -> None:
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(project / "mkdocs.yml"),
           "-d", str(site)]
    subprocess.run(cmd, cwd=project, env=env, check=True)


def pack(site: Path, out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(f"{FOLDER}/使用说明-README.txt", NOTE)
        for path in sorted(site.rglob("*")):
            if path.is_file() and not path.name.endswith(".gz"):  # sitemap.xml.gz is of no use offline
                zf.write(path, f"{FOLDER}/{path.relative_to(site).as_posix()}")
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / f"{FOLDER}.zip")
    parser.add_argument("--project", type=Path, default=ROOT, help="the folder holding mkdocs.yml")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="govcat-offline-") as tmp:
        site = Path(tmp) / "site"
        build(args.project.resolve(), site)
        count = pack(site, args.out)
    print(f"{args.out}: {count} files, {args.out.stat().st_size / 2**20:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
