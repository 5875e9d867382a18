"""QR codes read back from printed pages the way a phone's camera would: the PDF Chromium prints,
rasterised by pdftoppm (poppler-utils), decoded by zbarimg (zbar-tools), both from Debian."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

DPI = 200  # an office printer prints at 300 or more; 200 keeps the test quick and still needs a sharp code
TOOLS = {"pdftoppm": "poppler-utils", "zbarimg": "zbar-tools"}


def require_tools() -> None:
    missing = [f"{tool} (Debian: {package})" for tool, package in TOOLS.items() if shutil.which(tool) is None]
    if missing:
        message = "cannot read printed QR codes without " + ", ".join(missing)
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)


def qr_codes_per_page(pdf: bytes) -> list[list[str]]:
    """The text of every QR code on each printed page, page by page."""
    require_tools()
    with tempfile.TemporaryDirectory(prefix="gm-qr-") as tmp:
        folder = Path(tmp)
        (folder / "print.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "print.pdf", "page"], cwd=folder, check=True)
        pages = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        out = []
        for png in pages:
            proc = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.name],
                                  cwd=folder, capture_output=True, text=True, check=False)
            if proc.returncode not in (0, 4):  # 4: no code found on this page
                raise RuntimeError(f"zbarimg failed on {png.name}: {proc.stderr}")
            out.append([line for line in proc.stdout.splitlines() if line])
        return out
