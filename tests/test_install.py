"""The fresh-machine set-up: scripts/ensure-chromium decides right without installing anything.

Each case runs the script with a PATH holding only stub commands (``id``, ``sudo``, ``apt-get``,
``chromium``) that log how they were called, so the decision logic is checked here and the real
install is left to CI (``.ci/run`` on a clean machine).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "ensure-chromium"
BASH = shutil.which("bash")
CHMOD = shutil.which("chmod")  # the stubs' own helper, outside the stubbed PATH


def _stub(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text(f'#!{BASH}\necho "{name} $*" >> "$STUB_LOG"\n{body}\n')
    path.chmod(0o755)


def _apt_get(bin_dir: Path) -> str:
    # "install" puts a chromium stub on PATH, as the real package puts /usr/bin/chromium.
    chromium = bin_dir / "chromium"
    return (
        f'if [ "$1" = install ]; then printf "#!{BASH}\\n" > {chromium}; {CHMOD} +x {chromium}; fi'
    )


def _run(tmp_path: Path, *, uid: int, chromium=False, apt=True, sudo=None):
    """Run the script with only the stubs asked for; ``sudo`` is "ok", "password" or None."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "log"
    log.touch()
    _stub(bin_dir, "id", f"echo {uid}")
    if chromium:
        _stub(bin_dir, "chromium", "")
    if apt:
        _stub(bin_dir, "apt-get", _apt_get(bin_dir))
    if sudo == "ok":
        # Password-less sudo: run the command (minus -n and VAR=value) as given.
        _stub(bin_dir, "sudo", 'shift; [ $# -eq 1 ] && exit 0; shift; exec "$@"')
    elif sudo == "password":
        _stub(bin_dir, "sudo", "exit 1")
    env = {"PATH": str(bin_dir), "STUB_LOG": str(log), "HOME": str(tmp_path)}
    done = subprocess.run([BASH, str(SCRIPT)], env=env, capture_output=True, text=True, check=False)
    return done, log.read_text().splitlines()


def test_present_chromium_means_nothing_is_run(tmp_path):
    done, calls = _run(tmp_path, uid=1000, chromium=True)
    assert done.returncode == 0
    assert calls == []
    assert done.stdout == done.stderr == ""


def test_root_installs_with_apt_get_update_then_install(tmp_path):
    done, calls = _run(tmp_path, uid=0)
    assert done.returncode == 0, done.stderr
    apt = [c for c in calls if c.startswith("apt-get")]
    assert apt == ["apt-get update -qq", "apt-get install -y -qq chromium"]
    assert not any(c.startswith("sudo") for c in calls)


def test_user_with_passwordless_sudo_installs_through_sudo(tmp_path):
    done, calls = _run(tmp_path, uid=1000, sudo="ok")
    assert done.returncode == 0, done.stderr
    assert "sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium" in calls
    assert [c for c in calls if c.startswith("apt-get")] == [
        "apt-get update -qq",
        "apt-get install -y -qq chromium",
    ]


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ({"uid": 1000, "sudo": "password"}, "needs root"),
        ({"uid": 1000, "sudo": None}, "needs root"),
        ({"uid": 0, "apt": False}, "no apt-get"),
    ],
)
def test_cannot_install_says_what_to_install_in_one_line(tmp_path, case, reason):
    done, calls = _run(tmp_path, **case)
    assert done.returncode == 1
    assert not any(c.startswith("apt-get") for c in calls)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert reason in lines[0]
    assert "apt-get install chromium" in lines[0]


def test_make_test_runs_the_script_before_pytest():
    makefile = (SCRIPT.parents[1] / "Makefile").read_text()
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert recipe.index("scripts/ensure-chromium") < recipe.index("-m pytest")
    ci = (SCRIPT.parents[1] / ".ci" / "run").read_text()
    assert [line for line in ci.splitlines() if line and not line.startswith("#")][-1] == (
        "make test"
    )
    assert os.access(SCRIPT, os.X_OK)
