"""The supply chain is locked: every Python package pinned with hashes and installed that way, the lock in
step with the requirements files, and every GitHub Action pinned to a commit with its version beside it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)", re.M)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> dict[str, str]:
    return {canonical(m.group(1)): m.group(2) for m in PIN.finditer(text)}


def test_every_requirement_is_in_the_lock_at_the_same_version():
    lock = pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    for name in ("requirements.txt", "requirements-dev.txt"):
        for package, version in pins((ROOT / name).read_text(encoding="utf-8")).items():
            assert lock.get(package) == version, f"{name}: {package}=={version}, lock has {lock.get(package)}: run ./scripts/lock"


def test_every_locked_package_is_pinned_and_hashed():
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert len(entries) > 40
    for entry in entries:
        assert PIN.match(entry) and "--hash=sha256:" in entry, entry[:120]


def test_installs_require_hashes():
    env = (ROOT / "scripts" / "env.sh").read_text(encoding="utf-8")
    assert "--require-hashes" in env and "requirements.lock" in env
    assert not re.search(r"pip install[^\n]*-r \"\$ROOT/requirements(-dev)?\.txt\"", env)


def test_every_action_is_pinned_to_a_commit_with_its_version():
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if "uses:" not in line or "./" in line.split("uses:", 1)[1][:4]:
                continue
            assert re.search(r"uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+(\.\d+)*\s*$", line), \
                f"{workflow.name}: pin to a full commit SHA with the version in a comment: {line.strip()}"
